package org.iago.ingest.cases;

import java.util.List;

import org.iago.ingest.CsvLines;
import org.iago.ingest.LakeRow;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.StrictDecoder;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;

/**
 * One record of a comma-separated case table (RFC 4180 quoting, header row) to a lake row of id, drug, event and
 * strata. A record with another field count than the header, or without id, drug or event, is rejected. A quoted field
 * may hold line breaks; the row's line number is the first physical line of its record.
 */
public final class CaseLineMapper implements LineMapper<LakeRow>, LineCallbackHandler {

    private final CaseColumns columns;
    private final String fileName;
    private final CsvLines lines;
    private int[] fieldOfColumn;

    public CaseLineMapper(CaseColumns columns, String fileName, StrictDecoder decoder) {
        this.columns = columns;
        this.fileName = fileName;
        this.lines = new CsvLines(decoder);
    }

    @Override
    public void handleLine(String headerLine) {
        List<String> header = lines.header(headerLine);
        List<String> wanted = columns.inputColumns();
        fieldOfColumn = new int[wanted.size()];
        for (int i = 0; i < wanted.size(); i++) {
            fieldOfColumn[i] = header.indexOf(wanted.get(i));
            if (fieldOfColumn[i] < 0) {
                throw new IllegalArgumentException(fileName + ": no column '" + wanted.get(i) + "' in the header "
                        + header);
            }
        }
    }

    @Override
    public LakeRow mapLine(String byteLine, int lastLine) {
        int lineNumber = CsvLines.firstLine(byteLine, lastLine);
        String[] fields = lines.fields(byteLine, fileName, lineNumber);
        Object[] values = new Object[fieldOfColumn.length];
        List<String> names = columns.inputColumns();
        for (int i = 0; i < fieldOfColumn.length; i++) {
            String v = fields[fieldOfColumn[i]];
            if (!v.isEmpty()) {
                values[i] = v;
            } else if (i < 3) {
                throw new RecordRejectedException(names.get(i) + " is empty");
            }
        }
        return new LakeRow(lineNumber, values);
    }
}
