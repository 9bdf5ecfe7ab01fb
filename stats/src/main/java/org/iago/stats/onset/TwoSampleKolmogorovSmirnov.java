package org.iago.stats.onset;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

import org.apache.commons.math3.special.Gamma;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided: do two samples of onset times come from one distribution? Used to
 * compare the onsets of a drug–event pair with those of the same event under other drugs, and with those of the same
 * drug's other events (Van Holle, Zeinoun, Bauchau &amp; Verstraeten 2012 [1]).
 *
 * <p>With samples x (m values) and y (n values) and their empirical distribution functions F<sub>m</sub>, G<sub>n</sub>:
 * <pre>
 *   (1)  D = max over t of |F_m(t) − G_n(t)|, t ranging over the pooled values (after the last of equal values)
 *   (2)  exact:       p = 1 − #paths / C(m+n, m), counting the lattice paths from (0,0) to (m,n) (a step for each
 *                     pooled value, right for an x, up for a y) whose point (i,j) satisfies |i/m − j/n| &lt; q wherever
 *                     the pooled value differs from the next one, q = (⌊D·mn − 10⁻⁷⌋ + ½)/(mn)
 *                     (Kim &amp; Jennrich 1973 [2]; with ties, checked only at the ends of runs of equal values,
 *                     Schröer &amp; Trenkler 1995 [5])
 *   (3)  asymptotic:  p = 1 − K(√(mn/(m+n)) · D),  K(x) = 1 − 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²x²}
 *                     = (√(2π)/x) Σ_{k≥1} e^{−(2k−1)²π²/(8x²)}   (Kolmogorov 1933 [3]; Smirnov 1948 [4])
 * </pre>
 * Equation numbers in the code refer to this list. The choice between (2) and (3) is R's {@code ks.test} (4.2): exact
 * when mn &lt; 10,000, ties or not (onset days are whole numbers, so ties are the rule), asymptotic otherwise.
 *
 * <p>Agreement with R 4.2.2 {@code ks.test(x, y)} ({@code psmirnov}): D equal; (2) equal to 1e-12. For (3) this class sums both series
 * to convergence (the first for x &lt; 1, the second otherwise), where R's {@code pkstwo} keeps one term of the first
 * series for every x &lt; 1 (its bound k_max = ⌊√(2 − ln 10⁻⁶)⌋ = 3), an error of up to 3·10⁻⁵ just below x = 1;
 * the tests compare with R to 5·10⁻⁵ and with the series evaluated in full in R to 1e-12. With ties, (3) is
 * approximate, as R warns.
 *
 * <p>Special cases: either sample empty → refused (no test). p is clipped to [0, 1].
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Van Holle L, Zeinoun Z, Bauchau V, Verstraeten T. Using time-to-onset for detecting safety signals in
 *       spontaneous reports of adverse events following immunization: a proof of concept study.
 *       Pharmacoepidemiol Drug Saf. 2012;21(6):603–610. doi:10.1002/pds.3226</li>
 *   <li>Kim PJ, Jennrich RI. Tables of the exact sampling distribution of the two-sample Kolmogorov–Smirnov
 *       criterion, D_mn, m ≤ n. In: Selected Tables in Mathematical Statistics, Vol. 1. AMS; 1973:79–170.</li>
 *   <li>Kolmogorov A. Sulla determinazione empirica di una legge di distribuzione. G Ist Ital Attuari.
 *       1933;4:83–91.</li>
 *   <li>Smirnov N. Table for estimating the goodness of fit of empirical distributions. Ann Math Stat.
 *       1948;19(2):279–281. doi:10.1214/aoms/1177730256</li>
 *   <li>Schröer G, Trenkler D. Exact and randomization distributions of Kolmogorov–Smirnov tests two or three
 *       samples. Comput Stat Data Anal. 1995;20(2):185–202. doi:10.1016/0167-9473(94)00040-P</li>
 * </ol>
 */
public final class TwoSampleKolmogorovSmirnov {

    /** R's {@code ks.test}: exact below this product of the sample sizes, when there are no ties. */
    private static final long EXACT_BELOW = 10_000;
    private static final double SERIES_PRECISION = 1e-17;

    /**
     * @param statistic D (1)
     * @param pValue the two-sided p-value
     * @param exact whether p is exact (2) or asymptotic (3)
     */
    public record Result(double statistic, double pValue, boolean exact) {
    }

    private static final TwoSampleKolmogorovSmirnov DEFAULT = new TwoSampleKolmogorovSmirnov();

    private TwoSampleKolmogorovSmirnov() {
    }

    /** @return the test, exact where R's {@code ks.test} is */
    public static TwoSampleKolmogorovSmirnov withDefaults() {
        return DEFAULT;
    }

