package org.iago.disproportionality;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsFit;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.SignalColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All-pairs disproportionality, the entry points: what to analyse (curated FAERS, a case table, reports the driver
 * read), where it runs (Spark, or the driver when the table is small enough), and where it goes. The analysis is
 * {@link SignalAnalysis} (counts, prior fit, likelihood ratio tests, scores), its outputs {@link SignalOutputs}
 * ({@code disproportionality/}, {@code disproportionality.csv}, {@code mgps_prior.json}), for curated FAERS the
 * review priority of the flagged pairs ({@link PriorityOutput}, {@code priority.csv}), the series by quarter
 * {@link EmergenceSeries}. {@code <out>} is a local folder or one on HDFS or S3 ({@link Publisher}).
 */
public final class DisproportionalityJob {

    private static final Logger LOG = LoggerFactory.getLogger(DisproportionalityJob.class);

    /** Output columns, in CSV order. */
    public static final List<String> COLUMNS = OutputColumn.names(SignalColumn.COLUMNS);

    private final SparkSession spark;
    private final SignalThresholds thresholds;
    private final SignalAnalysis analysis;

    /**
     * On a cluster every analysis runs in Spark: the driver's rows reach the writers by broadcast, which every
     * executor would download whole.
     */
    public DisproportionalityJob(SparkSession spark, SignalThresholds thresholds) {
        this(spark, thresholds, spark.sparkContext().isLocal() ? SignalAnalysis.DRIVER_PAIRS : 0);
    }

    private DisproportionalityJob(SparkSession spark, SignalThresholds thresholds, long driverPairs) {
        this.spark = spark;
        this.thresholds = thresholds;
        this.analysis = new SignalAnalysis(spark, thresholds, driverPairs);
    }

    /**
     * The same job with another limit on the pairs tested and scored on the driver: 0 runs every analysis in Spark
     * (as a table too large for the driver is), to compare the two.
     */
    public DisproportionalityJob withDriverPairs(long limit) {
        return new DisproportionalityJob(spark, thresholds, limit);
    }

    /** What the run produced. */
    public record Result(long pairs, PriorFit prior, Map<String, Long> signalsPerMethod) {
    }

    /**
     * The MGPS prior of one analysis, or why there is none: with few pairs (an early quarter of the emergence series,
     * a small case table) the hyperparameter starts may not converge to one estimate. The pairs are then scored
     * without EBGM (empty columns, the EBGM rule never flags) and every other method stands.
     *
     * @param fit     the fitted prior; null when it failed
     * @param failure why it failed; null when it was fitted
     */
    public record PriorFit(MgpsFit fit, String failure) {

        public boolean fitted() {
            return fit != null;
        }
    }

    public Result run(SignalInput input, boolean stratified, Path out) throws IOException {
        Publisher publisher = Publisher.of(out, spark.sparkContext().hadoopConfiguration());
        return SignalOutputs.write(analysis.analyse(input, stratified), publisher, out);
    }

    /**
     * What to analyse in curated FAERS, as {@link SignalInput#faers} takes it.
     *
     * @param through   last quarter to include, or null for all
     * @param byQuarter also the emergence series ({@link #emergence}), with the CAR-T drugs' series as CSV
     * @param priority  also the flagged pairs' review priority ({@link PriorityOutput}): Spark jobs over the lake's
     *                  reports and outcomes, for the nightly's review queue; a screen alone does without
     */
    public record FaersAnalysis(Lake lake, SignalInput.DrugLevel drugLevel, SignalInput.EventLevel eventLevel,
            SignalInput.Roles roles, List<String> strata, String through, boolean cartOnly, boolean byQuarter,
            boolean priority) {
    }

    /**
     * An analysis of curated FAERS: counted on the driver ({@link CuratedFaers}, {@link #runOnDriver}) when Spark's
     * master is local and the lake's reports fit there ({@link CuratedFaers#fits}), else by Spark. The session
     * {@code spark} gives is started only by the Spark path: on the driver the review priority and the emergence series
     * are made without Spark too.
     *
     * @param local  whether Spark's master is local
     * @param hadoop the Hadoop configuration of the lake's and the output's file systems
     */
    public static Result runFaers(FaersAnalysis analysis, SignalThresholds thresholds, boolean local,
            Supplier<SparkSession> spark, Configuration hadoop, Path out) throws IOException {
        Lake lake = analysis.lake();
        if (local && CuratedFaers.fits(hadoop, lake, analysis.strata())) {
            long start = System.nanoTime();
            DriverInput input = CuratedFaers.read(hadoop, lake, analysis.drugLevel(), analysis.eventLevel(),
                    analysis.roles(), analysis.strata(), analysis.cartOnly());
            LOG.info("read {} curated reports into the driver in {} s", input.reports().size(),
                    SignalAnalysis.secondsSince(start));
            input = analysis.through() == null ? input : input.through(analysis.through());
            ScoredPairs scored = SignalAnalysis.onDriver(input, thresholds);
            Publisher publisher = Publisher.of(out, hadoop);
            Result result = SignalOutputs.write(scored, publisher, out);
            if (analysis.priority()) {
                PriorityOutput.writeOnDriver(hadoop, lake, input, scored.sorted(), out);
            }
            if (analysis.byQuarter()) {
                emergenceOnDriver(input, thresholds, publisher, out,
                        CuratedFaers.cartDrugs(hadoop, lake, analysis.drugLevel()));
            }
            return result;
        }
        SparkSession session = spark.get();
        DisproportionalityJob job = new DisproportionalityJob(session, thresholds);
        boolean stratified = !analysis.strata().isEmpty();
        SignalInput input = SignalInput.faers(session, lake, analysis.drugLevel(), analysis.eventLevel(),
                analysis.roles(), analysis.strata(), analysis.through(), analysis.cartOnly());
        Result result = job.run(input, stratified, out);
        if (analysis.priority()) {
            PriorityOutput.write(session, lake, input, out);
        }
        if (analysis.byQuarter()) {
            job.emergence(input::through, SignalInput.quarters(session, lake, analysis.through()), stratified, out,
                    SignalInput.cartDrugs(session, lake, analysis.drugLevel()));
        }
        return result;
    }

