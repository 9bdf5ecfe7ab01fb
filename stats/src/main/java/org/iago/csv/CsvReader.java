package org.iago.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV that {@link CsvWriter} wrote back into the texts it was given: RFC 4180 records (a quoted field may
 * hold commas, doubled quotes and line breaks; {@code \n}, {@code \r\n} or {@code \r} end a record; a leading byte
 * order mark is skipped), and one {@code '} taken off every field that begins with one (the writer's mark; no number
 * or other value begins with {@code '}).
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** The records of a UTF-8 file, the header first. */
    public static List<List<String>> read(Path file) throws IOException {
        return records(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param source the file's name, for the message when a quoted field is not closed
     * @throws IOException when a quoted field is not closed
     */
    public static List<List<String>> records(String text, String source) throws IOException {
        List<List<String>> records = fields(text, source);
        for (List<String> record : records) {
            record.replaceAll(CsvReader::unmarked);
        }
        return records;
    }

    /** The text the writer was given: the field without the one mark it may begin with. */
    static String unmarked(String field) {
        return !field.isEmpty() && field.charAt(0) == CsvWriter.TEXT_MARK ? field.substring(1) : field;
    }

    /** The fields as a spreadsheet sees them: unquoted, marks kept. */
    static List<List<String>> fields(String text, String source) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int recordStart = 0;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                recordStart = i + 1;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IOException(source + ": a quoted field of the record on line " + line(text, recordStart)
                    + " is not closed");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** The line number (from 1) of a position: line breaks as the records end ({@code \r\n} one break). */
    private static long line(String text, int position) {
        String before = text.substring(0, position);
        return 1 + before.chars().filter(c -> c == '\n').count()
                + before.replace("\r\n", "\n").chars().filter(c -> c == '\r').count();
    }
}
