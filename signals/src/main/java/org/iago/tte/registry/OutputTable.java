package org.iago.tte.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.PartitionPublisher;

/**
 * One output of {@link RegistryTteJob}: rows in their final order, written as a Parquet folder {@code <name>/} (staged
 * beside it, then swapped in) and as {@code <name>.csv} (written aside, then moved in). Doubles are written as Java
 * prints them (round-trip exact), so the same input gives the same bytes; an undefined value (NaN) is null in Parquet
 * and empty in the CSV, an infinite one {@code Infinity}.
 *
 * @param name the file and folder name
 * @param schema the columns
 * @param rows the rows, sorted
 */
record OutputTable(String name, StructType schema, List<Row> rows) {

    OutputTable {
        rows = List.copyOf(rows);
    }

    /** A row of the given values, NaN made null. */
    static Row row(Object... values) {
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof Double d && d.isNaN()) {
                copy[i] = null;
            }
        }
        return RowFactory.create(copy);
    }

    void write(SparkSession spark, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path staged = directory.resolve("." + name + ".staging");
        PartitionPublisher.deleteRecursively(staged);
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(staged.toString());
        PartitionPublisher.replace(staged, directory.resolve(name));
        writeCsv(directory.resolve(name + ".csv"));
    }

    private void writeCsv(Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StructField[] fields = schema.fields();
            for (int i = 0; i < fields.length; i++) {
                w.write(i > 0 ? "," : "");
                w.write(fields[i].name());
            }
            w.write('\n');
            for (Row r : rows) {
                for (int i = 0; i < r.size(); i++) {
                    w.write(i > 0 ? "," : "");
                    w.write(csvField(r.get(i)));
                }
                w.write('\n');
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (value instanceof String && (s.contains(",") || s.contains("\"") || s.contains("\n"))) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
