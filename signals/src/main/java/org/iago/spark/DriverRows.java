package org.iago.spark;

import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Rows computed on the driver as a Dataset, to write them with Spark's writers. {@code createDataFrame(List)} would
 * put the rows into the tasks themselves (Spark warns of tasks of several MiB, and sends each one whole); here they
 * are broadcast once, as Spark ships large data, and each task takes its slice of them.
 */
public final class DriverRows {

    /** Rows per slice: a partition, and a Parquet part file, of the written table. */
    private static final int SLICE_ROWS = 250_000;

    private DriverRows() {
    }

    /** {@code rows} in their order, in slices of consecutive rows. */
    public static Dataset<Row> dataset(SparkSession spark, List<Row> rows, StructType schema) {
        Broadcast<List<Row>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(rows);
        int size = rows.size();
        int slices = Math.max(1, (size + SLICE_ROWS - 1) / SLICE_ROWS);
        MapPartitionsFunction<Long, Row> slice = numbers -> {
            if (!numbers.hasNext()) {
                return Collections.emptyIterator();
            }
            long s = numbers.next();
            return shared.value().subList(Math.toIntExact(s * size / slices), Math.toIntExact((s + 1) * size / slices))
                    .iterator();
        };
        return spark.range(0, slices, 1, slices).as(Encoders.LONG()).mapPartitions(slice, Encoders.row(schema));
    }
}
