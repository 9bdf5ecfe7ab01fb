package org.iago.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import scala.Option;

/**
 * The SparkSession of a command or a nightly run: in this JVM ({@code local[*]}) or on a cluster master. Executors on a
 * cluster need iago's classes (the jobs ship lambdas to them): for a master that is not {@code local}, the application
 * jar ({@code iago-spark-<version>-app.jar}, built beside the iago-spark jar) is added to {@code spark.jars}. In a
 * process that already has a session (tests, spark-submit), that session is returned and its settings apply, except
 * the ones iago's results depend on ({@link #configure}).
 */
public final class IagoSpark {

    /**
     * Spark 4.2's union passes its children's hash partitioning on when they agree, so a repartition by the same key
     * after it is dropped; when adaptive execution then coalesces the children's shuffles to different partition
     * counts, the union concatenates them and rows with one key from different children land in different partitions
     * (SPARK-52921 and its follow-ups; measured here: 0 pairs on a 20M-report lake, when the pair counts still
     * gathered each report's rows this way). Off, the union's partitioning is unknown, as before Spark 4.1.
     */
    public static final String UNION_OUTPUT_PARTITIONING = "spark.sql.unionOutputPartitioning";

    private IagoSpark() {
    }

    /**
     * Applies to a session, whoever built it, the settings iago's results depend on: {@link #UNION_OUTPUT_PARTITIONING}
     * off. Every Spark application and command of iago calls this before its first query.
     */
    public static SparkSession configure(SparkSession spark) {
        spark.conf().set(UNION_OUTPUT_PARTITIONING, false);
        return spark;
    }

    /** The session of a spark-submit application: master and settings from spark-submit, then {@link #configure}. */
    public static SparkSession application(String appName) {
        return configure(SparkSession.builder().appName(appName).getOrCreate());
    }

    /**
     * Session settings for an input of a few thousand rows, where Spark's fixed costs per task, stage and job exceed
     * the work: every shuffle into one partition, no adaptive execution (which runs each shuffle stage as a job of
     * its own and plans the rest of the query again after it), and expressions and operators interpreted rather than
     * compiled to Java by Janino: compiling each of curation's plans costs more than running it on a few thousand
     * rows. Interpreted evaluation is Spark's own fallback for every expression and gives the same values; what can
     * differ is the order in which a hash aggregation hands out its groups, and so the row order of a table that is
     * not sorted after one.
     */
    public static final Map<String, String> SMALL_INPUT = Map.of(
            "spark.sql.shuffle.partitions", "1",
            "spark.sql.adaptive.enabled", "false",
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

    /**
     * Rows of a job's main input up to which it runs with {@link #SMALL_INPUT}: curation measured on the demo's 9,200
     * DEMO rows took 39.7 s of CPU instead of 54.5 s and 37 Spark jobs instead of 86, with the same tables
     * (docs/benchmarks.md); a larger input keeps the session's settings.
     */
    public static final long SMALL_INPUT_ROWS = 100_000;

    /** Runs {@code work} with {@link #SMALL_INPUT} when its input has at most {@link #SMALL_INPUT_ROWS} rows. */
    public static <T> T sizedFor(SparkSession spark, long inputRows, Work<T> work) throws IOException {
        return inputRows <= SMALL_INPUT_ROWS ? withSettings(spark, SMALL_INPUT, work) : work.run();
    }

    /**
     * Runs {@code work}, Spark jobs over the curated FAERS lake (the onsets, an analysis' review priority, its
     * interactions), sized for the lake's curated reports ({@link #sizedFor}), as curation is for its DEMO rows.
     */
    public static <T> T sizedForCuratedReports(SparkSession spark, Lake lake, Work<T> work) throws IOException {
        return sizedFor(spark, ParquetOutput.rowCount(spark, lake.curatedLocation(CuratedTable.REPORTS)), work);
    }

    /** Work that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} with some session settings changed, then restores them: the session is shared by the steps of
     * a run, and the next ones read its settings (the counting's shuffle partitions).
     */
    public static <T> T withSettings(SparkSession spark, Map<String, String> settings, Work<T> work)
            throws IOException {
        Map<String, Option<String>> previous = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            previous.put(key, spark.conf().getOption(key));
            spark.conf().set(key, value);
        });
        try {
            return work.run();
        } finally {
            previous.forEach((key, value) -> {
                if (value.isDefined()) {
                    spark.conf().set(key, value.get());
                } else {
                    spark.conf().unset(key);
                }
            });
        }
    }

    /** Whether a master runs Spark in this JVM ({@code local}, {@code local[n]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    public static SparkSession session(String appName, String master, int shufflePartitions) {
        Option<SparkSession> existing = SparkSession.getDefaultSession();
        if (existing.isDefined()) {
            // its settings stand, but for those the results depend on: asking the builder again only logs that they do
            return configure(existing.get());
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.sql.shuffle.partitions", shufflePartitions)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC");
        if (!isLocal(master)) {
            Path jar = applicationJar().orElseThrow(() -> new IllegalStateException("Spark master " + master
                    + " needs iago's application jar for its executors, and there is none beside " + codeLocation()
                    + ": build it with ./mvnw -pl spark -am package"));
            builder.config("spark.jars", jar.toUri().toString());
        }
        return configure(builder.getOrCreate());
    }

    /**
     * {@code <name>-app.jar} beside the iago-spark jar (a local Maven repository, {@code spark/target/}), or in
     * {@code spark/target/} when the classes are run from {@code target/classes}.
     */
    static Optional<Path> applicationJar() {
        Path code = codeLocation();
        Path folder = code.getParent();
        String prefix = Files.isDirectory(code) ? "iago-spark-"
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