    /**
     * The analysis of a case table ({@code iago ingest cases}): without Spark ({@link #runOnDriver}) when Spark would
     * run in this process anyway and the table has at most {@link CaseTable#DRIVER_ROWS} rows; otherwise by Spark
     * ({@link SignalInput#cases}), in the session {@code spark} gives, started only then.
     *
     * @param local  whether Spark's master is local
     * @param hadoop the Hadoop configuration of the lake's and the output's file systems
     */
    public static Result runCases(Lake lake, String source, List<String> strata, SignalThresholds thresholds,
            boolean local, Supplier<SparkSession> spark, Configuration hadoop, Path out) throws IOException {
        if (local && CaseTable.rows(hadoop, lake, source) <= CaseTable.DRIVER_ROWS) {
            long start = System.nanoTime();
            DriverInput input = CaseTable.read(hadoop, lake, source, strata);
            LOG.info("read {} case reports into the driver in {} s", input.reports().size(),
                    SignalAnalysis.secondsSince(start));
            return runOnDriver(input, thresholds, hadoop, out);
        }
        SparkSession session = spark.get();
        return new DisproportionalityJob(session, thresholds).run(SignalInput.cases(session, lake, source, strata),
                !strata.isEmpty(), out);
    }

    /**
     * {@link #run} on reports the driver read ({@link DriverInput}), without Spark: counted by
     * {@link PairCounts#onDriver}, then tested, scored and written as {@link #run} does a table of at most
     * {@link #DRIVER_PAIRS} pairs, so the outputs are the same, byte for byte.
     *
     * @param hadoop the Hadoop configuration of the output's file system
     */
    public static Result runOnDriver(DriverInput input, SignalThresholds thresholds, Configuration hadoop, Path out)
            throws IOException {
        return SignalOutputs.write(SignalAnalysis.onDriver(input, thresholds), Publisher.of(out, hadoop), out);
    }

    /**
     * Emergence over time: the whole analysis (prior included) recomputed on the reports of each quarter and all
     * before it. Writes {@code emergence_series/} (Parquet: every statistic of every pair at each quarter) and
     * {@code emergence.csv}: per pair, the first quarter each method flagged it (empty if never), sorted by drug and
     * event.
     *
     * Also writes {@code emergence_priors.csv} (the MGPS prior of each quarter, or why it could not be fitted) and
     * {@code emergence_series.csv}, the CSV twin of the series for the drugs in {@code seriesCsvDrugs} (all pairs of
     * all quarters would be too large for a CSV).
     *
     * @param inputThrough   the analysis input restricted to reports up to a quarter
     * @param quarters       the quarters to step through, in order
     * @param seriesCsvDrugs the drugs whose series goes into emergence_series.csv, e.g. the CAR-T targets
     */
    public void emergence(Function<String, SignalInput> inputThrough, List<String> quarters,
            boolean stratified, Path out, Set<String> seriesCsvDrugs) throws IOException {
        EmergenceSeries.write(spark, quarter -> analysis.analyse(inputThrough.apply(quarter), stratified), quarters,
                out, seriesCsvDrugs);
    }

    /**
     * {@link #emergence} with each quarter's analysis counted, tested and scored on the driver from reports it holds
     * ({@link DriverInput#through}), and the series' CSVs made from the rows in memory: no Spark job.
     */
    private static void emergenceOnDriver(DriverInput input, SignalThresholds thresholds, Publisher publisher,
            Path out, Set<String> seriesCsvDrugs) throws IOException {
        EmergenceSeries.writeOnDriver(publisher, quarter -> SignalAnalysis.onDriver(input.through(quarter),
                thresholds), input.quarters(), out, seriesCsvDrugs);
    }

}
