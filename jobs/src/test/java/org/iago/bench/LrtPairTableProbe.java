package org.iago.bench;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;
import org.iago.spark.IagoSpark;
import org.iago.stats.LikelihoodRatioTest;
import org.iago.stats.LikelihoodRatioTest.Form;

/**
 * Benchmark probe, no Spark in the timed part: the likelihood ratio tests of {@code iago signals} on a real pair table
 * (the {@code disproportionality} Parquet of a signals run), as the job runs them (seed 20250601 of conf/iago.yaml,
 * 999 replicates, Poisson form): the drugs' MLRs, one simulation nested across the drug totals, each drug's test.
 * <p>
 * {@code load <parquet> <table.bin>} reads drug, event, a, llr and llr_p with Spark once, numbers the events in Spark's
 * order as {@code DriverAnalysis} does, and writes the event totals, each drug's sparse column and the run's llr and
 * llr_p to a binary file. {@code time <table.bin> <results.bin> [threads [seed [separate]]]} times the tests alone
 * (wall, process CPU, load average, by phase: the drugs' MLRs, the nested simulation, each drug's test) as the job
 * runs them, and writes every pair's llr and p-value; {@code separate} simulates each drug total on its own, seeded
 * by the total as the job did before the nested simulation (statistically the earlier job, to compare the spread of
 * its flags across seeds).
 * {@code compare <table.bin> <before.bin> <after.bin>} compares two results (and a results file with the Parquet's):
 * llr, p-values against their Monte Carlo standard error, flags p &lt; 0.05 raised and dropped.
 */
public final class LrtPairTableProbe {

    private static final long SEED = 20250601L;
    private static final int SIMULATIONS = 999;
    private static final double MAX_P = 0.05;
    /** The seeds of separate simulations, as the job gave each drug total its own before the nested simulation. */
    private static final long SEED_SPREAD = 0x9E3779B97F4A7C15L;

