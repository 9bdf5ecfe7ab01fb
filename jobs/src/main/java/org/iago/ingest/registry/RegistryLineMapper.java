package org.iago.ingest.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iago.ingest.CsvLines;
import org.iago.ingest.LakeRow;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.RegistryTable;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;

/**
 * One record of a registry CSV (RFC 4180 quoting, header row) to a lake row, through {@link RegistryRules}. Columns are
 * found by header name in any order; a header without one of the table's columns fails the step, so nothing of the
 * extract is published. A quoted field may hold line breaks; the row's line number is the first physical line of its
 * record.
 */
final class RegistryLineMapper implements LineMapper<LakeRow>, LineCallbackHandler {

    private final RegistryTable table;
    private final String fileName;
    private final CsvLines lines;
    private final RegistryRules rules;
    private Map<String, Integer> fieldOfColumn;

    RegistryLineMapper(RegistryTable table, String fileName, StrictDecoder decoder, RegistryRules rules) {
        this.table = table;
        this.fileName = fileName;
        this.lines = new CsvLines(decoder);
        this.rules = rules;
    }

    @Override
    public void handleLine(String headerLine) {
        List<String> header = lines.header(headerLine);
        Map<String, Integer> fields = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String input : table.inputColumns()) {
            int at = header.indexOf(input);
            if (at < 0) {
                missing.add(input);
            }
            fields.put(input, at);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": the header has no column " + String.join(", ", missing)
                    + " (docs/registry-format.md); it has " + header);
        }
        fieldOfColumn = fields;
    }

    @Override
    public LakeRow mapLine(String byteLine, int lastLine) {
        int lineNumber = CsvLines.firstLine(byteLine, lastLine);
        String[] fields = lines.fields(byteLine, fileName, lineNumber);
        return new LakeRow(lineNumber, rules.row(table, new RegistryFields(fieldOfColumn, fields), lineNumber));
    }
}
