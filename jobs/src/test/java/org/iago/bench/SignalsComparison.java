package org.iago.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.csv.CsvReader;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsFit;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.MgpsScore;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark tool: what changed between two {@code iago signals} output folders of the same lake (an old and a new
 * build), read side by side (both CSVs are sorted by drug and event; a difference in the pairs fails). Prints both MGPS priors and the negative log-likelihood of each on every pair and on openEBGM's vignette
 * squashing of them (so priors fitted on different squashings are compared on the same data), the largest relative
 * change of every statistic over the pairs, and per method the flags raised in each run and the pairs that changed.
 * <p>
 * With {@code --refit}, also what the squashing alone does: the new run's pairs fitted by this build on openEBGM's
 * vignette squashing and on {@link Squashing#forEstimation}, each prior's -logL on every pair, and the largest relative
 * change of EBGM and EB05 over the pairs between the two (the optimiser and its starts the same).
 * <p>
 * Usage: {@code SignalsComparison <old signals folder> <new signals folder> [--refit]}.
 */
public final class SignalsComparison {

    private static final List<String> STATISTICS = List.of("prr", "ror", "ic", "ic025", "ic975", "ebgm", "eb05",
            "eb95", "llr", "llr_p");
    private static final List<String> FLAGS = List.of("signal_prr", "signal_ror", "signal_ic", "signal_ebgm",
            "signal_llr");

    private SignalsComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path oldRun = Path.of(args[0]);
        Path newRun = Path.of(args[1]);
        List<WeightedPoint> points = new ArrayList<>();
        try (Rows before = new Rows(oldRun.resolve("disproportionality.csv"));
                Rows after = new Rows(newRun.resolve("disproportionality.csv"))) {
            double[] largest = new double[STATISTICS.size()];
            String[] where = new String[STATISTICS.size()];
            int[][] flags = new int[FLAGS.size()][4];   // old, new, raised, dropped
            long pairs = 0;
            List<String> x;
            List<String> y;
            while ((y = after.next()) != null) {
                x = before.next();
                String key = y.get(0) + " | " + y.get(1);
                if (x == null || !key.equals(x.get(0) + " | " + x.get(1))) {
                    throw new IllegalStateException("the runs differ in their pairs at " + key + " (old: "
                            + (x == null ? "end of file" : x.get(0) + " | " + x.get(1)) + ")");
                }
                pairs++;
                points.add(new WeightedPoint(Integer.parseInt(y.get(after.column("a"))),
                        Double.parseDouble(y.get(after.column("expected"))), 1));
                for (int i = 0; i < largest.length; i++) {
                    double u = Double.parseDouble(x.get(before.column(STATISTICS.get(i))));
                    double v = Double.parseDouble(y.get(after.column(STATISTICS.get(i))));
                    double change = u == v ? 0 : Math.abs(v - u) / Math.max(Math.abs(u), Double.MIN_NORMAL);
                    if (change > largest[i]) {
                        largest[i] = change;
                        where[i] = key + " (" + u + " -> " + v + ")";
                    }
                }
                for (int f = 0; f < flags.length; f++) {
                    boolean u = Boolean.parseBoolean(x.get(before.column(FLAGS.get(f))));
                    boolean v = Boolean.parseBoolean(y.get(after.column(FLAGS.get(f))));
                    flags[f][0] += u ? 1 : 0;
                    flags[f][1] += v ? 1 : 0;
                    flags[f][2] += v && !u ? 1 : 0;
                    flags[f][3] += u && !v ? 1 : 0;
                }
            }
            if (before.next() != null) {
                throw new IllegalStateException("the old run has more pairs than the new one's " + pairs);
            }
            comparePriors(prior(oldRun), prior(newRun), points);
            System.out.printf("pairs: %d in both runs%n", pairs);
            for (int i = 0; i < largest.length; i++) {
                System.out.printf("largest relative change of %-6s %.3g %s%n", STATISTICS.get(i), largest[i],
                        where[i] == null ? "" : where[i]);
            }
            for (int f = 0; f < flags.length; f++) {
                System.out.printf("%-12s old %7d  new %7d  raised %6d  dropped %6d%n", FLAGS.get(f), flags[f][0],
                        flags[f][1], flags[f][2], flags[f][3]);
            }
        }
        if (args.length > 2 && args[2].equals("--refit")) {
            compareSquashings(points);
        }
    }

    private static void comparePriors(MgpsPrior before, MgpsPrior after, List<WeightedPoint> every) {
        System.out.println("prior old: " + before);
        System.out.println("prior new: " + after);
        double[] x = {before.alpha1(), before.beta1(), before.alpha2(), before.beta2(), before.mixtureFraction()};
        double[] y = {after.alpha1(), after.beta1(), after.alpha2(), after.beta2(), after.mixtureFraction()};
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            largest = Math.max(largest, Math.abs(y[i] - x[i]) / Math.abs(x[i]));
        }
        System.out.printf("largest relative change of a hyperparameter: %.3g%n", largest);
        MgpsEstimator estimator = MgpsEstimator.withDefaults();
        List<WeightedPoint> vignette = Squashing.asInVignette(every);
        System.out.printf("-logL on all %d pairs: old %.9f, new %.9f%n", every.size(),
                estimator.negativeLogLikelihood(before, every), estimator.negativeLogLikelihood(after, every));
        System.out.printf("-logL on the vignette squashing (%d points): old %.9f, new %.9f%n", vignette.size(),
                estimator.negativeLogLikelihood(before, vignette), estimator.negativeLogLikelihood(after, vignette));
    }

    private static void compareSquashings(List<WeightedPoint> every) {
        MgpsEstimator estimator = MgpsEstimator.withDefaults();
        List<WeightedPoint> vignette = Squashing.asInVignette(every);
        List<WeightedPoint> forEstimation = Squashing.forEstimation(every);
        long start = System.nanoTime();
        MgpsFit onVignette = estimator.fit(vignette);
        double vignetteSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        MgpsFit onForEstimation = estimator.fit(forEstimation);
        double forEstimationSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("refit on the vignette squashing (%d points, %.1f s): %s%n", vignette.size(),
                vignetteSeconds, onVignette.prior());
        System.out.printf("refit on forEstimation (%d points, %.1f s): %s%n", forEstimation.size(),
                forEstimationSeconds, onForEstimation.prior());
        for (MgpsFit fit : List.of(onVignette, onForEstimation)) {
            System.out.println("  evaluations per start: " + fit.starts().stream()
                    .map(r -> r.evaluations() + (r.converged() ? "" : " (not converged)")).toList());
        }
        System.out.printf("-logL of the refits on all %d pairs: vignette %.9f, forEstimation %.9f%n", every.size(),
                estimator.negativeLogLikelihood(onVignette.prior(), every),
                estimator.negativeLogLikelihood(onForEstimation.prior(), every));
        MgpsPosterior x = new MgpsPosterior(onVignette.prior());
        MgpsPosterior y = new MgpsPosterior(onForEstimation.prior());
        double ebgm = 0;
        double eb05 = 0;
        for (WeightedPoint p : every) {
            MgpsScore a = x.score(p.actual(), p.expected());
            MgpsScore b = y.score(p.actual(), p.expected());
            ebgm = Math.max(ebgm, Math.abs(b.ebgm() - a.ebgm()) / a.ebgm());
            eb05 = Math.max(eb05, Math.abs(b.eb05() - a.eb05()) / a.eb05());
        }
        System.out.printf("largest relative change between the refits: EBGM %.3g, EB05 %.3g%n", ebgm, eb05);
    }

    private static MgpsPrior prior(Path run) throws IOException {
        JsonNode json = new ObjectMapper().readTree(run.resolve("mgps_prior.json").toFile());
        return new MgpsPrior(json.get("alpha1").asDouble(), json.get("beta1").asDouble(), json.get("alpha2").asDouble(),
                json.get("beta2").asDouble(), json.get("p").asDouble());
    }

    /**
     * A disproportionality.csv read record by record (a record per line: the file is sorted by drug and event, so two
     * runs' files are compared side by side without holding either).
     */
    private static final class Rows implements AutoCloseable {
        private final Path file;
        private final BufferedReader reader;
        private final List<String> header;

        Rows(Path file) throws IOException {
            this.file = file;
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            header = next();
        }

        /** The next record, or null at the end. */
        List<String> next() throws IOException {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            List<List<String>> records = CsvReader.records(line + "\n", file.toString());
            if (records.size() != 1) {
                throw new IllegalStateException(file + ": a record over several lines: " + line);
            }
            return records.get(0);
        }

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + file);
            }
            return i;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
