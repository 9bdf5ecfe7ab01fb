package org.iago.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

/**
 * Comma-separated lines as the CSV ingestions read them (RFC 4180 quoting, one record per physical line): the header's
 * column names, and each data line's fields, which must be as many as the header's.
 */
public final class CsvLines {

    private final StrictDecoder decoder;
    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(",");
    private int fieldCount = -1;

    public CsvLines(StrictDecoder decoder) {
        this.decoder = decoder;
        tokenizer.setStrict(false);
    }

    /** @return the header's column names, trimmed, without a byte-order mark */
    public List<String> header(String byteLine) {
        String line = decoder.decodeLeniently(byteLine);
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        List<String> names = new ArrayList<>();
        for (String name : tokenizer.tokenize(line).getValues()) {
            names.add(name.trim());
        }
        fieldCount = names.size();
        return names;
    }

    /**
     * @throws RecordRejectedException when the line is not valid in the encoding or has another field count
     * @throws IllegalStateException   when no header was read
     */
    public String[] fields(String byteLine, String fileName, int lineNumber) {
        if (fieldCount < 0) {
            throw new IllegalStateException(fileName + ": data line " + lineNumber + " read before the header");
        }
        String[] fields = tokenizer.tokenize(decoder.decode(byteLine)).getValues();
        if (fields.length != fieldCount) {
            throw new RecordRejectedException("expected " + fieldCount + " comma-separated fields as in the header,"
                    + " found " + fields.length);
        }
        return fields;
    }
}
