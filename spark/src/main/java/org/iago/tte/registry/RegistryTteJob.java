package org.iago.tte.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.iago.spark.IagoSpark;
import org.iago.vocabulary.RunLayout;

/**
 * Time-to-event analysis of the cellular-therapy registry in the lake ({@code docs/registry-format.md}): overall
 * survival, cumulative incidence of toxicities, infections and subsequent neoplasms with competing events, onset
 * patterns, infection and toxicity incidence rates by window, and rate ratios of management comparisons. A registry
 * is small (thousands of patients): its tables are read once into memory ({@link RegistryExtract}), and per-patient
 * days, patient-days and per-group arrays ({@link RegistryFollowUp}), every estimate (the pure-Java statistics of
 * {@code org.iago.stats}) and the outputs ({@link OutputTable}) are computed and written in this process, with no Spark
 * job: planning and compiling Spark queries cost several times the analysis itself.
 *
 * <p>Writes under {@code <out>/tte/}, each table as a Parquet folder and a sorted CSV of the same name:
 * {@code survival}, {@code survival_summary}, {@code cumulative_incidence}, {@code cumulative_incidence_summary},
 * {@code grays_test}, {@code onset}, {@code onset_days}, {@code incidence_rates}, {@code rate_ratios}, the grading
 * harmonization of {@link GradingTables}; and {@code summary.json}. Columns are described in {@code docs/outputs.md}.
 *
 * <p>As a Spark application: {@code spark-submit --class org.iago.tte.registry.RegistryTteJob
 * iago-spark-<version>-app.jar <lake> <out> [--competing-relapse] [--censor-at-relapse]}, the driver reading and
 * writing through the Hadoop configuration spark-submit gives; the output may be an {@code hdfs://} or an
 * {@code s3a://} URI ({@link LakePaths}, {@link Publisher}, docs/cluster.md);
 * the lake, only read, may be on any file system Hadoop reads.
 */
public final class RegistryTteJob {

    /** The folder under the output directory. */
    public static final String FOLDER = RunLayout.TTE;

    private static final String COMPETING_RELAPSE = "--competing-relapse";
    private static final String CENSOR_AT_RELAPSE = "--censor-at-relapse";

    private static final Set<String> NEOPLASM_EVENTS = Set.of(RegistryFollowUp.T_CELL_MALIGNANCY,
            RegistryFollowUp.ANY_NEOPLASM);

    private final Configuration hadoop;

    /** Reads the lake and writes the outputs through the file systems of a Hadoop configuration. */
    public RegistryTteJob(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /** Reads and writes through the session's Hadoop configuration; the job itself runs no Spark job. */
    public RegistryTteJob(SparkSession spark) {
        this(spark.sparkContext().hadoopConfiguration());
    }

    public static void main(String[] args) throws IOException {
        List<String> flags = args.length < 2 ? List.of() : List.of(args).subList(2, args.length);
        if (args.length < 2 || !Set.of(COMPETING_RELAPSE, CENSOR_AT_RELAPSE).containsAll(flags)) {
            throw new IllegalArgumentException("usage: RegistryTteJob <lake> <out> [" + COMPETING_RELAPSE + "] ["
                    + CENSOR_AT_RELAPSE + "]");
        }
        RegistryTteOptions options = RegistryTteOptions.defaults()
                .withCompetingRelapse(flags.contains(COMPETING_RELAPSE))
                .withCensorAtRelapse(flags.contains(CENSOR_AT_RELAPSE));
        Lake lake = Lake.at(args[0]);      // only read, so it may be on any file system
        Path out = Publisher.requirePublishable(LakePaths.location(args[1]));
        SparkSession spark = IagoSpark.application("iago-registry-tte");
        try {
            new RegistryTteJob(spark).run(lake, out, options);
        } finally {
            spark.stop();
        }
    }

    public RegistryTteSummary run(Lake lake, Path out, RegistryTteOptions options) throws IOException {
        Path directory = new Path(out, FOLDER);
        // before any work: an output where iago cannot publish is refused at once
        Publisher publisher = Publisher.of(directory, hadoop);
        RegistryExtract extract = RegistryExtract.read(hadoop, lake);
        // a second thread grades while this one follows up, then encodes the Parquet files while this one writes CSVs
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iago-tte-background");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<OutputTable>> grading = background.submit(() -> GradingTables.of(extract));
            RegistryFollowUp followUp = RegistryFollowUp.prepare(extract, options);
            List<CompetingRisksSample> samples = followUp.competingRisks();
            // rates of infections and of every toxicity category, not of neoplasms
            List<String> rateEvents = samples.stream().map(CompetingRisksSample::event).distinct()
                    .filter(e -> !NEOPLASM_EVENTS.contains(e)).toList();
            SurvivalTables survival = new SurvivalTables(followUp.survival());
            CumulativeIncidenceTables incidence = new CumulativeIncidenceTables(samples, options.competingRelapse());
            List<PersonTimeCell> personTime = followUp.personTime();
            RegistryFollowUp.Events events = followUp.events();

            List<OutputTable> tables = new ArrayList<>(List.of(survival.curves(), survival.summary(),
                    incidence.curves(), incidence.summary(), incidence.graysTests(), OnsetTable.of(samples),
                    OnsetTable.days(followUp.firstOnsets()),
                    IncidenceRateTable.of(rateEvents, personTime, events.cells()),
                    RateRatioTable.of(options.comparisons(), personTime, events.cells())));
            tables.addAll(result(grading));
            List<Future<byte[]>> parquet = new ArrayList<>();
            for (OutputTable table : tables) {
                parquet.add(background.submit(table::parquet));
            }
            publisher.createDirectories(directory);
            for (OutputTable table : tables) {
                table.writeCsv(publisher, directory);
            }
            for (int i = 0; i < tables.size(); i++) {
                tables.get(i).publishParquet(publisher, directory, result(parquet.get(i)));
            }
            RegistryTteSummary summary = RegistryTteSummary.of(followUp.totals(), options, personTime, events);
            summary.write(publisher, new Path(directory, "summary.json"));
            return summary;
        } finally {
            background.shutdownNow();
        }
    }

    /** What a background task returned; its failure rethrown as it was thrown. */
    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the tables");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
