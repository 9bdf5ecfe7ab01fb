package org.iago.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.iago.lake.LakePaths;
import org.iago.lake.LakeStorage;

/**
 * The CSV twin of a job's output table: UTF-8, header row, rows in the order given, written aside and moved in
 * atomically. Values are written as Java prints them (doubles round-trip exactly, +∞ as {@code Infinity}), null as an
 * empty field, and text is quoted (RFC 4180) only when it holds a comma, a quote or a line break; so the same rows
 * always give the same bytes.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    /** Writes a CSV on the local disk. */
    public static void write(Path target, List<String> header, Iterator<Row> rows) throws IOException {
        write(LakeStorage.local(), LakePaths.location(target), header, rows);
    }

    /** Writes a CSV where {@code storage} publishes, e.g. beside the Parquet outputs of a job on HDFS. */
    public static void write(LakeStorage storage, org.apache.hadoop.fs.Path target, List<String> header,
            Iterator<Row> rows) throws IOException {
        storage.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
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
            w.flush();
        });
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
