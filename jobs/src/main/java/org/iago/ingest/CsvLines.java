package org.iago.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.file.separator.RecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

/**
 * Comma-separated records as the CSV ingestions read them (RFC 4180 quoting; a quoted field may hold line breaks, so a
 * record may span physical lines): the header's column names, and each data record's fields, which must be as many as
 * the header's. A line break inside a quoted field is read as {@code \n}, whatever the file's line ends.
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

    /**
     * The physical line a record starts on: the reader counts the lines it joined, and gives the last one.
     *
     * @param record   a record as the reader joined it, with {@code \n} between its physical lines
     * @param lastLine the number of its last physical line
     */
    public static int firstLine(String record, int lastLine) {
        int breaks = 0;
        for (int i = record.indexOf('\n'); i >= 0; i = record.indexOf('\n', i + 1)) {
            breaks++;
        }
        return lastLine - breaks;
    }

    /**
     * Joins the physical lines of a record while a quoted field is open at the end of one (as {@link InputFile#scanCsv}
     * counts records). A record that ends the file with a quoted field still open is rejected by the reader.
     */
    static final class QuotedRecords implements RecordSeparatorPolicy {

        /** Only the last line is read: a record goes on only from inside a quoted field, so the line starts there. */
        @Override
        public boolean isEndOfRecord(String record) {
            int start = record.lastIndexOf('\n') + 1;
            InputFile.CsvQuotes quotes = new InputFile.CsvQuotes();
            if (start > 0) {
                quotes.continueQuotedField();
            }
            for (int i = start; i < record.length(); i++) {
                quotes.accept(record.charAt(i));
            }
            return !quotes.isOpen();
        }

        @Override
        public String preProcess(String record) {
            return record + "\n";
        }

        @Override
        public String postProcess(String record) {
            return record;
        }
    }
}
