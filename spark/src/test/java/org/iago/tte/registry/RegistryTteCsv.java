package org.iago.tte.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.iago.csv.CsvReader;

/** An output CSV read back ({@link CsvReader}): rows as column → text (empty for null). */
record RegistryTteCsv(List<String> header, List<Map<String, String>> rows) {

    static RegistryTteCsv read(Path file) throws IOException {
        List<List<String>> records = CsvReader.read(file);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> fields : records.subList(1, records.size())) {
            if (fields.size() != header.size()) {
                throw new IllegalStateException("expected " + header.size() + " fields: " + fields);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            rows.add(row);
        }
        return new RegistryTteCsv(header, rows);
    }

    /** Rows whose columns have the given values: column, value, column, value, … */
    List<Map<String, String>> where(String... columnsAndValues) {
        Predicate<Map<String, String>> match = r -> true;
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String column = columnsAndValues[i];
            String value = columnsAndValues[i + 1];
            match = match.and(r -> value.equals(r.get(column)));
        }
        return rows.stream().filter(match).toList();
    }

    /** The one row with the given values. */
    Map<String, String> one(String... columnsAndValues) {
        List<Map<String, String>> found = where(columnsAndValues);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows match " + String.join(" ", columnsAndValues));
        }
        return found.get(0);
    }

    static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    static long integer(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }
}
