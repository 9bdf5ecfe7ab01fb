package org.iago.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.iago.stats.mgps.MgpsEstimator;
import org.iago.stats.mgps.MgpsFit;
import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.stats.mgps.MgpsScore;
import org.iago.stats.mgps.Squashing;
import org.iago.stats.mgps.WeightedPoint;

/**
 * Benchmark probe for the MGPS hyperparameter fit alone (issue 18): reads every pair's (N, E) from a signals output's
 * Parquet ({@code disproportionality/}, via DuckDB), sorted by N then E as the signals job sorts them, and times
 * {@link Squashing#forEstimation} plus {@link MgpsEstimator#fit} as the job calls them: wall time, this thread's CPU
 * time and the process's CPU time (the fit may use the common fork-join pool), for several rounds (the first is
 * the one a {@code signals} run pays, before the JIT has compiled the likelihood).
 * <p>
 * If the prior file does not exist, the fitted θ is written to it; if it does, the θ there (the fit of another build)
 * is compared with this build's on every pair: both θ, −logL of each on every pair and on the points fitted, the
 * largest relative change of EBGM and EB05 over the pairs, and the EBGM flags (EB05 ≥ 2, the signals job's default)
 * raised and dropped.
 * <p>
 * Usage: {@code MgpsFitProbe <disproportionality Parquet folder> <prior file> [rounds, default 3]}.
 */
public final class MgpsFitProbe {

    /** The signals job's default EBGM rule, {@code signals.ebgm.minEb05}. */
    private static final double MIN_EB05 = 2;

    private MgpsFitProbe() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path parquet = Path.of(args[0]);
        Path priorFile = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<WeightedPoint> pairs = read(parquet);
        System.out.printf("%d pairs from %s; load average %s%n", pairs.size(), parquet,
                Files.readString(Path.of("/proc/loadavg")).trim());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MgpsFit fit = null;
        for (int round = 1; round <= rounds; round++) {
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            List<WeightedPoint> points = Squashing.forEstimation(pairs);
            double squashWall = (System.nanoTime() - wall) / 1e9;
            double squashCpu = (threads.getCurrentThreadCpuTime() - thread) / 1e9;
            fit = MgpsEstimator.withDefaults().fit(points);
            System.out.printf(Locale.ROOT, "round %d: %d points, squash %.2f s wall (%.2f s CPU), squash + fit %.2f s"
                            + " wall, %.2f s CPU (this thread), %.2f s CPU (process); evaluations per start %s%n",
                    round, points.size(), squashWall, squashCpu, (System.nanoTime() - wall) / 1e9,
                    (threads.getCurrentThreadCpuTime() - thread) / 1e9,
                    (os.getProcessCpuTime() - process) / 1e9,
                    fit.starts().stream().map(r -> r.evaluations() + (r.converged() ? "" : " (not converged)"))
                            .toList());
        }
        MgpsPrior prior = fit.prior();
        MgpsEstimator estimator = MgpsEstimator.withDefaults();
        List<WeightedPoint> fitted = Squashing.forEstimation(pairs);
        System.out.printf(Locale.ROOT, "prior: %s, on boundary %s; -logL on all pairs %.9f, on the points fitted"
                + " %.9f%n", prior, fit.onBoundary(), estimator.negativeLogLikelihood(prior, pairs),
                fit.negativeLogLikelihood());
        if (!Files.exists(priorFile)) {
            Files.writeString(priorFile, String.format(Locale.ROOT, "%s %s %s %s %s%n", prior.alpha1(), prior.beta1(),
                    prior.alpha2(), prior.beta2(), prior.mixtureFraction()));
            System.out.println("prior written to " + priorFile);
            return;
        }
        String[] v = Files.readString(priorFile).trim().split(" ");
        MgpsPrior before = new MgpsPrior(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]), Double.parseDouble(v[4]));
        System.out.printf(Locale.ROOT, "prior before: %s; -logL on all pairs %.9f, on the points fitted %.9f%n",
                before, estimator.negativeLogLikelihood(before, pairs),
                estimator.negativeLogLikelihood(before, fitted));
        System.out.printf(Locale.ROOT, "-logL on the points fitted, summed with compensation: before %.9f, now %.9f%n",
                compensated(estimator, before, fitted), compensated(estimator, prior, fitted));
        compare(pairs, new MgpsPosterior(before), new MgpsPosterior(prior));
    }

    /**
     * −logL point by point, summed by Neumaier's compensated summation: free of the rounding of the fit's plain sum
     * (about √points·10<sup>−16</sup> relative), which is what two fits that end at its level differ by.
     */
    private static double compensated(MgpsEstimator estimator, MgpsPrior prior, List<WeightedPoint> points) {
        double sum = 0;
        double correction = 0;
        for (WeightedPoint p : points) {
            double term = estimator.negativeLogLikelihood(prior, List.of(p));
            double t = sum + term;
            correction += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        return sum + correction;
    }

    /** Largest relative change of EBGM and EB05, and the EBGM flags raised and dropped, over every pair. */
    private static void compare(List<WeightedPoint> pairs, MgpsPosterior before, MgpsPosterior after) {
        double[][] change = IntStream.range(0, pairs.size()).parallel().mapToObj(i -> {
            WeightedPoint p = pairs.get(i);
            MgpsScore a = before.score(p.actual(), p.expected());
            MgpsScore b = after.score(p.actual(), p.expected());
            boolean was = a.eb05() >= MIN_EB05;
            boolean is = b.eb05() >= MIN_EB05;
            return new double[] {Math.abs(b.ebgm() - a.ebgm()) / a.ebgm(), Math.abs(b.eb05() - a.eb05()) / a.eb05(),
                is && !was ? 1 : 0, was && !is ? 1 : 0, was ? 1 : 0, a.ebgm(), a.eb05(), p.actual(), p.expected()};
        }).toList().toArray(double[][]::new);
        double[] ebgm = change[0];
        double[] eb05 = change[0];
        double raised = 0;
        double dropped = 0;
        double flagged = 0;
        for (double[] c : change) {
            ebgm = c[0] > ebgm[0] ? c : ebgm;
            eb05 = c[1] > eb05[1] ? c : eb05;
            raised += c[2];
            dropped += c[3];
            flagged += c[4];
        }
        System.out.printf(Locale.ROOT, "largest relative change of EBGM %.3g (N %d, E %.4g, EBGM before %.4g)%n",
                ebgm[0], (int) ebgm[7], ebgm[8], ebgm[5]);
        System.out.printf(Locale.ROOT, "largest relative change of EB05 %.3g (N %d, E %.4g, EB05 before %.4g)%n",
                eb05[1], (int) eb05[7], eb05[8], eb05[6]);
        System.out.printf(Locale.ROOT, "EBGM flags (EB05 >= %.0f): %d before, raised %d, dropped %d%n", MIN_EB05,
                (long) flagged, (long) raised, (long) dropped);
    }

    private static List<WeightedPoint> read(Path parquet) throws SQLException {
        List<WeightedPoint> pairs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            try (ResultSet rs = s.executeQuery("SELECT a, expected FROM read_parquet('" + parquet.resolve("*.parquet")
                    + "') ORDER BY a, expected")) {
                while (rs.next()) {
                    pairs.add(WeightedPoint.of(Math.toIntExact(rs.getLong(1)), rs.getDouble(2)));
                }
            }
        }
        return pairs;
    }
}
