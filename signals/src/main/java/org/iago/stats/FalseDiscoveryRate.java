package org.iago.stats;

import java.util.Arrays;
import java.util.Comparator;

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
 * <p>Special cases: a NaN p-value or probability (a statistic undefined for the pair) is left out of the ranking,
 * and of m, and its q-value is NaN, as R's {@code p.adjust} does with NA. An empty input gives an empty output.
 * Values outside [0, 1] are refused.
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
public final class FalseDiscoveryRate {

    private FalseDiscoveryRate() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (1).
     *
     * @param pValues one p-value per pair, NaN where the pair has none
     * @return the q-value of each pair, in input order
     * @throws IllegalArgumentException if a p-value lies outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Integer[] order = ranked(pValues, "p-value");
        int m = order.length;
        double[] q = nanFilled(pValues.length);
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {                                  // (1): the minimum over j ≥ i
            int pair = order[i];
            running = Math.min(running, m * pValues[pair] / (i + 1));
            q[pair] = running;
        }
        return q;
    }

    /**
     * Bayesian false discovery rates (2) from each pair's posterior probability of no association.
     *
     * @param posteriorNull P(H0 | data) of each pair, NaN where the pair has none
     * @return the FDR of each pair, in input order
     * @throws IllegalArgumentException if a probability lies outside [0, 1]
     */
    public static double[] bayesian(double[] posteriorNull) {
        Integer[] order = ranked(posteriorNull, "posterior probability");
        double[] fdr = nanFilled(posteriorNull.length);
        double sum = 0;
        int tiesFrom = 0;
        for (int k = 0; k < order.length; k++) {
            sum += posteriorNull[order[k]];
            boolean lastOfTies = k + 1 == order.length
                    || posteriorNull[order[k + 1]] != posteriorNull[order[k]];
            if (lastOfTies) {
                double shared = sum / (k + 1);                              // (2) at the last of equal values
                for (int i = tiesFrom; i <= k; i++) {
                    fdr[order[i]] = shared;
                }
                tiesFrom = k + 1;
            }
        }
        return fdr;
    }

    /** The indices of the non-NaN values, sorted by value (stable, so equal values keep input order). */
    private static Integer[] ranked(double[] values, String what) {
        int defined = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                if (v < 0 || v > 1) {
                    throw new IllegalArgumentException(what + " outside [0, 1]: " + v);
                }
                defined++;
            }
        }
        Integer[] order = new Integer[defined];
        int next = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                order[next++] = i;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }

    private static double[] nanFilled(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
