package org.iago.disproportionality;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iago.lake.Publisher;
import org.iago.spark.ParquetOutput;
import org.iago.spark.ParquetTable;

/**
 * Every statistic of every pair ({@link org.iago.vocabulary.SignalColumn}) with the prior they were scored under:
 * computed by Spark ({@code scored}, cached) or on the driver ({@code sorted}); the other is null.
 *
 * @param sorted the scored rows sorted by drug and event, when the analysis ran on the driver
 */
record ScoredPairs(Dataset<Row> scored, long pairs, DisproportionalityJob.PriorFit prior, List<Row> sorted) {

    /** Writes the rows as the fresh Parquet folder {@code staged}: Spark's files, or the driver's one file. */
    void stage(Publisher publisher, Path staged) throws IOException {
        if (sorted != null) {
            byte[] file = ParquetTable.bytes(PairScores.SCHEMA, sorted);
            publisher.write(new Path(staged, ParquetTable.FILE), out -> out.write(file));
        } else {
            ParquetOutput.stage(scored, staged);
        }
    }

    void unpersist() {
        if (scored != null) {
            scored.unpersist();
        }
    }
}
