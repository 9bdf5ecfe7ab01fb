package org.iago.disproportionality;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iago.lake.Publisher;
import org.iago.spark.ParquetOutput;
import org.iago.spark.ParquetTable;

/**
 * Every statistic of every pair ({@link org.iago.vocabulary.SignalColumn}) with the prior they were scored under:
 * computed by Spark ({@code tested}, completed by {@code withFdrs}) or on the driver ({@code sorted}); the other is
 * null.
 * <p>
 * Spark's rows are completed with their false discovery rates where they are read ({@link #scored}), from the
 * cached {@code tested} rows: the 36 columns of every pair are not cached a second time (at 20M reports, 4.2 million
 * pairs, a pass of 32 s only filled that cache).
 *
 * @param tested  the pairs scored by Spark, cached: every column but the FDRs and the flags decided by them; let go
 *                by {@link #unpersist}
 * @param withFdrs adds those columns to rows of {@code tested}
 * @param sorted  the scored rows sorted by drug and event, when the analysis ran on the driver
 */
record ScoredPairs(Dataset<Row> tested, UnaryOperator<Dataset<Row>> withFdrs, long pairs,
        DisproportionalityJob.PriorFit prior, List<Row> sorted) {

    /** Spark's scored pairs, every column; null when the driver scored them. */
    Dataset<Row> scored() {
        return tested == null ? null : withFdrs.apply(tested);
    }

    /** Writes the rows as the fresh Parquet folder {@code staged}: Spark's files, or the driver's one file. */
    void stage(Publisher publisher, Path staged) throws IOException {
        if (sorted != null) {
            byte[] file = ParquetTable.bytes(PairScores.SCHEMA, sorted);
            publisher.write(new Path(staged, ParquetTable.FILE), out -> out.write(file));
        } else {
            ParquetOutput.stage(scored(), staged);
        }
    }

    void unpersist() {
        if (tested != null) {
            tested.unpersist();
        }
    }
}
