package org.iago.disproportionality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.iago.stats.LikelihoodRatioTest;
import org.iago.stats.PairStatistics;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.vocabulary.SignalMethod;

/**
 * The likelihood ratio tests and the scoring of a pair table small enough for the driver, without a Spark job: a
 * table of a few hundred thousand pairs is a few hundred megabytes, and Spark's shuffles and per-job costs would take
 * longer than the work (CAERS: 17,189 pairs). The numbers are those of the Spark path, byte for byte: the same
 * statistics on the same counts, events numbered in the order Spark sorts them, the same seed per drug total.
 */
final class DriverAnalysis {

    private final Row[] pairs;
    private final Columns at;

    /**
     * @param schema the counts' schema
     * @param counts the pair counts with their expected count ({@code drug, event, a, n_drug, n_event, n, expected})
     * @throws IllegalArgumentException if the schema lacks one of these columns
     */
    DriverAnalysis(StructType schema, List<Row> counts) {
        at = new Columns(schema);
        if (counts.size() >= 1 << RANK_BITS) {
            throw new IllegalArgumentException("at most " + ((1 << RANK_BITS) - 1) + " pairs on the driver");
        }
        // each pair as one long, drug rank | event rank | row, sorted as primitives: a boxed sort comparing UTF-8
        // strings took 5.5 s for 638,180 pairs
        Map<String, Integer> drugRanks = ranks(counts, at.drug);
        Map<String, Integer> eventRanks = ranks(counts, at.event);
        long[] keys = new long[counts.size()];
        for (int i = 0; i < keys.length; i++) {
            Row r = counts.get(i);
            keys[i] = (long) drugRanks.get(r.getString(at.drug)) << (2 * RANK_BITS)
                    | (long) eventRanks.get(r.getString(at.event)) << RANK_BITS | i;
        }
        Arrays.sort(keys);
        pairs = new Row[keys.length];
        for (int i = 0; i < keys.length; i++) {
            pairs[i] = counts.get((int) (keys[i] & ((1 << RANK_BITS) - 1)));
        }
    }

    /** Bits of a rank or row number in a sort key: three fit in a long, and 2^21 exceeds the driver's pairs. */
    private static final int RANK_BITS = 21;

