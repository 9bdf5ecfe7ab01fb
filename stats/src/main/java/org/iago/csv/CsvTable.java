package org.iago.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A CSV file of an iago output read whole by {@link CsvReader}: a header row and rows, each text as the iago job that
 * wrote it was given it (a name marked against spreadsheet formulas reads unmarked). Columns are looked up by name,
 * case-insensitively, so a file with extra or reordered columns reads the same (the registry tables of an older or
 * newer release carry columns the reader does not know). Reading a column that the header does not have fails, naming
 * the file and the column: a renamed column is an error, not an empty table. A column that a table may lack is read
 * with {@link Row#optional} or after {@link #has}. A row shorter than the header reads its missing cells as empty.
 */
public record CsvTable(List<String> columns, List<Row> rows) {

    /** One row; {@link #get} and {@link #number} take a column name. */
    public record Row(Header header, List<String> fields) {

        /**
         * @throws IllegalArgumentException when the file has no such column
         */
        public String get(String column) {
            int i = header.at(column);
            return i >= fields.size() ? "" : fields.get(i);
        }

        /** A column that a table may lack (the registry tables without groups have no {@code group_by}): empty then. */
        public String optional(String column) {
            return header.index().containsKey(column.toLowerCase(Locale.ROOT)) ? get(column) : "";
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
        return of(file.toString(), records.get(0), records.subList(1, records.size()));
    }

    /**
     * A table built in memory, read as a file would be.
     *
     * @param source what the table stands for, named when a column is missing
     * @param header the column names
     * @param records the rows' fields; a record of one empty field (a blank line) is skipped
     */
    public static CsvTable of(String source, List<String> header, List<List<String>> records) {
        List<String> names = header.stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        Header columns = new Header(source, index);
        List<Row> rows = records.stream()
                .filter(r -> !(r.size() == 1 && r.get(0).isEmpty()))
                .map(r -> new Row(columns, r)).toList();
        return new CsvTable(names, rows);
    }

    /** Where each column is, by lower-case name, in the file {@code source}. */
    record Header(String source, Map<String, Integer> index) {

        int at(String column) {
            Integer i = index.get(column.toLowerCase(Locale.ROOT));
            if (i == null) {
                throw new IllegalArgumentException(source + ": no column " + column);
            }
            return i;
        }
    }

    public boolean has(String column) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    public List<Row> where(Predicate<Row> condition) {
        return rows.stream().filter(condition).toList();
    }

    /** A cell as a double: NaN when empty or not a number; {@code Infinity}, {@code inf} and signs allowed. */
    public static double parse(String text) {
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
