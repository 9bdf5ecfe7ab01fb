package org.iago.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.iago.csv.CsvReader;

/**
 * A CSV file of a run folder read whole by {@link CsvReader}: a header row and rows, each text as the iago job that
 * wrote it was given it (a name marked against spreadsheet formulas reads unmarked). Columns are looked up by name,
 * case-insensitively, so a file with extra or reordered columns reads the same; a column that is absent reads as
 * empty.
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
        List<List<String>> records = CsvReader.read(file);
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
}
