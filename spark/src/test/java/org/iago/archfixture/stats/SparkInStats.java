package org.iago.archfixture.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Deliberately wrong for ArchitectureTest: a statistic that imports Spark. */
public final class SparkInStats {

    public static long count(Dataset<Row> rows) {
        return rows.count();
    }
}
