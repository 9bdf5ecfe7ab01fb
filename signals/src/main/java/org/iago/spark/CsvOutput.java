package org.iago.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;

/**
 * The CSV twin of a job's output table: UTF-8, header row, rows in the order given, written aside and moved in
 * atomically. Values are written as Java prints them (doubles round-trip exactly, +∞ as {@code Infinity}), null as an
 * empty field, and text is quoted (RFC 4180) only when it holds a comma, a quote or a line break; so the same rows
 * always give the same bytes.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    public static void write(Path target, List<String> header, Iterator<Row> rows) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int i = 0; i < r.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(field(r.get(i)));
                }
                w.write('\n');
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (value instanceof String && (s.contains(",") || s.contains("\"") || s.contains("\n")
                || s.contains("\r"))) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
