package org.iago.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.iago.csv.CsvWriter;
import org.iago.csv.Utf8Writer;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;

/**
 * The CSV twin of a job's output table: UTF-8, header row, rows in the order given, written aside and moved in
 * atomically, in iago's one CSV dialect ({@link CsvWriter}). A string column is text (a name that would start a
 * spreadsheet formula is marked with {@code '}); any other column is written as {@link CsvWriter#value} prints it
 * (doubles as their shortest decimal that reads back exactly, ±∞ as {@code Infinity} and {@code -Infinity}), null as
 * an empty field; so the same rows always give the
 * same bytes.
 */
public final class CsvOutput {

    private CsvOutput() {
    }

    /** Writes a CSV on the local disk. */
    public static void write(Path target, List<String> header, Iterator<Row> rows) throws IOException {
        write(Publisher.local(), LakePaths.location(target), header, rows);
    }

    /** Writes a CSV where {@code storage} publishes, e.g. beside the Parquet outputs of a job on HDFS. */
    public static void write(Publisher storage, org.apache.hadoop.fs.Path target, List<String> header,
            Iterator<Row> rows) throws IOException {
        storage.write(target, out -> {
            Utf8Writer w = new Utf8Writer(out);
            CsvWriter csv = new CsvWriter(w);
            csv.record(header);
            while (rows.hasNext()) {
                Row r = rows.next();
                for (int i = 0; i < r.size(); i++) {
                    csv.cell(r.get(i));
                }
                csv.endRecord();
            }
            w.flush();
        });
    }
}
