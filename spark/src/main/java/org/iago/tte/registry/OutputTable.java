package org.iago.tte.registry;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.ParquetTable;

/**
 * One output of {@link RegistryTteJob}: rows in their final order, written on the driver as a Parquet folder
 * {@code <name>/} ({@link ParquetTable}: staged beside it, then swapped in) and as {@code <name>.csv} (written aside,
 * then moved in). Doubles are written as Java prints them (round-trip exact), so the same input gives the same bytes;
 * an undefined value (NaN) is null in Parquet and empty in the CSV, an infinite one {@code Infinity}.
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

    /** The Parquet file of the rows ({@link ParquetTable#bytes}): the costly part of writing, done in any thread. */
    byte[] parquet() throws IOException {
        return ParquetTable.bytes(schema, rows);
    }

    /** Writes both files. */
    void write(Publisher publisher, Path directory) throws IOException {
        writeCsv(publisher, directory);
        publishParquet(publisher, directory, parquet());
    }

    /** Writes {@code <name>.csv} into an existing {@code directory}. */
    void writeCsv(Publisher publisher, Path directory) throws IOException {
        CsvOutput.write(publisher, new Path(directory, name + ".csv"), List.of(schema.fieldNames()), rows.iterator());
    }

    /** Publishes the folder {@code <name>/} holding {@code parquet}, the table's {@link #parquet()} file. */
    void publishParquet(Publisher publisher, Path directory, byte[] parquet) throws IOException {
        ParquetTable.publish(publisher, parquet, new Path(directory, name));
    }
}
