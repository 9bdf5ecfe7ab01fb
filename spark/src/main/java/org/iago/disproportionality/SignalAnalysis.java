package org.iago.disproportionality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.ExpectedCount;
import org.iago.stats.LikelihoodRatioTest.Form;
import org.iago.stats.LikelihoodRatioTest;
import org.iago.stats.PairStatistics;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;
import org.iago.vocabulary.SignalColumn;
import org.iago.vocabulary.SignalMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis of one table of reports: distinct-report pair counts ({@link PairCounts}), expected counts, the MGPS
 * prior fitted on a thread of its own to squashed (N, E) points, the likelihood ratio test per drug, and every
 * per-pair statistic and flag ({@link PairScores}): in Spark, or on the driver for a table of at most
 * {@link #DRIVER_PAIRS} pairs ({@link DriverAnalysis}). Every number comes from {@code org.iago.stats}.
 */
final class SignalAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(SignalAnalysis.class);

    /**
     * Pairs tested and scored on the driver at most, in local mode: a pair's counts and statistics take about 1 KiB
     * there, so the table stays within a quarter of the heap (the default 2 GiB heap: 500,000 pairs; 12 GiB:
     * 2,000,000). The rows are the same either way; the Parquet part files are not split alike.
     */
    static final long DRIVER_PAIRS = Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 4096);

    private final SparkSession spark;
    private final SignalThresholds thresholds;
    private final long driverPairs;

    /** @param driverPairs pairs tested and scored on the driver at most; 0 runs every analysis in Spark */
    SignalAnalysis(SparkSession spark, SignalThresholds thresholds, long driverPairs) {
        this.spark = spark;
        this.thresholds = thresholds;
        this.driverPairs = driverPairs;
    }

    /** Counted on the driver ({@link PairCounts#onDriver}), then tested and scored there. */
    static ScoredPairs onDriver(DriverInput input, SignalThresholds thresholds) {
        long start = System.nanoTime();
        StructType counted = PairCounts.schema(input.drugs(), input.events(), input.stratified(), true);
        List<Row> counts = new ArrayList<>();
        for (Row r : PairCounts.onDriver(input.reports().iterator(), input.drugs(), input.events(),
                input.stratified())) {
            counts.add(withExpected(r, input.stratified()));
        }
        LOG.info("counted {} drug-event pairs on the driver in {} s", counts.size(), secondsSince(start));
        return onDriver(withExpectedSchema(counted), counts, thresholds);
    }

    /**
     * The prior is fitted on a thread of its own while the likelihood ratio tests run, which do not need it: the fit
     * is driver work that would otherwise leave the executors idle. A pair table of at most {@link #driverPairs}
     * pairs is tested and scored on the driver ({@link DriverAnalysis}), with the same numbers and no Spark job.
     */
    ScoredPairs analyse(SignalInput input, boolean stratified) {
        long start = System.nanoTime();
        Dataset<Row> counts = withExpected(PairCounts.of(input, stratified)).cache();
        long pairs = counts.count();                            // the action that fills the cache
        LOG.info("counted {} drug-event pairs in {} s", pairs, secondsSince(start));
        if (pairs <= driverPairs) {
            long collectStart = System.nanoTime();
            List<Row> collected = counts.collectAsList();
            counts.unpersist();
            LOG.info("collected the pairs to the driver in {} s", secondsSince(collectStart));
            return onDriver(counts.schema(), collected, thresholds);
        }
        Dataset<Row> pointColumns = counts.select("a", "expected");
        List<Row> points = pointColumns.collectAsList();
        FutureTask<DisproportionalityJob.PriorFit> fitting = fitting(() -> priorPoints(points, pointColumns.schema()));
        TestedPairs tested = testAndScore(counts, fitting);
        counts.unpersist();
        DisproportionalityJob.PriorFit prior = tested.prior();
        long rankStart = System.nanoTime();
        Broadcast<Multiplicity> multiplicity = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(Multiplicity.of(evidence(tested.rows()), thresholds));
        LOG.info("ranked the false discovery rates in {} s", secondsSince(rankStart));
        return new ScoredPairs(tested.rows(), rows -> withFalseDiscoveryRates(rows, multiplicity), pairs, prior,
                null);
    }

    /**
     * The tests and the scoring of counts the driver holds ({@link DriverAnalysis}), the prior's points taken from
     * the same rows.
     */
    private static ScoredPairs onDriver(StructType schema, List<Row> counts, SignalThresholds thresholds) {
        FutureTask<DisproportionalityJob.PriorFit> fitting = fitting(() -> priorPoints(counts, schema));
        long sortStart = System.nanoTime();
        DriverAnalysis driver = new DriverAnalysis(schema, counts);
        LOG.info("sorted the pairs in {} s", secondsSince(sortStart));
        long testStart = System.nanoTime();
        DriverAnalysis.LikelihoodRatios tests = driver.likelihoodRatios(thresholds.llr());
        LOG.info("ran the likelihood ratio tests in {} s", secondsSince(testStart));
        DisproportionalityJob.PriorFit prior = finished(fitting);
        long scoreStart = System.nanoTime();
        List<Row> scored = driver.score(tests, prior.fitted() ? prior.fit().prior() : null, thresholds);
        LOG.info("scored every pair in {} s", secondsSince(scoreStart));
        return new ScoredPairs(null, null, counts.size(), prior, scored);
    }

    /**
     * The prior fitted on a thread of its own, started here; its points are gathered and sorted there too (0.5 s of
     * the main thread for 621,732 pairs).
     */
    private static FutureTask<DisproportionalityJob.PriorFit> fitting(Supplier<List<WeightedPoint>> points) {
        FutureTask<DisproportionalityJob.PriorFit> fitting = new FutureTask<>(() -> {
            long pointsStart = System.nanoTime();
            List<WeightedPoint> sorted = points.get();
            LOG.info("sorted the prior's {} points in {} s", sorted.size(), secondsSince(pointsStart));
            long fitStart = System.nanoTime();
            DisproportionalityJob.PriorFit fit = fitPrior(sorted);
            LOG.info("MGPS prior fit took {} s", secondsSince(fitStart));  // fitted or not
            return fit;
        });
        Thread fitter = new Thread(fitting, "mgps-fit");
        fitter.setDaemon(true);
        fitter.start();
        return fitting;
    }

    static String secondsSince(long nanoTime) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - nanoTime) / 1e9);
    }

    /** The result of work on another thread (the prior's fit, the Parquet encoding), its failure rethrown. */
    static <T> T finished(FutureTask<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another thread's work", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Adds {@code expected}: {@link ExpectedCount}, stratified when the counts carry strata. */
    private static Dataset<Row> withExpected(Dataset<Row> counts) {
        boolean stratified = List.of(counts.columns()).contains("strata");
        MapPartitionsFunction<Row, Row> addExpected = rows -> new MappedIterator<>(rows,
                r -> withExpected(r, stratified));
        return counts.mapPartitions(addExpected, Encoders.row(withExpectedSchema(counts.schema())));
    }

    private static StructType withExpectedSchema(StructType counts) {
        return counts.add("expected", DataTypes.DoubleType, false);
    }

    /** A row of counts ({@link PairCounts#schema}, whose positions it reads) with its expected count appended. */
    private static Row withExpected(Row r, boolean stratified) {
        double e;
        if (stratified) {
            List<Row> strata = r.getList(6);
            e = ExpectedCount.stratified(longs(strata, 1), longs(strata, 2), longs(strata, 3));
        } else {
            e = ExpectedCount.unstratified(r.getLong(3), r.getLong(4), r.getLong(5));
        }
        Object[] values = new Object[r.size() + 1];
        for (int i = 0; i < r.size(); i++) {
            values[i] = r.get(i);
        }
        values[r.size()] = e;
        return RowFactory.create(values);
    }

    /**
     * Every pair's (N, E) from the collected counts, in (N, E) order rather than Spark's partition order, so that the
     * fit sums them in the same order every run. Sorted on the driver, where the points are needed anyway, rather than
     * by a Spark sort, which samples the pairs and shuffles them first.
     */
    private static List<WeightedPoint> priorPoints(List<Row> rows, StructType schema) {
        int a = schema.fieldIndex("a");
        int expected = schema.fieldIndex("expected");
        List<WeightedPoint> points = new ArrayList<>(rows.size());
        for (Row r : rows) {
            points.add(WeightedPoint.of(Math.toIntExact(r.getLong(a)), r.getDouble(expected)));
        }
        points.sort(Comparator.comparingInt(WeightedPoint::actual).thenComparingDouble(WeightedPoint::expected));
        return points;
    }

    /**
     * The MGPS prior from the pairs' (N, E), squashed as openEBGM's vignette does while that leaves at most 50,000
     * points and every count otherwise ({@link Squashing#forEstimation}), so that the fit stays small whatever the
     * table's size.
     */
    private static DisproportionalityJob.PriorFit fitPrior(List<WeightedPoint> pairs) {
        List<WeightedPoint> points = Squashing.forEstimation(pairs);
        if (points.isEmpty()) {
            return new DisproportionalityJob.PriorFit(null, "no drug-event pair to fit");
        }
        try {
            return new DisproportionalityJob.PriorFit(MgpsEstimator.withDefaults().fit(points), null);
        } catch (IllegalStateException e) {
            return new DisproportionalityJob.PriorFit(null, e.getMessage());
        }
    }

    /**
     * Rows of tested pairs with each method's false discovery rate, and the flags decided by it, as columns computed
     * where the rows are read ({@link Multiplicity#complete}'s numbers, column by column, {@link ScoredPairs}): each
     * writer's pass computes them from the evidence columns alone, and no pass decodes and re-encodes all 36 columns
     * of every pair.
     */
    private static Dataset<Row> withFalseDiscoveryRates(Dataset<Row> tested, Broadcast<Multiplicity> multiplicity) {
        Multiplicity local = multiplicity.value();
        Column[] columns = new Column[SignalColumn.values().length];
        for (SignalColumn c : SignalColumn.values()) {
            if (c.stage() != SignalColumn.Stage.MULTIPLICITY) {
                columns[c.ordinal()] = col(c.column());
            }
        }
        for (SignalMethod m : SignalMethod.values()) {   // each method's FDR, and its flag where the FDR decides it
            Column fdr = udf((UDF1<Double, Double>) e -> {
                double rate = multiplicity.value().falseDiscoveryRate(m, e);
                return Double.isNaN(rate) ? null : rate;
            }, DataTypes.DoubleType).apply(coalesce(col(m.evidence().column()), lit(Double.NaN)));
            columns[m.falseDiscoveryRate().ordinal()] = fdr.as(m.falseDiscoveryRate().column());
            if (local.decidesByFdr(m)) {   // from the FDR column, not a look-up of its own
                columns[m.flagColumn().ordinal()] = udf((UDF2<Long, Double, Boolean>) (a, rate) -> multiplicity
                        .value().signalAtFdr(m, a, rate == null ? Double.NaN : rate), DataTypes.BooleanType)
                        .apply(col(SignalColumn.A.column()), fdr).as(m.flag());
            }
        }
        return tested.select(columns);
    }

    /** Each method's evidence column collected from the scored pairs, NaN where a pair has none. */
    private static Map<SignalMethod, double[]> evidence(Dataset<Row> tested) {
        SignalMethod[] methods = SignalMethod.values();
        List<Row> rows = tested.select(Arrays.stream(methods)       // one action for every method's column
                .map(m -> coalesce(col(m.evidence().column()), lit(Double.NaN))).toArray(Column[]::new))
                .collectAsList();
        Map<SignalMethod, double[]> evidence = new EnumMap<>(SignalMethod.class);
        for (int k = 0; k < methods.length; k++) {
            int at = k;
            evidence.put(methods[k], rows.stream().mapToDouble(r -> r.getDouble(at)).toArray());
        }
        return evidence;
    }

    /** The test of every drug: the configured form, simulations and seed. */
    static LikelihoodRatioTest likelihoodRatioTest(SignalThresholds.Llr rule) {
        return LikelihoodRatioTest.withDefaults().with(Form.POISSON).withSimulations(rule.simulations())
                .withSeed(rule.seed());
    }

    /** The pairs with every column but the FDRs ({@link PairScores#TESTED_SCHEMA}), cached, and their prior. */
    private record TestedPairs(Dataset<Row> rows, DisproportionalityJob.PriorFit prior) {
    }

    /**
     * Every pair tested and scored in one pass over the drugs. The likelihood ratio test ({@code llr}, {@code llr_p},
     * {@code signal_llr}: the Poisson logLR, pvLRT's default form, and its Monte Carlo p-value against the simulated
     * distribution of the drug's maximum, so that every event of a drug is tested at once; Huang et al. 2011) works
     * on the drug × event table of pair counts as pvLRT does: event totals, drug totals and the grand total are sums
     * of that table. Each drug is a sparse column (its events with a count, as event indices), so a drug costs its
     * own events, not all events. The null distribution depends on a drug only through its total: a first pass
     * collects each drug's total and MLR, the driver simulates the null once for all totals ({@link #simulateNull},
     * using every core) while the prior's fit ends, and a second pass tests each drug against its total's
     * replicates, broadcast, and scores its pairs ({@link PairScores}) from the counts its cells carry: no join of
     * the tests with a separate scoring of the pairs. Returns the rows cached.
     */
    private TestedPairs testAndScore(Dataset<Row> counts, FutureTask<DisproportionalityJob.PriorFit> fitting) {
        long testStart = System.nanoTime();
        List<Row> eventTotals = counts.groupBy("event").agg(sum("a").as("total")).orderBy("event").collectAsList();
        Map<String, Integer> eventIndex = new HashMap<>();
        long[] totals = new long[eventTotals.size()];
        long grandTotal = 0;
        for (int i = 0; i < totals.length; i++) {
            eventIndex.put(eventTotals.get(i).getString(0), i);
            totals[i] = eventTotals.get(i).getLong(1);
            grandTotal += totals[i];
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, Integer>> index = context.broadcast(eventIndex);
        LikelihoodRatioTest.EventTotals eventTable = LikelihoodRatioTest.EventTotals.of(totals, grandTotal);
        Broadcast<LikelihoodRatioTest.EventTotals> table = context.broadcast(eventTable);
        SignalThresholds rules = thresholds;
        SignalThresholds.Llr rule = thresholds.llr();
        // a cell: the event and a first (DrugColumn reads them), then what scoring the pair needs
        Dataset<Row> drugs = counts.groupBy("drug").agg(sum("a").as("drug_total"),
                collect_list(struct(col("event"), col("a"), col("n_drug"), col("n_event"), col("n"),
                        col("expected"))).as("cells")).cache();
        StructType maximumSchema = new StructType().add("drug_total", DataTypes.LongType)
                .add("mlr", DataTypes.DoubleType);
        List<Row> maxima = drugs.map((MapFunction<Row, Row>) drug -> {
            DrugColumn column = DrugColumn.of(drug.getList(2), index.value(), new Row[drug.getList(2).size()]);
            return RowFactory.create(drug.getLong(1), likelihoodRatioTest(rule)
                    .maximumLogLikelihoodRatio(table.value(), column.events(), column.counts()));
        }, Encoders.row(maximumSchema)).collectAsList();
        long simulationStart = System.nanoTime();
        Map<Long, LikelihoodRatioTest.NullMaxima> nullOfTotal = simulateNull(likelihoodRatioTest(rule), eventTable,
                longs(maxima, 0), maxima.stream().mapToDouble(r -> r.getDouble(1)).toArray());
        LOG.info("simulated the null of {} drug totals in {} s", nullOfTotal.size(), secondsSince(simulationStart));
        LOG.info("ran the likelihood ratio tests in {} s (the maxima and their null)", secondsSince(testStart));
        Broadcast<Map<Long, LikelihoodRatioTest.NullMaxima>> nulls = context.broadcast(nullOfTotal);
        DisproportionalityJob.PriorFit prior = finished(fitting);
        MgpsPrior fitted = prior.fitted() ? prior.fit().prior() : null;
        double[] theta = fitted == null ? null : new double[] {fitted.alpha1(), fitted.beta1(), fitted.alpha2(),
                fitted.beta2(), fitted.mixtureFraction()};
        long scoreStart = System.nanoTime();
        MapPartitionsFunction<Row, Row> perDrug = drugsOfPartition -> {
            PairStatistics statistics = new PairStatistics(theta == null ? null : new MgpsPosterior(
                    new MgpsPrior(theta[0], theta[1], theta[2], theta[3], theta[4])), rules);
            LikelihoodRatioTest lrt = likelihoodRatioTest(rule);
            // one drug's rows at a time, as the partition's rows are consumed
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(drugsOfPartition, Spliterator.ORDERED),
                    false).flatMap(drug -> {
                        List<Row> cells = drug.getList(2);
                        Row[] sorted = new Row[cells.size()];
                        DrugColumn column = DrugColumn.of(cells, index.value(), sorted);
                        LikelihoodRatioTest.Result result = lrt.test(table.value(), column.events(), column.counts(),
                                nulls.value().get(drug.getLong(1)));
                        double[] llr = result.logLikelihoodRatios();
                        double[] p = result.eventPValues();
                        return IntStream.range(0, llr.length).mapToObj(k -> {
                            Row cell = sorted[k];
                            Object[] values = PairScores.values(statistics, drug.get(0), cell.get(0),
                                    cell.getLong(1), cell.getLong(2), cell.getLong(3), cell.getLong(4),
                                    cell.getDouble(5));
                            return PairScores.tested(PairScores.withLikelihoodRatio(values, llr[k], p[k],
                                    rules.llrSignal(p[k])));
                        });
                    }).iterator();
        };
        Dataset<Row> tested = drugs.mapPartitions(perDrug, Encoders.row(PairScores.TESTED_SCHEMA)).cache();
        tested.count();
        drugs.unpersist();
        LOG.info("scored every pair in {} s (tested against the null)", secondsSince(scoreStart));
        return new TestedPairs(tested, prior);
    }

    /**
     * One simulation of the null for every drug total, nested across the totals
     * ({@link LikelihoodRatioTest#simulateNull(LikelihoodRatioTest.EventTotals, long[], double[])}), each total's
     * replicates capped at the largest MLR of its drugs. The Spark path and {@link DriverAnalysis} both simulate here,
     * so their results are the same.
     *
     * @param drugTotals each drug's total
     * @param maxima     each drug's MLR, in the same order
     * @return the replicates of each drug total
     */
    static Map<Long, LikelihoodRatioTest.NullMaxima> simulateNull(LikelihoodRatioTest lrt,
            LikelihoodRatioTest.EventTotals table, long[] drugTotals, double[] maxima) {
        TreeMap<Long, Double> caps = new TreeMap<>();
        for (int d = 0; d < drugTotals.length; d++) {
            caps.merge(drugTotals[d], maxima[d], Math::max);
        }
        long[] totals = caps.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] capOfTotal = caps.values().stream().mapToDouble(Double::doubleValue).toArray();
        // a pool of its own: the MGPS fit, running beside the tests, fills the common pool with long tasks, behind
        // which the simulation's waited (20M: the tests ended with the fit, 137 s)
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        LikelihoodRatioTest.NullMaxima[] simulated;
        try {
            simulated = pool.submit(() -> lrt.simulateNull(table, totals, capOfTotal)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating the LRT null", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        Map<Long, LikelihoodRatioTest.NullMaxima> byTotal = new HashMap<>();
        for (LikelihoodRatioTest.NullMaxima m : simulated) {
            byTotal.put(m.drugTotal(), m);
        }
        return byTotal;
    }

    /**
     * One drug's column of the drug × event table, sparse: its events with a count, as ascending event indices.
     */
    record DrugColumn(int[] events, long[] counts) {

        /**
         * A drug's column from its cells (event, a, …) in any order.
         *
         * @param sorted filled with the cells, in the order of the column's events
         */
        static DrugColumn of(List<Row> cells, Map<String, Integer> eventIndex, Row[] sorted) {
            long[] indexAndCell = new long[cells.size()];
            for (int k = 0; k < indexAndCell.length; k++) {
                indexAndCell[k] = (long) eventIndex.get(cells.get(k).getString(0)) << 32 | k;
            }
            Arrays.sort(indexAndCell);
            int[] events = new int[indexAndCell.length];
            long[] counts = new long[indexAndCell.length];
            for (int k = 0; k < indexAndCell.length; k++) {
                Row cell = cells.get((int) indexAndCell[k]);
                sorted[k] = cell;
                events[k] = (int) (indexAndCell[k] >>> 32);
                counts[k] = cell.getLong(1);
            }
            return new DrugColumn(events, counts);
        }
    }

    private static long[] longs(List<Row> rows, int position) {
        return rows.stream().mapToLong(r -> r.getLong(position)).toArray();
    }

    /** Lazily maps an iterator, so a partition is never held in memory. */
    record MappedIterator<T, R>(Iterator<T> source, SerializableFunction<T, R> mapping) implements Iterator<R> {
        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public R next() {
            return mapping.apply(source.next());
        }
    }

    /** A function Spark can ship with a task. */
    interface SerializableFunction<T, R> extends Serializable {
        R apply(T t);
    }
}