    /**
     * @param x one sample (not modified)
     * @param y the other sample (not modified)
     * @return D and its p-value
     * @throws IllegalArgumentException if a sample is empty or holds NaN
     */
    public Result test(double[] x, double[] y) {
        for (double[] sample : List.of(x, y)) {
            for (double v : sample) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("a sample holds NaN");
                }
            }
        }
        double[] values = DoubleStream.concat(Arrays.stream(x), Arrays.stream(y)).sorted().distinct().toArray();
        long[] xCounts = new long[values.length];
        long[] yCounts = new long[values.length];
        for (double v : x) {
            xCounts[Arrays.binarySearch(values, v)]++;
        }
        for (double v : y) {
            yCounts[Arrays.binarySearch(values, v)]++;
        }
        return testCounts(xCounts, yCounts);
    }

    /**
     * The test on frequency tables: how often each of a common, increasing list of values occurs in either sample
     * (onset days by day, for example, so that a large background sample costs its number of distinct days).
     *
     * @param xCounts occurrences in x of each value
     * @param yCounts occurrences in y of each value, the same values in the same order
     * @return D and its p-value, as {@link #test} gives them for the samples the tables describe
     * @throws IllegalArgumentException if the tables differ in length, hold a negative count or describe an empty
     *         sample
     */
    public Result testCounts(long[] xCounts, long[] yCounts) {
        if (xCounts.length != yCounts.length) {
            throw new IllegalArgumentException("tables of " + xCounts.length + " and " + yCounts.length + " values");
        }
        long m = 0;
        long n = 0;
        for (int v = 0; v < xCounts.length; v++) {
            if (xCounts[v] < 0 || yCounts[v] < 0) {
                throw new IllegalArgumentException("a negative count at value " + v);
            }
            m += xCounts[v];
            n += yCounts[v];
        }
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("both samples need a value: " + m + " and " + n);
        }
        double d = 0;                                                       // (1), at the end of each value's run
        long i = 0;
        long j = 0;
        for (int v = 0; v < xCounts.length; v++) {
            i += xCounts[v];
            j += yCounts[v];
            d = Math.max(d, Math.abs((double) i / m - (double) j / n));
        }
        if (m * n >= EXACT_BELOW) {
            return new Result(d, Math.min(1, kolmogorovUpperTail(Math.sqrt((double) m * n / (m + n)) * d)), false);
        }
        boolean[] runEnds = new boolean[(int) (m + n)];                     // where (2) compares F and G
        int end = 0;
        for (int v = 0; v < xCounts.length; v++) {
            end += (int) (xCounts[v] + yCounts[v]);
            if (xCounts[v] + yCounts[v] > 0) {
                runEnds[end - 1] = true;
            }
        }
        double p = 1 - smirnovCdf(d, (int) m, (int) n, runEnds);
        return new Result(d, Math.min(1, Math.max(0, p)), true);
    }

    /**
     * P(D_mn &lt; d) by (2): the paths are counted diagonal by diagonal (after k pooled values, i of them from x);
     * doubles hold the counts exactly enough, C(m+n, m) staying far below 1e308 while mn &lt; 10,000.
     */
    static double smirnovCdf(double d, int m, int n, boolean[] runEnds) {
        double q = (0.5 + Math.floor(d * m * n - 1e-7)) / ((double) m * n);
        double[] paths = new double[m + 1];                                 // indexed by i on the current diagonal
        double[] next = new double[m + 1];
        paths[0] = 1;
        for (int k = 1; k <= m + n; k++) {
            int low = Math.max(0, k - n);
            int high = Math.min(k, m);
            for (int i = low; i <= high; i++) {
                double up = i <= k - 1 && k - 1 - i <= n - 1 ? paths[i] : 0;       // a y: (i, k−1−i) → (i, k−i)
                double right = i >= 1 && k - i <= n ? paths[i - 1] : 0;              // an x: (i−1, k−i) → (i, k−i)
                double count = up + right;
                next[i] = runEnds[k - 1] && Math.abs((double) i / m - (double) (k - i) / n) >= q ? 0 : count;
            }
            double[] swap = paths;
            paths = next;
            next = swap;
            Arrays.fill(next, 0);
        }
        double logPaths = Gamma.logGamma(m + n + 1.0) - Gamma.logGamma(m + 1.0) - Gamma.logGamma(n + 1.0);
        return paths[m] / Math.exp(logPaths);
    }

    /**
     * 1 − K(x) of (3), by whichever series converges fast at x; above 1 the alternating series is summed as the tail
     * itself, so that a small p-value keeps its digits (R computes 1 − K and returns 0 there).
     */
    static double kolmogorovUpperTail(double x) {
        if (x <= 0) {
            return 1;
        }
        double sum = 0;
        if (x < 1) {
            double z = -Math.PI * Math.PI / (8 * x * x);
            for (int k = 1; ; k += 2) {
                double term = Math.exp(k * k * z);
                sum += term;
                if (term < SERIES_PRECISION * sum) {
                    return 1 - Math.sqrt(2 * Math.PI) / x * sum;
                }
            }
        }
        double z = -2 * x * x;
        double sign = 1;
        for (int k = 1; ; k++) {
            double term = Math.exp(z * k * k);
            sum += sign * term;
            sign = -sign;
            if (term < SERIES_PRECISION * sum) {
                return 2 * sum;
            }
        }
    }
}
