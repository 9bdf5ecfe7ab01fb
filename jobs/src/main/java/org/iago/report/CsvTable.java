package org.iago.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A CSV file of a run folder read whole: a header row and rows, fields quoted as RFC 4180 (what the iago jobs
 * write). Columns are looked up by name, case-insensitively, so a file with extra or reordered columns reads the same;
 * a column that is absent reads as empty.
 */
public record CsvTable(List<String> columns, List<Row> rows) {

    /** One row; {@link #get} and {@link #number} take a column name. */
    public record Row(Map<String, Integer> index, List<String> fields) {

        public String get(String column) {
            Integer i = index.get(column.toLowerCase(Locale.ROOT));
            return i == null || i >= fields.size() ? "" : fields.get(i);
        }

        /** The value as a double: NaN when empty or not a number; {@code Infinity}, {@code inf} and signs allowed. */
        public double number(String column) {
            return parse(get(column));
        }
    }

    public static CsvTable read(Path file) throws IOException {
        List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8), file);
        if (records.isEmpty()) {
            throw new IOException(file + ": empty file, no header row");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<Row> rows = records.subList(1, records.size()).stream()
                .filter(r -> !(r.size() == 1 && r.get(0).isEmpty()))
                .map(r -> new Row(index, r)).toList();
        return new CsvTable(header, rows);
    }

    public boolean has(String column) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    public List<Row> where(Predicate<Row> condition) {
        return rows.stream().filter(condition).toList();
    }

    static double parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "", "na", "nan", "null" -> {
                return Double.NaN;
            }
            case "inf", "infinity", "+inf", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
    }

    /** RFC 4180 records; a quoted field may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String text, Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
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
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IOException(file + ": a quoted field is not closed");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
