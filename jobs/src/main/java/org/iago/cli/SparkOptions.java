package org.iago.cli;

import org.apache.spark.sql.SparkSession;
import org.iago.spark.IagoSpark;
import picocli.CommandLine.Option;

/**
 * Where a command's Spark jobs run: in this JVM ({@code local[*]}, the embedded default) or on a cluster master
 * ({@link IagoSpark}). The jobs themselves never name a master; under spark-submit the cluster's settings apply.
 */
public final class SparkOptions {

    @Option(names = "--master", paramLabel = "<url>",
            description = "Spark master (default: ${DEFAULT-VALUE}, Spark in this process on every core).")
    String master = "local[*]";

    @Option(names = "--shuffle-partitions", paramLabel = "<n>", converter = OptionValues.AtLeastOne.class,
            description = "spark.sql.shuffle.partitions (default: ${DEFAULT-VALUE}): exactly this many for the "
                    + "counting's sums and the likelihood ratio tests; adaptive execution coalesces other shuffles.")
    int shufflePartitions = 16;

    /** Whether Spark would run in this process, where a small input may be processed without it. */
    boolean local() {
        return IagoSpark.isLocal(master);
    }

    SparkSession session(String appName) {
        return IagoSpark.session(appName, master, shufflePartitions);
    }
}