    private LrtPairTableProbe() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Path.of(args[2]));
            case "time" -> time(Table.read(Path.of(args[1])), Path.of(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : 2, args.length > 4 ? Long.parseLong(args[4]) : SEED,
                    args.length > 5 && args[5].equals("separate"));
            case "compare" -> compare(Table.read(Path.of(args[1])), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("load, time or compare: " + args[0]);
        }
    }

    /** The drug × event table: event totals, drugs as sparse columns, the run's llr and llr_p in pair order. */
    private record Table(long[] eventTotals, int[][] events, long[][] counts, double[] llr, double[] p) {

        int pairs() {
            return llr.length;
        }

        void write(Path file) throws IOException {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    1 << 20))) {
                out.writeInt(eventTotals.length);
                for (long t : eventTotals) {
                    out.writeLong(t);
                }
                out.writeInt(events.length);
                for (int d = 0; d < events.length; d++) {
                    out.writeInt(events[d].length);
                    for (int k = 0; k < events[d].length; k++) {
                        out.writeInt(events[d][k]);
                        out.writeLong(counts[d][k]);
                    }
                }
                writeDoubles(out, llr);
                writeDoubles(out, p);
            }
        }

        static Table read(Path file) throws IOException {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    1 << 20))) {
                long[] eventTotals = new long[in.readInt()];
                for (int i = 0; i < eventTotals.length; i++) {
                    eventTotals[i] = in.readLong();
                }
                int drugs = in.readInt();
                int[][] events = new int[drugs][];
                long[][] counts = new long[drugs][];
                for (int d = 0; d < drugs; d++) {
                    int m = in.readInt();
                    events[d] = new int[m];
                    counts[d] = new long[m];
                    for (int k = 0; k < m; k++) {
                        events[d][k] = in.readInt();
                        counts[d][k] = in.readLong();
                    }
                }
                return new Table(eventTotals, events, counts, readDoubles(in), readDoubles(in));
            }
        }
    }

    private static void load(String parquet, Path file) throws IOException {
        SparkSession spark = IagoSpark.session("lrt-pair-table-probe", "local[2]", 16);
        try {
            List<Row> rows = spark.read().parquet(parquet).select(col("drug"), col("event"), col("a"), col("llr"),
                    col("llr_p")).orderBy(col("drug"), col("event")).collectAsList();
            TreeSet<UTF8String> names = new TreeSet<>(UTF8String::binaryCompare);
            for (Row r : rows) {
                names.add(UTF8String.fromString(r.getString(1)));
            }
            Map<String, Integer> eventIndex = new TreeMap<>();
            int next = 0;
            for (UTF8String name : names) {
                eventIndex.put(name.toString(), next++);
            }
            long[] eventTotals = new long[names.size()];
            List<int[]> events = new ArrayList<>();
            List<long[]> counts = new ArrayList<>();
            double[] llr = new double[rows.size()];
            double[] p = new double[rows.size()];
            for (int start = 0, end; start < rows.size(); start = end) {
                String drug = rows.get(start).getString(0);
                for (end = start; end < rows.size() && rows.get(end).getString(0).equals(drug); end++) {
                    llr[end] = rows.get(end).getDouble(3);
                    p[end] = rows.get(end).getDouble(4);
                }
                int[] e = new int[end - start];
                long[] c = new long[end - start];
                for (int i = start; i < end; i++) {
                    e[i - start] = eventIndex.get(rows.get(i).getString(1));
                    c[i - start] = rows.get(i).getLong(2);
                    eventTotals[e[i - start]] += c[i - start];
                }
                events.add(e);
                counts.add(c);
            }
            Table table = new Table(eventTotals, events.toArray(int[][]::new), counts.toArray(long[][]::new), llr, p);
            table.write(file);
            System.out.printf(Locale.ROOT, "%d pairs, %d drugs, %d events%n", rows.size(), events.size(),
                    eventTotals.length);
        } finally {
            spark.stop();
        }
    }

    private static void time(Table table, Path resultsFile, int threads, long seed, boolean separate)
            throws IOException {
        long total = 0;
        for (long t : table.eventTotals) {
            total += t;
        }
        TreeMap<Long, List<Integer>> drugsByTotal = new TreeMap<>();
        for (int d = 0; d < table.events.length; d++) {
            long drugTotal = 0;
            for (long c : table.counts[d]) {
                drugTotal += c;
            }
            drugsByTotal.computeIfAbsent(drugTotal, t -> new ArrayList<>()).add(d);
        }
        int[] firstPair = new int[table.events.length];
        for (int d = 1; d < firstPair.length; d++) {
            firstPair[d] = firstPair[d - 1] + table.events[d - 1].length;
        }
        int events = table.eventTotals.length;
        long large = drugsByTotal.keySet().stream().filter(t -> t >= 3L * events).count();
        System.out.printf(Locale.ROOT, "table: %d events, %d drugs, %d pairs, total %d, %d distinct drug totals"
                + " (%d of them >= 3 per event), largest %d%n", events, table.events.length, table.pairs(), total,
                drugsByTotal.size(), large, drugsByTotal.lastKey());
        LikelihoodRatioTest.EventTotals eventTotals = LikelihoodRatioTest.EventTotals.of(table.eventTotals, total);
        double[] llr = new double[table.pairs()];
        double[] p = new double[table.pairs()];
        LikelihoodRatioTest lrt = LikelihoodRatioTest.withDefaults().with(Form.POISSON).withSimulations(SIMULATIONS)
                .withSeed(seed);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        long[] nanos = new long[6];   // wall and CPU of: the MLRs, the simulation, the tests
        try {
            pool.submit(() -> {
                long wall = System.nanoTime();
                long cpuTime = processCpuNanos();
                double[] maxima = java.util.stream.IntStream.range(0, table.events.length).parallel()
                        .mapToDouble(d -> lrt.maximumLogLikelihoodRatio(eventTotals, table.events[d],
                                table.counts[d])).toArray();
                nanos[0] = System.nanoTime() - wall;
                nanos[1] = processCpuNanos() - cpuTime;
                TreeMap<Long, Double> caps = new TreeMap<>();
                for (int d = 0; d < maxima.length; d++) {
                    caps.merge(drugTotal(table, d), maxima[d], Math::max);
                }
                long[] totals = caps.keySet().stream().mapToLong(Long::longValue).toArray();
                wall = System.nanoTime();
                cpuTime = processCpuNanos();
                double[] capOfTotal = caps.values().stream().mapToDouble(Double::doubleValue).toArray();
                LikelihoodRatioTest.NullMaxima[] nulls = !separate
                        ? lrt.simulateNull(eventTotals, totals, capOfTotal)
                        : java.util.stream.IntStream.range(0, totals.length).parallel()
                                .mapToObj(k -> lrt.withSeed(seed ^ (totals[k] * SEED_SPREAD))
                                        .simulateNull(eventTotals, totals[k], capOfTotal[k]))
                                .toArray(LikelihoodRatioTest.NullMaxima[]::new);
                nanos[2] = System.nanoTime() - wall;
                nanos[3] = processCpuNanos() - cpuTime;
                wall = System.nanoTime();
                cpuTime = processCpuNanos();
                java.util.stream.IntStream.range(0, table.events.length).parallel().forEach(d -> {
                    LikelihoodRatioTest.Result r = lrt.test(eventTotals, table.events[d], table.counts[d],
                            nulls[java.util.Arrays.binarySearch(totals, drugTotal(table, d))]);
                    System.arraycopy(r.logLikelihoodRatios(), 0, llr, firstPair[d], table.events[d].length);
                    System.arraycopy(r.eventPValues(), 0, p, firstPair[d], table.events[d].length);
                });
                nanos[4] = System.nanoTime() - wall;
                nanos[5] = processCpuNanos() - cpuTime;
            }).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "tests: %.2f s wall, %.2f s CPU (MLRs %.2f/%.2f, nested simulation %.2f/%.2f,"
                + " tests %.2f/%.2f s wall/CPU), %d threads, load average %.2f before, %.2f after%n",
                (nanos[0] + nanos[2] + nanos[4]) / 1e9, (nanos[1] + nanos[3] + nanos[5]) / 1e9, nanos[0] / 1e9,
                nanos[1] / 1e9, nanos[2] / 1e9, nanos[3] / 1e9, nanos[4] / 1e9, nanos[5] / 1e9, threads, loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(resultsFile),
                1 << 20))) {
            writeDoubles(out, llr);
            writeDoubles(out, p);
        }
    }

    private static long drugTotal(Table table, int drug) {
        long drugTotal = 0;
        for (long c : table.counts[drug]) {
            drugTotal += c;
        }
        return drugTotal;
    }

    private static void compare(Table table, Path beforeFile, Path afterFile) throws IOException {
        double[][] before = readResults(beforeFile, table);
        double[][] after = readResults(afterFile, table);
        int pairs = table.pairs();
        int llrDiffer = 0;
        int pEqual = 0;
        int raised = 0;
        int dropped = 0;
        int flaggedBefore = 0;
        int flaggedAfter = 0;
        double largestZ = 0;
        double largestDifference = 0;
        int beyondThreeSe = 0;
        int differing = 0;
        double sumOfDifferences = 0;
        for (int i = 0; i < pairs; i++) {
            llrDiffer += Double.compare(before[0][i], after[0][i]) != 0 ? 1 : 0;
            double p0 = before[1][i];
            double p1 = after[1][i];
            pEqual += p0 == p1 ? 1 : 0;
            boolean f0 = p0 < MAX_P;
            boolean f1 = p1 < MAX_P;
            flaggedBefore += f0 ? 1 : 0;
            flaggedAfter += f1 ? 1 : 0;
            raised += !f0 && f1 ? 1 : 0;
            dropped += f0 && !f1 ? 1 : 0;
            largestDifference = Math.max(largestDifference, Math.abs(p1 - p0));
            // two independent estimates of the same p: the difference has variance 2p(1−p)/R
            double pMean = Math.max((p0 + p1) / 2, 1.0 / (SIMULATIONS + 1));
            double z = Math.abs(p1 - p0) / Math.sqrt(2 * pMean * (1 - pMean) / SIMULATIONS + 1e-300);
            if (p0 != p1) {
                differing++;
                sumOfDifferences += p1 - p0;
                largestZ = Math.max(largestZ, z);
                beyondThreeSe += z > 3 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%d pairs: llr differs in %d; p equal in %d, largest |Δp| %.4f, largest"
                + " |Δp|/SE %.2f, %d beyond 3 SE, mean Δp where it differs %.5f; flags p < %.2f: %d before, %d after,"
                + " %d raised, %d dropped%n", pairs, llrDiffer, pEqual, largestDifference, largestZ, beyondThreeSe,
                differing == 0 ? 0 : sumOfDifferences / differing, MAX_P, flaggedBefore,
                flaggedAfter, raised, dropped);
    }

    /** A results file, or "parquet" for the run's own llr and llr_p. */
    private static double[][] readResults(Path file, Table table) throws IOException {
        if (file.toString().equals("parquet")) {
            return new double[][] {table.llr, table.p};
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            return new double[][] {readDoubles(in), readDoubles(in)};
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
