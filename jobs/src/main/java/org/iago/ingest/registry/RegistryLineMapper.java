package org.iago.ingest.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iago.ingest.LakeRow;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.RegistryTable;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

/**
 * One line of a registry CSV (RFC 4180 quoting, header row) to a lake row, through {@link RegistryRules}. Columns are
 * found by header name in any order; a header without one of the table's columns fails the step, so nothing of the
 * extract is published. One record is one physical line.
 */
final class RegistryLineMapper implements LineMapper<LakeRow>, LineCallbackHandler {

    private final RegistryTable table;
    private final String fileName;
    private final StrictDecoder decoder;
    private final RegistryRules rules;
    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(",");
    private Map<String, Integer> fieldOfColumn;
    private int fieldCount = -1;

    RegistryLineMapper(RegistryTable table, String fileName, StrictDecoder decoder, RegistryRules rules) {
        this.table = table;
        this.fileName = fileName;
        this.decoder = decoder;
        this.rules = rules;
        tokenizer.setStrict(false);
    }

    @Override
    public void handleLine(String headerLine) {
        String line = decoder.decodeLeniently(headerLine);
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        List<String> header = new ArrayList<>();
        for (String name : tokenizer.tokenize(line).getValues()) {
            header.add(name.trim());
        }
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
        fieldCount = header.size();
    }

    @Override
    public LakeRow mapLine(String byteLine, int lineNumber) {
        if (fieldCount < 0) {
            throw new IllegalStateException(fileName + ": data line " + lineNumber + " read before the header");
        }
        String[] fields = tokenizer.tokenize(decoder.decode(byteLine)).getValues();
        if (fields.length != fieldCount) {
            throw new RecordRejectedException("expected " + fieldCount + " comma-separated fields as in the header,"
                    + " found " + fields.length);
        }
        return new LakeRow(lineNumber, rules.row(table, new RegistryFields(fieldOfColumn, fields), lineNumber));
    }
}
