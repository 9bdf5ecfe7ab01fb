package org.iago.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.iago.stats.PairStatistics;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsFit;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.MgpsScore;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark probe, no Spark, one thread for scoring: the MGPS fit and the per-pair scoring of the signals job on a
 * synthetic, seeded set of pairs shaped like FAERS at 1M reports (≈ 630k pairs, most with N = 1–3, E from 1e-4 to
 * 100). The pairs are drawn from the MGPS model itself: log10 E normal (mean −0.7, sd 1) clipped to [−4, 2],
 * λ from a gamma mixture, N ~ Poisson(λE) given N ≥ 1.
 * <p>
 * Usage: {@code MgpsCostProbe <pairs> <scores file> [auto|fit-only]}; {@code fit-only} times only the fit on
 * {@link Squashing#forEstimation}, for tables too large for the vignette squashing's fit. Times the fit on openEBGM's vignette squashing (and with
 * {@code auto} on {@link Squashing#autoSquash} with openEBGM's defaults and on {@link Squashing#forEstimation}, with
 * the largest change in EBGM and EB05 against the vignette's prior), then {@link PairStatistics#score} of every pair under a fixed θ. If
 * the scores file does not exist, the EBGM/EB05/EB95/IC025/IC975 of every pair are written to it; if it does, they
 * are compared with it (largest relative difference), so that a run on the old code and one on the new code give the
 * change in outputs.
 */
public final class MgpsCostProbe {

    /** The fixed θ every pair is scored under: openEBGM's squashed CAERS fit. */
    private static final MgpsPrior SCORING_THETA = new MgpsPrior(3.25379356, 0.39988854, 2.02612692, 1.90807970,
            0.06534557);

    private MgpsCostProbe() {
    }

    public static void main(String[] args) throws IOException {
        int pairs = Integer.parseInt(args[0]);
        Path scoresFile = Path.of(args[1]);
        boolean auto = args.length > 2 && args[2].equals("auto");
        List<WeightedPoint> points = synthetic(pairs, 20260501L);
        int[] byCount = new int[5];
        for (WeightedPoint p : points) {
            byCount[Math.min(p.actual(), 4)]++;
        }
        System.out.printf("%d pairs: N=1 %d, N=2 %d, N=3 %d, N>=4 %d%n", points.size(), byCount[1], byCount[2],
                byCount[3], byCount[4]);

        long t;
        if (args.length > 2 && args[2].equals("fit-only")) {  // a table too large for the vignette squashing's fit
            for (int round = 0; round < 2; round++) {
                t = System.nanoTime();
                List<WeightedPoint> squashed = Squashing.forEstimation(points);
                double squash = seconds(t);
                t = System.nanoTime();
                double cpu = cpuSeconds();
                MgpsFit fit = MgpsEstimator.withDefaults().fit(squashed);
                System.out.printf("forEstimation: %d points (%.2f s), fit %.2f s (CPU %.2f s), -logL %.6f, %s%n",
                        squashed.size(), squash, seconds(t), cpuSeconds() - cpu, fit.negativeLogLikelihood(),
                        fit.prior());
                print(fit);
            }
            return;
        }
        t = System.nanoTime();
        List<WeightedPoint> vignette = Squashing.asInVignette(points);
        double squash = seconds(t);
        t = System.nanoTime();
        double cpu = cpuSeconds();
        MgpsFit fit = MgpsEstimator.withDefaults().fit(vignette);
        System.out.printf("vignette squashing: %d points (%.2f s), fit %.2f s (CPU %.2f s), -logL %.6f, %s%n",
                vignette.size(), squash, seconds(t), cpuSeconds() - cpu, fit.negativeLogLikelihood(), fit.prior());
        print(fit);
        if (auto) {
            t = System.nanoTime();
            List<WeightedPoint> squashed = Squashing.autoSquash(points);
            squash = seconds(t);
            t = System.nanoTime();
            cpu = cpuSeconds();
            MgpsFit autoFit = MgpsEstimator.withDefaults().fit(squashed);
            System.out.printf("autoSquash: %d points (%.2f s), fit %.2f s (CPU %.2f s), -logL %.6f, %s%n",
                    squashed.size(), squash, seconds(t), cpuSeconds() - cpu, autoFit.negativeLogLikelihood(),
                    autoFit.prior());
            print(autoFit);
            compare(points, fit.prior(), autoFit.prior());
            t = System.nanoTime();
            squashed = Squashing.forEstimation(points);
            squash = seconds(t);
            t = System.nanoTime();
            cpu = cpuSeconds();
            autoFit = MgpsEstimator.withDefaults().fit(squashed);
            System.out.printf("forEstimation: %d points (%.2f s), fit %.2f s (CPU %.2f s), -logL %.6f, %s%n",
                    squashed.size(), squash, seconds(t), cpuSeconds() - cpu, autoFit.negativeLogLikelihood(),
                    autoFit.prior());
            print(autoFit);
            compare(points, fit.prior(), autoFit.prior());
        }

        SignalThresholds thresholds = new SignalThresholds(new SignalThresholds.Prr(2, 4, 3),
                new SignalThresholds.Ror(1, 3), new SignalThresholds.Ic(0), new SignalThresholds.Ebgm(2),
                new SignalThresholds.Llr(0.05, 999, 1), null);
        PairStatistics statistics = new PairStatistics(new MgpsPosterior(SCORING_THETA), thresholds);
        double[][] scores = new double[points.size()][];
        for (int round = 0; round < 2; round++) {  // the first round warms the JIT up
            t = System.nanoTime();
            for (int i = 0; i < points.size(); i++) {
                WeightedPoint p = points.get(i);
                long a = p.actual();
                PairStatistics.Score s = statistics.score(a, a + 20, a + 30, 1_000_000, p.expected());
                scores[i] = new double[] {s.mgps().ebgm(), s.mgps().eb05(), s.mgps().eb95(), s.ic().ic025(),
                    s.ic().ic975()};
            }
            double took = seconds(t);
            System.out.printf("PairStatistics.score, round %d: %.2f s for %d pairs, %.2f s per 1M pairs%n", round,
                    took, points.size(), took / points.size() * 1e6);
        }
        if (Files.exists(scoresFile)) {
            compareScores(scoresFile, scores, points);
        } else {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(scoresFile))) {
                for (double[] s : scores) {
                    for (double x : s) {
                        out.writeDouble(x);
                    }
                }
            }
            System.out.println("wrote " + scoresFile);
        }
    }

    /** Seeded (N, E) pairs from the MGPS model, sorted by (N, E) as the job sorts them. */
    static List<WeightedPoint> synthetic(int pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Well19937c generator = new Well19937c(seed);
        GammaDistribution common = new GammaDistribution(generator, 20, 1.0 / 20);  // most pairs near λ = 1
        GammaDistribution spread = new GammaDistribution(generator, 0.5, 1.0 / 0.25); // a few strongly reported
        List<WeightedPoint> points = new ArrayList<>(pairs);
        while (points.size() < pairs) {
            double e = Math.pow(10, Math.max(-4, Math.min(2, -0.7 + random.nextGaussian()))); // E of reported pairs
            double lambda = random.nextDouble() < 0.05 ? spread.sample() : common.sample();
            double mean = lambda * e;
            if (mean > 0) {
                points.add(WeightedPoint.of(positivePoisson(mean, random, generator), e));
            }
        }
        points.sort(Comparator.comparingInt(WeightedPoint::actual).thenComparingDouble(WeightedPoint::expected));
        return points;
    }

    /** N ~ Poisson(mean) given N ≥ 1: by inversion for small means, by rejection of 0 for large ones. */
    private static int positivePoisson(double mean, SplittableRandom random, Well19937c generator) {
        if (mean > 30) {
            return new PoissonDistribution(generator, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();  // P(0) < 1e-13
        }
        double target = random.nextDouble() * -Math.expm1(-mean);
        double p = Math.exp(-mean);
        double cumulative = 0;
        int k = 0;
        do {
            k++;
            p *= mean / k;
            cumulative += p;
        } while (cumulative < target && p > 0);
        return k;
    }

    private static void print(MgpsFit fit) {
        for (MgpsFit.StartResult r : fit.starts()) {
            System.out.printf("  start %s: %d evaluations, converged %s, -logL %.6f%n", r.start(), r.evaluations(),
                    r.converged(), r.negativeLogLikelihood());
        }
    }

    /** Largest relative change in EBGM and EB05 over all pairs between two priors. */
    private static void compare(List<WeightedPoint> points, MgpsPrior before, MgpsPrior after) {
        MgpsPosterior x = new MgpsPosterior(before);
        MgpsPosterior y = new MgpsPosterior(after);
        double ebgm = 0;
        double eb05 = 0;
        WeightedPoint worst = null;
        for (WeightedPoint p : points) {
            MgpsScore a = x.score(p.actual(), p.expected());
            MgpsScore b = y.score(p.actual(), p.expected());
            double r = Math.abs(b.ebgm() - a.ebgm()) / a.ebgm();
            if (r > ebgm) {
                ebgm = r;
                worst = p;
            }
            eb05 = Math.max(eb05, Math.abs(b.eb05() - a.eb05()) / a.eb05());
        }
        System.out.printf("vignette vs autoSquash prior: largest relative change EBGM %.3g (at %s), EB05 %.3g%n", ebgm,
                worst, eb05);
    }

    private static void compareScores(Path file, double[][] scores, List<WeightedPoint> points) throws IOException {
        String[] names = {"EBGM", "EB05", "EB95", "IC025", "IC975"};
        double[] largest = new double[names.length];
        int[] at = new int[names.length];
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            for (int i = 0; i < scores.length; i++) {
                for (int k = 0; k < names.length; k++) {
                    double old = in.readDouble();
                    double d = Math.abs(scores[i][k] - old) / (k < 3 ? old : 1); // IC: absolute, as it is a log
                    if (d > largest[k]) {
                        largest[k] = d;
                        at[k] = i;
                    }
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            System.out.printf("%s: largest %s difference to %s %.3g (at %s)%n", names[k], k < 3 ? "relative" : "absolute", file, largest[k],
                    points.get(at[k]));
        }
    }

    /** CPU seconds of the whole process: the fit's wall time depends on what else the machine runs. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
