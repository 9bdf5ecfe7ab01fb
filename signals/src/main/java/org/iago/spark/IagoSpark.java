package org.iago.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The SparkSession of a command or a nightly run: in this JVM ({@code local[*]}) or on a cluster master. Executors on a
 * cluster need iago's classes (the jobs ship lambdas to them): for a master that is not {@code local}, the application
 * jar ({@code iago-signals-<version>-app.jar}, built beside the signals jar) is added to {@code spark.jars}. In a
 * process that already has a session (tests, spark-submit), that session is returned and its settings apply.
 */
public final class IagoSpark {

    private IagoSpark() {
    }

    public static SparkSession session(String appName, String master, int shufflePartitions) {
        Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined()) {
            // its settings stand: asking the builder again only logs that they do
            return existing.get();
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.sql.shuffle.partitions", shufflePartitions)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC");
        if (!master.startsWith("local")) {
            Path jar = applicationJar().orElseThrow(() -> new IllegalStateException("Spark master " + master
                    + " needs iago's application jar for its executors, and there is none beside " + codeLocation()
                    + ": build it with ./mvnw -pl signals package"));
            builder.config("spark.jars", jar.toUri().toString());
        }
        return builder.getOrCreate();
    }

    /**
     * {@code <name>-app.jar} beside the signals jar (a local Maven repository, {@code signals/target/}), or in
     * {@code signals/target/} when the classes are run from {@code target/classes}.
     */
    static Optional<Path> applicationJar() {
        Path code = codeLocation();
        Path folder = code.getParent();
        String prefix = Files.isDirectory(code) ? "iago-signals-"
                : code.getFileName().toString().replaceFirst("\\.jar$", "");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith("-app.jar");
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(IagoSpark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
