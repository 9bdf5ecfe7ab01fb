package org.iago.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.iago.stats.LikelihoodRatioTest;
import org.iago.stats.LikelihoodRatioTest.Form;

/**
 * Benchmark probe, no Spark: the likelihood ratio tests of {@code DisproportionalityJob.likelihoodRatios} on one
 * thread, on a synthetic drug × event table shaped like FAERS: {@code events} events with Zipf-distributed totals,
 * {@code drugs} drugs with Pareto(½) totals from 1 to 100,000 (grand total about 3M at 10,000 drugs), each drug
 * reporting 85% of its counts from the overall event distribution and 15% on three events of its own (signals).
 * Drugs are grouped by total and each group shares one null simulation, seeded as the job seeds it. Prints the CPU
 * time of each step (the machine may be shared) and writes every pair's drug, event, logLR and p-value.
 * <p>
 * Usage: {@code LrtProbe <pairs.tsv> [events drugs tableSeed]}.
 */
public final class LrtProbe {

    private static final long SEED_SPREAD = 0x9E3779B97F4A7C15L;

    private LrtProbe() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 15_000;
        int drugs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long tableSeed = args.length > 3 ? Long.parseLong(args[3]) : 7;
        long[][] columns = table(events, drugs, tableSeed);
        long[] eventTotals = new long[events];
        TreeMap<Long, List<Integer>> drugsByTotal = new TreeMap<>();
        long total = 0;
        long pairs = 0;
        for (int d = 0; d < drugs; d++) {
            long drugTotal = 0;
            for (int i = 0; i < events; i++) {
                eventTotals[i] += columns[d][i];
                drugTotal += columns[d][i];
                pairs += columns[d][i] > 0 ? 1 : 0;
            }
            total += drugTotal;
            drugsByTotal.computeIfAbsent(drugTotal, t -> new ArrayList<>()).add(d);
        }
        long large = drugsByTotal.keySet().stream().filter(t -> t >= 3L * events).count();
        System.out.printf(Locale.ROOT, "table: %d events, %d drugs, %d pairs, total %d, %d distinct drug totals"
                + " (%d of them >= 3 per event)%n", events, drugs, pairs, total, drugsByTotal.size(), large);

        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(eventTotals, total);
        int[][] drugEvents = new int[drugs][];
        long[][] drugCounts = new long[drugs][];
        for (int d = 0; d < drugs; d++) {
            int cells = 0;
            for (int i = 0; i < events; i++) {
                cells += columns[d][i] > 0 ? 1 : 0;
            }
            drugEvents[d] = new int[cells];
            drugCounts[d] = new long[cells];
            for (int i = 0, k = 0; i < events; i++) {
                if (columns[d][i] > 0) {
                    drugEvents[d][k] = i;
                    drugCounts[d][k++] = columns[d][i];
                }
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long observeNanos = 0;
        long smallNanos = 0;
        long largeNanos = 0;
        long testNanos = 0;
        long seed = 1;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            for (Map.Entry<Long, List<Integer>> group : drugsByTotal.entrySet()) {
                long drugTotal = group.getKey();
                LikelihoodRatioTest lrt = LikelihoodRatioTest.withDefaults().with(Form.POISSON)
                        .withSimulations(999).withSeed(seed ^ (drugTotal * SEED_SPREAD));
                long t = cpu.getCurrentThreadCpuTime();
                double cap = 0;
                for (int d : group.getValue()) {
                    cap = Math.max(cap, lrt.maximumLogLikelihoodRatio(table, drugEvents[d], drugCounts[d]));
                }
                long t2 = cpu.getCurrentThreadCpuTime();
                observeNanos += t2 - t;
                LikelihoodRatioTest.NullMaxima nullMaxima = lrt.simulateNull(table, drugTotal, cap);
                long t3 = cpu.getCurrentThreadCpuTime();
                if (drugTotal < 3L * events) {
                    smallNanos += t3 - t2;
                } else {
                    largeNanos += t3 - t2;
                }
                for (int d : group.getValue()) {
                    LikelihoodRatioTest.Result r = lrt.test(table, drugEvents[d], drugCounts[d], nullMaxima);
                    double[] llr = r.logLikelihoodRatios();
                    double[] p = r.eventPValues();
                    for (int k = 0; k < llr.length; k++) {
                        out.printf(Locale.ROOT, "%d\t%d\t%s\t%s%n", d, drugEvents[d][k], llr[k], p[k]);
                    }
                }
                testNanos += cpu.getCurrentThreadCpuTime() - t3;
            }
        }
        System.out.printf(Locale.ROOT, "MLR per drug (cap) %.2f s, null simulation: drug total < 3 events %.2f s,"
                        + " >= 3 events %.2f s, test per drug (incl. output) %.2f s%n",
                observeNanos / 1e9, smallNanos / 1e9, largeNanos / 1e9, testNanos / 1e9);
    }

    /** Drug columns of the synthetic table. */
    private static long[][] table(int events, int drugs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[events];
        double sum = 0;
        for (int i = 0; i < events; i++) {
            sum += 1 / Math.pow(i + 1, 1.1);
            cumulative[i] = sum;
        }
        long[][] columns = new long[drugs][events];
        for (int d = 0; d < drugs; d++) {
            long drugTotal;
            do {
                double u = 1 - random.nextDouble();
                drugTotal = (long) Math.floor(1 / (u * u));
            } while (drugTotal > 100_000);
            int[] own = {random.nextInt(events), random.nextInt(events), random.nextInt(events)};
            for (long k = 0; k < drugTotal; k++) {
                int event;
                if (random.nextDouble() < 0.15) {
                    event = own[random.nextInt(own.length)];
                } else {
                    int found = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    event = Math.min(found >= 0 ? found : -found - 1, events - 1);
                }
                columns[d][event]++;
            }
        }
        return columns;
    }
}
