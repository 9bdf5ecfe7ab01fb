package org.iago.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iago.stats.InformationComponent;
import org.iago.stats.PairStatistics;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.CaersTable;
import org.iago.stats.mgps.CaseLine;
import org.iago.stats.mgps.DrugEventCount;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.ReferenceCounts;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark probe, no Spark, one thread: the per-pair scoring of the signals job ({@link PairStatistics#score}, which
 * {@code DisproportionalityJob.scoreValues} calls for every pair) under the prior the job would fit
 * ({@link Squashing#forEstimation}, {@link MgpsEstimator}), in CPU µs per pair, and the IC and the MGPS posterior
 * alone. Pairs: {@code synthetic <pairs>} draws them as {@link MgpsCostProbe} does (FAERS-like at 1M reports), {@code
 * faers} counts pvLRT's real FAERS 2022Q3 statin/GBCA case table of the test resources (111,118 pairs).
 * <p>
 * Usage: {@code ScoringProbe synthetic <pairs> <scores file>} or {@code ScoringProbe faers <scores file>}. If the
 * scores file does not exist, IC, IC025, IC975, EBGM, EB05, EB95 and the IC and EBGM flags of every pair are written
 * to it; if it does, they are compared with it (largest absolute and relative change, flags that flip), so that a
 * run on the old code and one on the new give the change in outputs.
 */
public final class ScoringProbe {

    private static final String[] NAMES = {"IC", "IC025", "IC975", "EBGM", "EB05", "EB95"};
    private static final int ROUNDS = 6;

    private ScoringProbe() {
    }

    /** A pair's count, marginals and expected count, as the job passes them to {@link PairStatistics#score}. */
    private record Pair(long a, long nDrug, long nEvent, long n, double expected) {
    }

    public static void main(String[] args) throws IOException {
        Pair[] pairs;
        Path scoresFile;
        if (args[0].equals("faers")) {
            pairs = faers();
            scoresFile = Path.of(args[1]);
        } else {
            pairs = synthetic(Integer.parseInt(args[1]));
            scoresFile = Path.of(args[2]);
        }
        WeightedPoint[] points = new WeightedPoint[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            points[i] = WeightedPoint.of(Math.toIntExact(pairs[i].a()), pairs[i].expected());
        }
        List<WeightedPoint> sorted = new ArrayList<>(List.of(points));
        sorted.sort(Comparator.comparingInt(WeightedPoint::actual)
                .thenComparingDouble(WeightedPoint::expected));
        MgpsPrior prior = MgpsEstimator.withDefaults().fit(Squashing.forEstimation(sorted)).prior();
        int[] byCount = new int[5];
        for (Pair p : pairs) {
            byCount[(int) Math.min(p.a(), 4)]++;
        }
        System.out.printf("%d pairs (N=1 %d, N=2 %d, N=3 %d, N>=4 %d), largest N %d; prior %s%n", pairs.length,
                byCount[1], byCount[2], byCount[3], byCount[4], sorted.get(sorted.size() - 1).actual(), prior);

        SignalThresholds thresholds = new SignalThresholds(new SignalThresholds.Prr(2, 4, 3),
                new SignalThresholds.Ror(1, 3), new SignalThresholds.Ic(0), new SignalThresholds.Ebgm(2),
                new SignalThresholds.Llr(0.05, 999, 1), null);
        MgpsPosterior posterior = new MgpsPosterior(prior);
        PairStatistics statistics = new PairStatistics(posterior, thresholds);
        InformationComponent ic = InformationComponent.withDefaults();
        double[][] scores = new double[pairs.length][];
        boolean[][] flags = new boolean[pairs.length][];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int round = 0; round < ROUNDS; round++) {  // the first rounds warm the JIT up
            long t = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < pairs.length; i++) {
                Pair p = pairs[i];
                PairStatistics.Score s = statistics.score(p.a(), p.nDrug(), p.nEvent(), p.n(), p.expected());
                scores[i] = new double[] {s.ic().ic(), s.ic().ic025(), s.ic().ic975(), s.mgps().ebgm(),
                    s.mgps().eb05(), s.mgps().eb95()};
                flags[i] = new boolean[] {s.icSignal(), s.ebgmSignal()};
            }
            double whole = microsPerPair(threads, t, pairs.length);
            t = threads.getCurrentThreadCpuTime();
            double sink = 0;
            for (Pair p : pairs) {
                sink += ic.compute(p.a(), p.expected()).ic025();
            }
            double icOnly = microsPerPair(threads, t, pairs.length);
            t = threads.getCurrentThreadCpuTime();
            for (Pair p : pairs) {
                sink += posterior.score(Math.toIntExact(p.a()), p.expected()).eb05();
            }
            double mgpsOnly = microsPerPair(threads, t, pairs.length);
            System.out.printf("round %d, CPU µs per pair: PairStatistics.score %.3f, of which IC %.3f, MGPS %.3f"
                    + " (%s)%n", round, whole, icOnly, mgpsOnly, sink > 0 ? "" : "-");
            best[0] = Math.min(best[0], whole);
            best[1] = Math.min(best[1], icOnly);
            best[2] = Math.min(best[2], mgpsOnly);
        }
        System.out.printf("best round, CPU µs per pair: PairStatistics.score %.3f, IC %.3f, MGPS %.3f%n", best[0],
                best[1], best[2]);
        if (Files.exists(scoresFile)) {
            compare(scoresFile, scores, flags, pairs);
        } else {
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(scoresFile)))) {
                for (int i = 0; i < pairs.length; i++) {
                    for (double x : scores[i]) {
                        out.writeDouble(x);
                    }
                    for (boolean f : flags[i]) {
                        out.writeBoolean(f);
                    }
                }
            }
            System.out.println("wrote " + scoresFile);
        }
    }

    private static Pair[] synthetic(int count) {
        List<WeightedPoint> points = MgpsCostProbe.synthetic(count, 20260501L);
        Pair[] pairs = new Pair[points.size()];
        for (int i = 0; i < pairs.length; i++) {
            int a = points.get(i).actual();
            pairs[i] = new Pair(a, a + 20, a + 30, 1_000_000, points.get(i).expected());
        }
        return pairs;
    }

    /** pvLRT's FAERS 2022Q3 case table counted as {@code processRaw} does, with each pair's distinct-case marginals. */
    private static Pair[] faers() {
        List<CaseLine> lines = CaersTable.caseLinesFromResource(
                "/reference/pvlrt/faers_2022q3_ps_statin_gbca_cases.csv.gz");
        Map<String, Set<String>> casesOfDrug = new HashMap<>();
        Map<String, Set<String>> casesOfEvent = new HashMap<>();
        Set<String> cases = new HashSet<>();
        for (CaseLine line : lines) {
            casesOfDrug.computeIfAbsent(line.drug(), k -> new HashSet<>()).add(line.caseId());
            casesOfEvent.computeIfAbsent(line.event(), k -> new HashSet<>()).add(line.caseId());
            cases.add(line.caseId());
        }
        List<DrugEventCount> counts = ReferenceCounts.count(lines);
        Pair[] pairs = new Pair[counts.size()];
        for (int i = 0; i < pairs.length; i++) {
            DrugEventCount c = counts.get(i);
            pairs[i] = new Pair(c.actual(), casesOfDrug.get(c.drug()).size(), casesOfEvent.get(c.event()).size(),
                    cases.size(), c.expected());
        }
        return pairs;
    }

    private static void compare(Path file, double[][] scores, boolean[][] flags, Pair[] pairs) throws IOException {
        double[] absolute = new double[NAMES.length];
        double[] relative = new double[NAMES.length];
        int[] at = new int[NAMES.length];
        int[] changed = new int[NAMES.length];
        int[] flips = new int[2];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (int i = 0; i < scores.length; i++) {
                for (int k = 0; k < NAMES.length; k++) {
                    double old = in.readDouble();
                    double d = Math.abs(scores[i][k] - old);
                    changed[k] += Double.compare(scores[i][k], old) != 0 ? 1 : 0;
                    absolute[k] = Math.max(absolute[k], d);
                    if (d / Math.abs(old) > relative[k]) {
                        relative[k] = d / Math.abs(old);
                        at[k] = i;
                    }
                }
                for (int k = 0; k < 2; k++) {
                    if (in.readBoolean() != flags[i][k]) {
                        flips[k]++;
                        System.out.printf("  %s flag flipped at %s: %s%n", k == 0 ? "IC" : "EBGM", pairs[i],
                                Arrays.toString(scores[i]));
                    }
                }
            }
        }
        for (int k = 0; k < NAMES.length; k++) {
            System.out.printf("%s: %d of %d pairs changed, largest absolute change %.3g, relative %.3g (at %s)%n",
                    NAMES[k], changed[k], pairs.length, absolute[k], relative[k], pairs[at[k]]);
        }
        System.out.printf("flags flipped: IC %d, EBGM %d%n", flips[0], flips[1]);
    }

    private static double microsPerPair(ThreadMXBean threads, long start, int pairs) {
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / pairs;
    }
}
