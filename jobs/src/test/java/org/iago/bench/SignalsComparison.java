package org.iago.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.csv.CsvReader;
import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark tool: what changed between two {@code iago signals} output folders of the same lake (an old and a new
 * build). Prints both MGPS priors and the negative log-likelihood of each on every pair and on openEBGM's vignette
 * squashing of them (so priors fitted on different squashings are compared on the same data), the largest relative
 * change of every statistic over the pairs, and per method the flags raised in each run and the pairs that changed.
 * <p>
 * Usage: {@code SignalsComparison <old signals folder> <new signals folder>}.
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
        Table before = Table.read(oldRun.resolve("disproportionality.csv"));
        Table after = Table.read(newRun.resolve("disproportionality.csv"));
        comparePriors(prior(oldRun), prior(newRun), after);
        System.out.printf("pairs: old %d, new %d%n", before.rows.size(), after.rows.size());
        int unmatched = 0;
        for (String key : after.rows.keySet()) {
            if (!before.rows.containsKey(key)) {
                unmatched++;
            }
        }
        System.out.printf("pairs of the new run missing from the old: %d%n", unmatched);
        for (String statistic : STATISTICS) {
            double largest = 0;
            String where = "";
            for (Map.Entry<String, List<String>> row : after.rows.entrySet()) {
                List<String> old = before.rows.get(row.getKey());
                if (old == null) {
                    continue;
                }
                double x = Double.parseDouble(old.get(before.column(statistic)));
                double y = Double.parseDouble(row.getValue().get(after.column(statistic)));
                double change = x == y ? 0 : Math.abs(y - x) / Math.max(Math.abs(x), Double.MIN_NORMAL);
                if (change > largest) {
                    largest = change;
                    where = row.getKey() + " (" + x + " -> " + y + ")";
                }
            }
            System.out.printf("largest relative change of %-6s %.3g %s%n", statistic, largest, where);
        }
        for (String flag : FLAGS) {
            int oldCount = 0;
            int newCount = 0;
            int raised = 0;
            int dropped = 0;
            for (Map.Entry<String, List<String>> row : after.rows.entrySet()) {
                List<String> old = before.rows.get(row.getKey());
                boolean x = old != null && Boolean.parseBoolean(old.get(before.column(flag)));
                boolean y = Boolean.parseBoolean(row.getValue().get(after.column(flag)));
                oldCount += x ? 1 : 0;
                newCount += y ? 1 : 0;
                raised += y && !x ? 1 : 0;
                dropped += x && !y ? 1 : 0;
            }
            System.out.printf("%-12s old %7d  new %7d  raised %6d  dropped %6d%n", flag, oldCount, newCount, raised,
                    dropped);
        }
    }

    private static void comparePriors(MgpsPrior before, MgpsPrior after, Table pairs) {
        System.out.println("prior old: " + before);
        System.out.println("prior new: " + after);
        double[] x = {before.alpha1(), before.beta1(), before.alpha2(), before.beta2(), before.mixtureFraction()};
        double[] y = {after.alpha1(), after.beta1(), after.alpha2(), after.beta2(), after.mixtureFraction()};
        double largest = 0;
        for (int i = 0; i < x.length; i++) {
            largest = Math.max(largest, Math.abs(y[i] - x[i]) / Math.abs(x[i]));
        }
        System.out.printf("largest relative change of a hyperparameter: %.3g%n", largest);
        List<WeightedPoint> every = pairs.points();
        MgpsEstimator estimator = MgpsEstimator.withDefaults();
        List<WeightedPoint> vignette = Squashing.asInVignette(every);
        System.out.printf("-logL on all %d pairs: old %.9f, new %.9f%n", every.size(),
                estimator.negativeLogLikelihood(before, every), estimator.negativeLogLikelihood(after, every));
        System.out.printf("-logL on the vignette squashing (%d points): old %.9f, new %.9f%n", vignette.size(),
                estimator.negativeLogLikelihood(before, vignette), estimator.negativeLogLikelihood(after, vignette));
    }

    private static MgpsPrior prior(Path run) throws IOException {
        JsonNode json = new ObjectMapper().readTree(run.resolve("mgps_prior.json").toFile());
        return new MgpsPrior(json.get("alpha1").asDouble(), json.get("beta1").asDouble(), json.get("alpha2").asDouble(),
                json.get("beta2").asDouble(), json.get("p").asDouble());
    }

    /** A disproportionality.csv by drug and event. */
    private record Table(List<String> header, Map<String, List<String>> rows) {

        static Table read(Path csv) throws IOException {
            List<List<String>> records = CsvReader.read(csv);
            List<String> header = records.get(0);
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (List<String> row : records.subList(1, records.size())) {
                rows.put(row.get(0) + " | " + row.get(1), row);
            }
            return new Table(header, rows);
        }

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return i;
        }

        List<WeightedPoint> points() {
            int a = column("a");
            int expected = column("expected");
            return rows.values().stream().map(r -> new WeightedPoint(Integer.parseInt(r.get(a)),
                    Double.parseDouble(r.get(expected)), 1)).toList();
        }
    }
}
