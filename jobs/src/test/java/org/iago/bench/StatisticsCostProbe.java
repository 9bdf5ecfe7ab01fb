package org.iago.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.spark.CsvOutput;
import org.iago.stats.ExpectedCount;
import org.iago.stats.LikelihoodRatioTest;
import org.iago.stats.LikelihoodRatioTest.Form;
import org.iago.stats.PairStatistics;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsFit;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark probe, no Spark: how long the pure-Java statistics of {@code iago signals} take on one thread for all pairs,
 * given the pair counts. It reads a, b, c, d of every pair from DuckDbSignalsBaseline's output (the same counts iago
 * computes) and times, step by step, what DisproportionalityJob does per pair and per drug: the expected count, the
 * MGPS fit exactly as {@code fitPrior} (sorted points, squashing of N = 1 and N = 2, {@link MgpsEstimator}), every
 * pair's {@link PairStatistics#score}, the likelihood ratio test per drug exactly as {@code likelihoodRatios} (Poisson
 * form, the configured simulations and seed), and the CSV of all columns through {@link CsvOutput}.
 * <p>
 * Usage: {@code StatisticsCostProbe <duckdb output.parquet> <iago.yaml> <csv output> [--autosquash|--autosquash-only]};
 * with {@code --autosquash} also what squashing every count N (openEBGM's autoSquash defaults) changes.
 */
public final class StatisticsCostProbe {

    private StatisticsCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        SignalThresholds thresholds = SignalThresholds.load(Path.of(args[1]));
        long t = System.nanoTime();
        List<String> drugs = new ArrayList<>();
        List<String> events = new ArrayList<>();
        List<long[]> abcd = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            try (ResultSet rs = s.executeQuery("SELECT drug, event, a, b, c, d FROM read_parquet('" + args[0]
                    + "') ORDER BY drug, event")) {
                while (rs.next()) {
                    drugs.add(rs.getString(1));
                    events.add(rs.getString(2));
                    abcd.add(new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                }
            }
        }
        int pairs = abcd.size();
        System.out.printf("read %d pairs: %.1f s%n", pairs, seconds(t));

        t = System.nanoTime();
        double[] expected = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            long[] x = abcd.get(i);
            expected[i] = ExpectedCount.unstratified(x[0] + x[1], x[0] + x[2], x[0] + x[1] + x[2] + x[3]);
        }
        System.out.printf("expected counts: %.2f s%n", seconds(t));

        t = System.nanoTime();
        List<WeightedPoint> points = new ArrayList<>();
        Integer[] order = new Integer[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> abcd.get(i)[0] != abcd.get(j)[0] ? Long.compare(abcd.get(i)[0], abcd.get(j)[0])
                : Double.compare(expected[i], expected[j]));
        for (int i : order) {
            points.add(WeightedPoint.of(Math.toIntExact(abcd.get(i)[0]), expected[i]));
        }
        double sortSeconds = seconds(t);
        long squashStart = System.nanoTime();
        points = Squashing.asInVignette(points);
        double squashSeconds = seconds(squashStart);
        long fitStart = System.nanoTime();
        MgpsFit fit = MgpsEstimator.withDefaults().fit(points);
        System.out.printf("MGPS: sort %.2f s, squash %.2f s (%d pairs -> %d points), fit %.2f s; %s%n", sortSeconds,
                squashSeconds, pairs, points.size(), seconds(fitStart), fit.prior());
        for (MgpsFit.StartResult r : fit.starts()) {
            System.out.printf("  start %s: %d evaluations, converged %s%n", r.start(), r.evaluations(), r.converged());
        }
        if (args.length > 3 && args[3].startsWith("--autosquash")) {
            autoSquashExperiment(abcd, expected, fit.prior(), thresholds);
            if (args[3].equals("--autosquash-only")) {
                return;
            }
        }

        t = System.nanoTime();
        MgpsPrior p = fit.prior();
        PairStatistics statistics = new PairStatistics(new MgpsPosterior(p), thresholds);
        PairStatistics.Score[] scores = new PairStatistics.Score[pairs];
        for (int i = 0; i < pairs; i++) {
            long[] x = abcd.get(i);
            scores[i] = statistics.score(x[0], x[0] + x[1], x[0] + x[2], x[0] + x[1] + x[2] + x[3], expected[i]);
        }
        System.out.printf("PairStatistics.score, all pairs (PRR, ROR, IC, EBGM with EB05/EB95): %.1f s%n", seconds(t));

        t = System.nanoTime();
        TreeMap<String, Long> eventTotals = new TreeMap<>();
        for (int i = 0; i < pairs; i++) {
            eventTotals.merge(events.get(i), abcd.get(i)[0], Long::sum);
        }
        Map<String, Integer> eventIndex = new HashMap<>();
        long[] totals = new long[eventTotals.size()];
        long grandTotal = 0;
        int k = 0;
        for (Map.Entry<String, Long> e : eventTotals.entrySet()) {
            eventIndex.put(e.getKey(), k);
            totals[k++] = e.getValue();
            grandTotal += e.getValue();
        }
        SignalThresholds.Llr rule = thresholds.llr();
        double[] llr = new double[pairs];
        double[] llrP = new double[pairs];
        int drugCount = 0;
        long placingNanos = 0;
        long binomialNanos = 0;
        int placingDrugs = 0;
        Map<Long, Long> firstOfTotal = new HashMap<>();
        long slowest = 0;
        String slowestDrug = null;
        for (int from = 0; from < pairs; ) {
            int to = from;
            while (to < pairs && drugs.get(to).equals(drugs.get(from))) {
                to++;
            }
            long drugStart = System.nanoTime();
            String name = drugs.get(from);
            long[] drugCounts = new long[totals.length];
            for (int i = from; i < to; i++) {
                drugCounts[eventIndex.get(events.get(i))] = abcd.get(i)[0];
            }
            LikelihoodRatioTest.Result lrt = LikelihoodRatioTest.withDefaults().with(Form.POISSON)
                    .withSimulations(rule.simulations()).withSeed(rule.seed() ^ name.hashCode())
                    .test(totals, drugCounts, grandTotal);
            double[] l = lrt.logLikelihoodRatios();
            double[] pv = lrt.eventPValues();
            for (int i = from; i < to; i++) {
                int e = eventIndex.get(events.get(i));
                llr[i] = l[e];
                llrP[i] = pv[e];
            }
            long took = System.nanoTime() - drugStart;
            long drugTotal = Arrays.stream(drugCounts).sum();
            if (drugTotal < totals.length / 2) {
                placingNanos += took;
                placingDrugs++;
            } else {
                binomialNanos += took;
            }
            firstOfTotal.putIfAbsent(drugTotal, took);
            if (took > slowest) {
                slowest = took;
                slowestDrug = name + " (" + (to - from) + " events)";
            }
            drugCount++;
            from = to;
        }
        System.out.printf("LRT, %d drugs x %d events, %d simulations: %.1f s (slowest drug %s: %.2f s)%n", drugCount,
                totals.length, rule.simulations(), seconds(t), slowestDrug, slowest / 1e9);
        System.out.printf("  drugs drawn count by count (total < events/2): %d, %.1f s; by conditional binomials: %d,"
                + " %.1f s; %d distinct drug totals, whose first drugs took %.1f s%n", placingDrugs, placingNanos / 1e9,
                drugCount - placingDrugs, binomialNanos / 1e9, firstOfTotal.size(),
                firstOfTotal.values().stream().mapToLong(Long::longValue).sum() / 1e9);

        t = System.nanoTime();
        Iterator<Row> rows = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < pairs;
            }

            @Override
            public Row next() {
                PairStatistics.Score s = scores[i];
                Row r = RowFactory.create(drugs.get(i), events.get(i), s.a(), s.b(), s.c(), s.d(), s.expected(),
                        s.prr().prr(), s.prr().lower(), s.prr().upper(), s.prr().chiSquaredYates(), s.ror().ror(),
                        s.ror().lower(), s.ror().upper(), s.ic().ic(), s.ic().ic025(), s.ic().ic975(),
                        s.mgps().ebgm(), s.mgps().eb05(), s.mgps().eb95(), llr[i], llrP[i], s.prrSignal(),
                        s.rorSignal(), s.icSignal(), s.ebgmSignal(), llrP[i] < rule.maxP());
                i++;
                return r;
            }
        };
        Path csv = Path.of(args[2]);
        CsvOutput.write(csv, DisproportionalityJob.COLUMNS, rows);
        System.out.printf("CSV of all pairs, all columns (CsvOutput): %.1f s, %d MiB%n", seconds(t),
                Files.size(csv) >> 20);
    }

    /**
     * What squashing every count N, as openEBGM's autoSquash does with its defaults, would change: points, fit time,
     * prior, and the EBGM flags of all pairs under that prior against the prior of the default squashing.
     */
    private static void autoSquashExperiment(List<long[]> abcd, double[] expected, MgpsPrior reference,
            SignalThresholds thresholds) {
        int[] keep = {100, 75, 50, 25};
        long[] cutOffs = {500, 1000, 10000, 100000, 500000, 1000000, 5000000};
        int[] superPoints = {50, 75, 150, 500, 750, 1000, 2000, 5000};
        List<WeightedPoint> points = new ArrayList<>();
        TreeMap<Integer, Integer> perCount = new TreeMap<>();
        for (int i = 0; i < abcd.size(); i++) {
            int n = Math.toIntExact(abcd.get(i)[0]);
            points.add(WeightedPoint.of(n, expected[i]));
            perCount.merge(n, 1, Integer::sum);
        }
        long t = System.nanoTime();
        for (Map.Entry<Integer, Integer> e : perCount.entrySet()) {
            int n = e.getKey();
            int c = e.getValue();
            int kept = keep[Math.min(n - 1, keep.length - 1)];
            int target = superPoints[superPoints.length - 1];
            for (int k = 0; k < cutOffs.length; k++) {
                if (c < cutOffs[k]) {
                    target = superPoints[k];
                    break;
                }
            }
            if (c - kept <= target) {
                continue;
            }
            int bin = Math.max(2, (int) Math.ceil((double) (c - kept) / target));
            points = Squashing.withDefaults().withBinSize(bin).withKeepPoints(kept).withMinBins(1).withMinPoints(1)
                    .squash(points, n);
        }
        double squash = seconds(t);
        t = System.nanoTime();
        MgpsFit fit = MgpsEstimator.withDefaults().fit(points);
        System.out.printf("autoSquash-like: %d pairs -> %d points in %.2f s, fit %.2f s; %s%n", abcd.size(),
                points.size(), squash, seconds(t), fit.prior());
        for (MgpsFit.StartResult r : fit.starts()) {
            System.out.printf("  start %s: %d evaluations, converged %s%n", r.start(), r.evaluations(), r.converged());
        }
        t = System.nanoTime();
        MgpsPosterior before = new MgpsPosterior(reference);
        MgpsPosterior after = new MgpsPosterior(fit.prior());
        int flagsBefore = 0;
        int flagsAfter = 0;
        int changed = 0;
        double[] relative = new double[abcd.size()];
        double[] relativeAbove1 = new double[abcd.size()];
        int above1 = 0;
        int worst = 0;
        double eb05Max = 0;
        for (int i = 0; i < abcd.size(); i++) {
            int n = Math.toIntExact(abcd.get(i)[0]);
            var x = before.score(n, expected[i]);
            var y = after.score(n, expected[i]);
            boolean fx = thresholds.ebgmSignal(x.eb05());
            boolean fy = thresholds.ebgmSignal(y.eb05());
            flagsBefore += fx ? 1 : 0;
            flagsAfter += fy ? 1 : 0;
            changed += fx != fy ? 1 : 0;
            relative[i] = Math.abs(y.ebgm() - x.ebgm()) / x.ebgm();
            if (relative[i] > relative[worst]) {
                worst = i;
            }
            if (x.ebgm() >= 1) {
                relativeAbove1[above1++] = relative[i];
            }
            eb05Max = Math.max(eb05Max, Math.abs(y.eb05() - x.eb05()));
        }
        var wx = before.score(Math.toIntExact(abcd.get(worst)[0]), expected[worst]);
        var wy = after.score(Math.toIntExact(abcd.get(worst)[0]), expected[worst]);
        double[] sorted = relative.clone();
        Arrays.sort(sorted);
        double[] sortedAbove1 = Arrays.copyOf(relativeAbove1, above1);
        Arrays.sort(sortedAbove1);
        System.out.printf("  EBGM flags: %d with the default squashing, %d with autoSquash-like, %d pairs differ"
                + " (%.1f s)%n", flagsBefore, flagsAfter, changed, seconds(t));
        System.out.printf("  relative EBGM difference, all pairs: median %.3g, 99th percentile %.3g, max %.3g (a = %d,"
                + " E = %.4g: EBGM %.4g -> %.4g); pairs with EBGM >= 1 (%d): median %.3g, max %.3g; largest EB05"
                + " difference %.3g%n", sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)],
                sorted[sorted.length - 1], abcd.get(worst)[0], expected[worst], wx.ebgm(), wy.ebgm(), above1,
                above1 == 0 ? 0 : sortedAbove1[above1 / 2], above1 == 0 ? 0 : sortedAbove1[above1 - 1], eb05Max);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