    /** Each distinct name of a column and its rank in Spark's order of strings (their UTF-8 bytes). */
    private static Map<String, Integer> ranks(List<Row> counts, int column) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Row r : counts) {
            ranks.putIfAbsent(r.getString(column), 0);
        }
        String[] names = ranks.keySet().toArray(String[]::new);
        UTF8String[] encoded = Arrays.stream(names).map(UTF8String::fromString).toArray(UTF8String[]::new);
        Integer[] order = IntStream.range(0, names.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (i, j) -> encoded[i].binaryCompare(encoded[j]));
        for (int rank = 0; rank < order.length; rank++) {
            ranks.put(names[order[rank]], rank);
        }
        return ranks;
    }

    /**
     * Every pair's statistics ({@link org.iago.vocabulary.SignalColumn}), sorted by drug and event as Spark sorts them.
     *
     * @param tests the pairs' {@link #likelihoodRatios}
     * @param prior the fitted MGPS prior, or null when none could be fitted
     */
    List<Row> score(LikelihoodRatios tests, MgpsPrior prior, SignalThresholds thresholds) {
        PairStatistics statistics = new PairStatistics(prior == null ? null : new MgpsPosterior(prior), thresholds);
        Object[][] values = new Object[pairs.length][];
        IntStream.range(0, pairs.length).parallel().forEach(i -> {
            Row r = pairs[i];
            values[i] = PairScores.withLikelihoodRatio(PairScores.values(statistics, r.get(at.drug), r.get(at.event),
                    r.getLong(at.a), r.getLong(at.nDrug), r.getLong(at.nEvent), r.getLong(at.n),
                    r.getDouble(at.expected)), tests.llr[i], tests.p[i], thresholds.llrSignal(tests.p[i]));
        });
        Map<SignalMethod, double[]> evidence = new EnumMap<>(SignalMethod.class);
        for (SignalMethod m : SignalMethod.values()) {
            evidence.put(m, Arrays.stream(values).parallel().mapToDouble(v -> Multiplicity.evidence(v, m)).toArray());
        }
        Multiplicity multiplicity = Multiplicity.of(evidence, thresholds);
        return Arrays.stream(values).parallel().map(v -> RowFactory.create(multiplicity.complete(v))).toList();
    }

    /** Positions of the counts' columns. */
    private record Columns(int drug, int event, int a, int nDrug, int nEvent, int n, int expected) {
        Columns(StructType schema) {
            this(schema.fieldIndex("drug"), schema.fieldIndex("event"), schema.fieldIndex("a"),
                    schema.fieldIndex("n_drug"), schema.fieldIndex("n_event"), schema.fieldIndex("n"),
                    schema.fieldIndex("expected"));
        }
    }

    /** logLR and p-value of each pair, in the sorted pairs' order. */
    record LikelihoodRatios(double[] llr, double[] p) {
    }

    /**
     * {@link SignalAnalysis}'s likelihood ratio tests on the driver: the drug × event table from the pairs,
     * events numbered in sorted order, one simulation nested across the drug totals, as the Spark path simulates it.
     */
    LikelihoodRatios likelihoodRatios(SignalThresholds.Llr rule) {
        // pairs are sorted by drug, then event: each drug's pairs are one run, and events get numbers in sort order
        Map<String, Integer> eventIndex = new HashMap<>();
        List<String> events = new ArrayList<>();
        for (Row r : pairs) {
            if (eventIndex.putIfAbsent(r.getString(at.event), -1) == null) {
                events.add(r.getString(at.event));
            }
        }
        events.sort((x, y) -> UTF8String.fromString(x).binaryCompare(UTF8String.fromString(y)));   // Spark's order
        for (int i = 0; i < events.size(); i++) {
            eventIndex.put(events.get(i), i);
        }
        long[] eventTotals = new long[events.size()];
        int[] event = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            event[i] = eventIndex.get(pairs[i].getString(at.event));
            eventTotals[event[i]] += pairs[i].getLong(at.a);
        }
        long total = Arrays.stream(eventTotals).sum();
        if (total == 0) {  // no pair: nothing to test
            return new LikelihoodRatios(new double[0], new double[0]);
        }
        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(eventTotals, total);
        // drugs as runs [start, end) of the sorted pairs; a run's events ascend
        LikelihoodRatioTest lrt = SignalAnalysis.likelihoodRatioTest(rule);
        List<int[]> runs = new ArrayList<>();
        List<SignalAnalysis.DrugColumn> columns = new ArrayList<>();
        for (int start = 0, end; start < pairs.length; start = end) {
            Object drug = pairs[start].get(at.drug);
            end = start + 1;
            while (end < pairs.length && pairs[end].get(at.drug).equals(drug)) {
                end++;
            }
            long[] counts = new long[end - start];
            for (int i = start; i < end; i++) {
                counts[i - start] = pairs[i].getLong(at.a);
            }
            runs.add(new int[] {start, end});
            columns.add(new SignalAnalysis.DrugColumn(Arrays.copyOfRange(event, start, end), counts));
        }
        long[] drugTotals = columns.stream().mapToLong(c -> Arrays.stream(c.counts()).sum()).toArray();
        double[] maxima = columns.parallelStream()
                .mapToDouble(c -> lrt.maximumLogLikelihoodRatio(table, c.events(), c.counts())).toArray();
        Map<Long, LikelihoodRatioTest.NullMaxima> nulls =
                SignalAnalysis.simulateNull(lrt, table, drugTotals, maxima);
        double[] llr = new double[pairs.length];
        double[] p = new double[pairs.length];
        IntStream.range(0, columns.size()).parallel().forEach(d -> {
            SignalAnalysis.DrugColumn column = columns.get(d);
            LikelihoodRatioTest.Result result =
                    lrt.test(table, column.events(), column.counts(), nulls.get(drugTotals[d]));
            System.arraycopy(result.logLikelihoodRatios(), 0, llr, runs.get(d)[0], column.events().length);
            System.arraycopy(result.eventPValues(), 0, p, runs.get(d)[0], column.events().length);
        });
        return new LikelihoodRatios(llr, p);
    }
}
