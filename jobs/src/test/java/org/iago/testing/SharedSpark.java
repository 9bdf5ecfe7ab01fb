package org.iago.testing;

import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test JVM ({@code local[2]}, two shuffle partitions, no UI): starting Spark costs
 * seconds, reusing it costs nothing. Surefire runs each module's tests in one JVM.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("iago-tests")
                    .master("local[2]")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
