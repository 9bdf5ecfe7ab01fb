package org.iago.stats.onset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The k-sample Anderson–Darling rank test of Scholz and Stephens [2]: do k samples of onset times come from one
 * distribution? With k = 2 it compares the onsets of a drug–event pair with a background (Van Holle et al. [1]), and,
 * more than Kolmogorov–Smirnov, weighs differences in the tails: a few very early or very late onsets.
 *
 * <p>The pooled sample of N = n_1 + … + n_k values has L distinct values z_1 &lt; … &lt; z_L, z_j occurring l_j times
 * in all and f_ij times in sample i; M_ij = f_i1 + … + f_ij and B_j = l_1 + … + l_j count the values up to z_j,
 * M_aij = M_ij − f_ij/2 and B_aj = B_j − l_j/2 up to z_j with half of z_j's (midranks). The two statistics for tied
 * data, versions 1 and 2 of R package kSamples [3] (Scholz and Stephens' own equation numbers in brackets):
 * <pre>
 *   (1)  A²kN  = (1/N) Σ_i (1/n_i) Σ_{j=1}^{L−1} l_j (N M_ij − n_i B_j)² / (B_j (N − B_j))                     [6]
 *   (2)  A²akN = ((N − 1)/N²) Σ_i (1/n_i) Σ_{j=1}^{L} l_j (N M_aij − n_i B_aj)² / (B_aj (N − B_aj) − N l_j/4)  [7]
 *   (3)  σ²_N = (aN³ + bN² + cN + d) / ((N − 1)(N − 2)(N − 3)), the variance of A²kN under H0 without ties, with
 *          H = Σ_i 1/n_i,  h = Σ_{i=1}^{N−1} 1/i,  g = Σ_{i=1}^{N−2} Σ_{j=i+1}^{N−1} 1/((N − i) j),
 *          a = (4g − 6)(k − 1) + (10 − 6g)H,
 *          b = (2g − 4)k² + 8hk + (2g − 14h − 4)H − 8h + 4g − 6,
 *          c = (6h + 2g − 2)k² + (4h − 4g + 6)k + (2h − 6)H + 4h,
 *          d = (2h + 6)k² − 4hk
 *   (4)  T = (A² − (k − 1)) / σ_N, for either version
 *   (5)  p: the upper tail of T, from Scholz and Stephens' Table 2 interpolated as kSamples' ad.pval does
 *        ({@link AndersonDarlingPValue})
 * </pre>
 * Equation numbers in the code refer to this list. Without ties, (1) is Scholz and Stephens' A²kN of their
 * equation [3].
 *
 * <p>Agreement with kSamples 1.2-9 {@code ad.test(..., method = "asymptotic")} on R 4.2.2: statistics, T and p-values
 * to 1e-10 relative ({@code reference/onset/ad_reference.R}). The p-value is kSamples' asymptotic one; its
 * {@code "exact"} and {@code "simulated"} p-values (permutations) are not computed here.
 *
 * <p>Special cases, as kSamples has them:
 * <ul>
 *   <li>fewer than two samples, or an empty one → refused (kSamples stops). A sample of one value is tested
 *       (kSamples warns below five values).</li>
 *   <li>N = 2, or N = 3 with k = 3 → σ_N = 0, T undefined (NaN), p = 1.</li>
 *   <li>N = 3 with k = 2 → σ_N = 0.3535534, kSamples' rounded 1/√8 (kept, so that the numbers agree).</li>
 *   <li>every value equal (L = 1) → A²kN = 0 with its T and p; A²akN is 0/0, NaN here with its T and p, where
 *       kSamples stops with an error (its ad.pval cannot place a NaN).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Van Holle L, Zeinoun Z, Bauchau V, Verstraeten T. Using time-to-onset for detecting safety signals in
 *       spontaneous reports of adverse events following immunization: a proof of concept study.
 *       Pharmacoepidemiol Drug Saf. 2012;21(6):603–610. doi:10.1002/pds.3226</li>
 *   <li>Scholz FW, Stephens MA. K-sample Anderson–Darling tests. J Am Stat Assoc. 1987;82(399):918–924.
 *       doi:10.1080/01621459.1987.10478517</li>
 *   <li>Scholz FW, Zhu A. kSamples: K-Sample Rank Tests and their Combinations. R package version 1.2-9 (ad.test,
 *       its C function adkTestStat, ad.pval).</li>
 * </ol>
 */
public final class AndersonDarlingKSample {

    /** kSamples' σ_N for N = 3, k = 2 (1/√8 rounded to 7 digits). */
    private static final double SIGMA_THREE_VALUES = 0.3535534;

    /**
     * One version of the statistic.
     *
     * @param statistic A² by (1) or (2)
     * @param standardized T (4); NaN when σ_N = 0
     * @param pValue the asymptotic p-value (5)
     */
    public record Version(double statistic, double standardized, double pValue) {
    }

    /**
     * @param version1 A²kN (1), kSamples' version 1
     * @param version2 A²akN (2) with midranks, kSamples' version 2
     * @param sigma σ_N (3)
     */
    public record Result(Version version1, Version version2, double sigma) {
    }

    private static final AndersonDarlingKSample DEFAULT = new AndersonDarlingKSample();

    private AndersonDarlingKSample() {
    }

    /** @return the test with kSamples' asymptotic p-values */
    public static AndersonDarlingKSample withDefaults() {
        return DEFAULT;
    }

    /**
     * @param samples k ≥ 2 samples (not modified)
     * @return both versions with their p-values
     * @throws IllegalArgumentException if there are fewer than two samples, one is empty or one holds NaN
     */
    public Result test(double[]... samples) {
        for (double[] sample : samples) {
            for (double v : sample) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("a sample holds NaN");
                }
            }
        }
        double[] values = Arrays.stream(samples).flatMapToDouble(DoubleStream::of).sorted().distinct().toArray();
        long[][] counts = new long[samples.length][values.length];
        for (int i = 0; i < samples.length; i++) {
            for (double v : samples[i]) {
                counts[i][Arrays.binarySearch(values, v)]++;
            }
        }
        return testCounts(counts);
    }

    /**
     * The test on frequency tables: how often each of a common, increasing list of values occurs in each sample
     * (onset days, so that a large background costs its number of distinct days). Values no sample holds are
     * ignored.
     *
     * @param counts per sample, the occurrences of each value, the same values in the same order
     * @return both versions with their p-values, as {@link #test} gives them for the samples the tables describe
     * @throws IllegalArgumentException if there are fewer than two tables, they differ in length, hold a negative
     *         count or describe an empty sample
     */
    public Result testCounts(long[]... counts) {
        int k = counts.length;
        if (k < 2) {
            throw new IllegalArgumentException("at least two samples, not " + k);
        }
        long[] sizes = new long[k];
        List<long[]> columns = new ArrayList<>();                           // f_1j … f_kj of each value held
        for (int v = 0; v < counts[0].length; v++) {
            long[] column = new long[k];
            long l = 0;
            for (int i = 0; i < k; i++) {
                if (counts[i].length != counts[0].length) {
                    throw new IllegalArgumentException("tables of " + counts[0].length + " and " + counts[i].length
                            + " values");
                }
                if (counts[i][v] < 0) {
                    throw new IllegalArgumentException("a negative count at value " + v);
                }
                column[i] = counts[i][v];
                sizes[i] += counts[i][v];
                l += counts[i][v];
            }
            if (l > 0) {
                columns.add(column);
            }
        }
        for (long size : sizes) {
            if (size == 0) {
                throw new IllegalArgumentException("every sample needs a value: " + Arrays.toString(sizes));
            }
        }
        double n = Arrays.stream(sizes).sum();
        int distinct = columns.size();
        double a2 = 0;
        double aa2 = 0;
        for (int i = 0; i < k; i++) {                                       // as kSamples' adkTestStat sums
            double mij = 0;
            double b = 0;
            double inner = 0;
            double midrankInner = 0;
            for (int j = 0; j < distinct; j++) {
                long[] column = columns.get(j);
                double l = Arrays.stream(column).sum();
                mij += column[i];
                b += l;
                double maij = mij - column[i] / 2.0;
                double baj = b - l / 2.0;
                if (j < distinct - 1) {
                    double t = n * mij - sizes[i] * b;
                    inner += l * t * t / (b * (n - b));                                                  // (1)
                }
                double t = n * maij - sizes[i] * baj;
                midrankInner += l * t * t / (baj * (n - baj) - n * l / 4.0);                             // (2)
            }
            a2 += inner / sizes[i];
            aa2 += midrankInner / sizes[i];
        }
        a2 /= n;
        aa2 = (n - 1) * aa2 / (n * n);
        double sigma = sigma(sizes, n, k);
        if (sigma == 0) {
            return new Result(new Version(a2, Double.NaN, 1), new Version(aa2, Double.NaN, 1), 0);
        }
        return new Result(version(a2, sigma, k, false), version(aa2, sigma, k, true), sigma);
    }

    private static Version version(double a2, double sigma, int k, boolean midranks) {
        double t = (a2 - (k - 1)) / sigma;                                                                // (4)
        return new Version(a2, t, AndersonDarlingPValue.of(t, k - 1, midranks));                         // (5)
    }

    /** σ_N (3); g's inner sums as suffix sums, so that a large background costs N, not N². */
    static double sigma(long[] sizes, double n, int k) {
        if (n == 2 || n == 3 && k == 3) {
            return 0;
        }
        if (n == 3) {
            return SIGMA_THREE_VALUES;
        }
        int total = (int) n;
        double bigH = 0;
        for (long size : sizes) {
            bigH += 1.0 / size;
        }
        double h = 0;
        for (int i = 1; i <= total - 1; i++) {
            h += 1.0 / i;
        }
        double g = 0;
        double tail = 0;                                                    // Σ_{j=i+1}^{N−1} 1/j
        for (int i = total - 2; i >= 1; i--) {
            tail += 1.0 / (i + 1);
            g += tail / (total - i);
        }
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * bigH;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * bigH + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        return Math.sqrt((a * n * n * n + b * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3)));
    }
}
