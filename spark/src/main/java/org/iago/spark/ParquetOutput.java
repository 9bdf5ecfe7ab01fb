package org.iago.spark;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Publisher;

/**
 * A job's Parquet table: written by Spark into {@link Publisher#staging}, then published whole
 * ({@link Publisher#replace}), and read back at its published version.
 */
public final class ParquetOutput {

    private ParquetOutput() {
    }

    /** Writes {@code rows} to a fresh staging folder, then publishes them as {@code target}. */
    public static void publish(Publisher publisher, Dataset<Row> rows, Path target) throws IOException {
        Path staged = publisher.staging(target);
        stage(rows, staged);
        publisher.replace(staged, target);
    }

    /**
     * Writes {@code rows} to {@code staged}, which is overwritten, for a {@link Publisher#replace} later: a job
     * whose tables must be swapped in together stages them all first.
     */
    public static void stage(Dataset<Row> rows, Path staged) {
        rows.write().mode(SaveMode.Overwrite).parquet(staged.toString());
    }

    /** The rows of a published table ({@link Publisher#published}), from its footers: no Spark job. */
    public static long rowCount(SparkSession spark, Path table) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        return ParquetTable.rowCount(ParquetTable.dataFiles(Publisher.published(table, conf), conf), conf);
    }

    /** A published table ({@link Publisher#published}), or one copied in whole, on any file system. */
    public static Dataset<Row> read(SparkSession spark, Path table) {
        try {
            return spark.read().parquet(Publisher.published(table, spark.sparkContext().hadoopConfiguration())
                    .toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the published version of " + table, e);
        }
    }
}
