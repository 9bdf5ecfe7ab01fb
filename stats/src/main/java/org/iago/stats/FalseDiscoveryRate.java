package org.iago.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * False discovery rates of a screen that tests every drug–event pair at once: the share of false signals expected
 * among the pairs declared signals, for each pair the smallest such share at which it would be declared (a q-value).
 *
 * <p>Two estimators, one per kind of statistic, as PhViD offers them (Ahmed et al. 2009 [2]; Ahmed, Dalmasso et al.
 * 2010 [3]):
 * <pre>
 *   (1)  frequentist, from p-values (Benjamini &amp; Hochberg 1995 [1]): with the m p-values sorted,
 *        p(1) ≤ … ≤ p(m),   q(i) = min over j ≥ i of min(1, m · p(j) / j)
 *   (2)  Bayesian, from each pair's posterior probability of no association P(H0 | data) (Ahmed et al. 2009
 *        [2]): with those sorted, P0(1) ≤ … ≤ P0(m),   FDR(k) = (1/k) · Σ_{i ≤ k} P0(i)
 * </pre>
 * Equation numbers in the code refer to this list. (1) is R's {@code p.adjust(p, "BH")}. (2) is the posterior
 * expected share of null pairs among the k most probable signals, PhViD's {@code GPS} and {@code BCPNN} with
 * {@code RANKSTAT = 1} ({@code cumsum(post.H0[order(post.H0)]) / (1:n)}); declaring the pairs with FDR(k) ≤ q
 * is PhViD's {@code DECISION = 1}.
 *
 * <p>Differences from other implementations: (1) uses no estimate of the share of true nulls π0 (PhViD's {@code PRR}
 * and {@code ROR} multiply by LBE's π0 ≤ 1), so it is conservative: it controls the FDR whatever π0. In (2), pairs
 * with equal P(H0) share the FDR of the last of them, so that which of them is declared never depends on row order;
 * PhViD gives them increasing values in input order.
 *
 * <p>An instance is the ranking of one screen: built from every pair's value, it gives each pair its FDR
 * ({@link #of}). Immutable and serializable, so that Spark can ship it to the tasks that hold the pairs.
 *
 * <p>Special cases: a NaN p-value or probability (a statistic undefined for the pair) is left out of the ranking,
 * and of m, and its FDR is NaN, as R's {@code p.adjust} does with NA. Values outside [0, 1] are refused.
 *
 * <p>References:
 * <ol>
 *   <li>Benjamini Y, Hochberg Y. Controlling the false discovery rate: a practical and powerful approach to multiple
 *       testing. J R Stat Soc Series B. 1995;57(1):289–300. doi:10.1111/j.2517-6161.1995.tb02031.x</li>
 *   <li>Ahmed I, Haramburu F, Fourrier-Réglat A, Thiessard F, Kreft-Jais C, Miremont-Salamé G, Bégaud B,
 *       Tubert-Bitter P. Bayesian pharmacovigilance signal detection methods revisited in a multiple comparison
 *       setting. Stat Med. 2009;28(13):1774–1792. doi:10.1002/sim.3586</li>
 *   <li>Ahmed I, Dalmasso C, Haramburu F, Thiessard F, Broët P, Tubert-Bitter P. False discovery rate estimation for
 *       frequentist pharmacovigilance signal detection methods. Biometrics. 2010;66(1):301–309.
 *       doi:10.1111/j.1541-0420.2009.01262.x</li>
 * </ol>
 */
public final class FalseDiscoveryRate implements Serializable {

    private static final long serialVersionUID = 2L;

    /** Values per block of {@link #firsts}: a block's values span a few cache lines. */
    private static final int BLOCK = 64;

    /** The distinct values ranked, increasing, and the FDR each is given. */
    private final double[] values;
    private final double[] rates;
    /**
     * The first value of each block of {@value #BLOCK}: {@link #of} searches these (a 64th of the values, so mostly in
     * cache), then one block. A search of the whole array missed the cache at most of its 22 steps for 4 million
     * values, five times for every pair of the screen.
     */
    private final double[] firsts;

    private FalseDiscoveryRate(double[] values, double[] rates) {
        this.values = values;
        this.rates = rates;
        this.firsts = new double[(values.length + BLOCK - 1) / BLOCK];
        for (int b = 0; b < firsts.length; b++) {
            firsts[b] = values[b * BLOCK];
        }
    }

    /**
     * Benjamini–Hochberg (1) over a screen's p-values.
     *
     * @param pValues one p-value per pair, NaN where the pair has none
     * @throws IllegalArgumentException if a p-value lies outside [0, 1]
     */
    public static FalseDiscoveryRate benjaminiHochberg(double[] pValues) {
        double[] sorted = ranked(pValues, "p-value");
        int m = sorted.length;
        double[] q = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {                                  // (1): the minimum over j ≥ i
            running = Math.min(running, m * sorted[i] / (i + 1));
            q[i] = running;
        }
        return distinct(sorted, q);
    }

    /**
     * The Bayesian estimator (2) over a screen's posterior probabilities of no association.
     *
     * @param posteriorNull P(H0 | data) of each pair, NaN where the pair has none
     * @throws IllegalArgumentException if a probability lies outside [0, 1]
     */
    public static FalseDiscoveryRate bayesian(double[] posteriorNull) {
        double[] sorted = ranked(posteriorNull, "posterior probability");
        double[] fdr = new double[sorted.length];
        double sum = 0;
        for (int k = 0; k < sorted.length; k++) {
            sum += sorted[k];
            fdr[k] = sum / (k + 1);                                         // (2)
        }
        return distinct(sorted, fdr);
    }

    /**
     * The FDR of a pair with this value (a p-value or a posterior probability): that of the last of the equal values
     * in the ranking, so equal values share it. Both (1) and (2) grow with the value, so the FDR is a function of the
     * value alone and can be looked up pair by pair wherever the pairs are.
     *
     * @param value one of the values the ranking was built from, or NaN
     * @return its FDR; NaN for NaN
     * @throws IllegalArgumentException if the value was not in the ranking
     */
    public double of(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        int block = Arrays.binarySearch(firsts, value);
        block = block >= 0 ? block : -block - 2;            // the block whose first value is the last not above it
        int at = block < 0 ? -1 : Arrays.binarySearch(values, block * BLOCK,
                Math.min(values.length, (block + 1) * BLOCK), value);
        if (at < 0) {
            throw new IllegalArgumentException("not a value of the ranking: " + value);
        }
        return rates[at];
    }

    /** The defined values sorted, after checking they lie in [0, 1]. */
    private static double[] ranked(double[] values, String what) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length > 0 && (sorted[0] < 0 || sorted[sorted.length - 1] > 1)) {
            throw new IllegalArgumentException(what + " outside [0, 1]: "
                    + (sorted[0] < 0 ? sorted[0] : sorted[sorted.length - 1]));
        }
        return sorted;
    }

    /** Each distinct value with the rate at the last of its copies. */
    private static FalseDiscoveryRate distinct(double[] sorted, double[] rates) {
        int n = 0;
        double[] values = new double[sorted.length];
        double[] last = new double[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            if (k + 1 == sorted.length || sorted[k + 1] != sorted[k]) {
                values[n] = sorted[k];
                last[n++] = rates[k];
            }
        }
        return new FalseDiscoveryRate(Arrays.copyOf(values, n), Arrays.copyOf(last, n));
    }
}
