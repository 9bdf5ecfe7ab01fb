package org.iago.testing;

import org.apache.spark.sql.SparkSession;
import org.iago.spark.IagoSpark;

/**
 * One SparkSession for the whole test JVM ({@code local[2]}, two shuffle partitions, no UI, the settings of every iago
 * session): starting Spark costs seconds, reusing it costs nothing. Surefire runs each module's tests in one JVM.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = IagoSpark.session("iago-tests", "local[2]", 2);
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
