package org.iago.spark;

import java.io.IOException;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.iago.lake.LakeStorage;

/** A job's Parquet table: written by Spark into a staging folder, then swapped in whole ({@link LakeStorage#replace}). */
public final class ParquetOutput {

    private ParquetOutput() {
    }

    /** Writes {@code rows} to {@code staged}, which is overwritten, then publishes them as {@code target}. */
    public static void publish(LakeStorage storage, Dataset<Row> rows, Path staged, Path target) throws IOException {
        stage(rows, staged);
        storage.replace(staged, target);
    }

    /**
     * Writes {@code rows} to {@code staged}, which is overwritten, for a {@link LakeStorage#replace} later: a job
     * whose tables must be swapped in together stages them all first.
     */
    public static void stage(Dataset<Row> rows, Path staged) {
        rows.write().mode(SaveMode.Overwrite).parquet(staged.toString());
    }

    /** {@link #publish} through the hidden sibling {@code .<name>.staging}. */
    public static void publish(LakeStorage storage, Dataset<Row> rows, Path target) throws IOException {
        publish(storage, rows, new Path(target.getParent(), "." + target.getName() + ".staging"), target);
    }
}
