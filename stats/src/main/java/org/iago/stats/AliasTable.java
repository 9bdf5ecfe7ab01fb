package org.iago.stats;

import java.io.Serializable;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws an index i with probability w_i / Σ w in constant time, by Walker's alias method [1] as built by Vose [2], for
 * the Monte Carlo null distribution of {@link LikelihoodRatioTest}: one count of a drug placed among the events with
 * probability n_i. / n...
 *
 * <p>Each of the k columns holds Σ w units of probability mass: column i keeps {@code kept[i]} units for index i and
 * gives the rest to {@code alias[i]}. The table is built in exact integer arithmetic (k·w_i units for index i), so the
 * only approximation is the draw: one uniform u ∈ [0, 1) gives the column ⌊k·u⌋ and, from the rest of its bits, the
 * position in the column; u has 53 random bits, so each probability is off by at most k·Σw/2<sup>53</sup> units, as
 * when a uniform picks a count from the cumulative totals.
 *
 * <p>References:
 * <ol>
 *   <li>Walker AJ. An efficient method for generating discrete random variables with general distributions. ACM Trans
 *       Math Softw. 1977;3(3):253–256. doi:10.1145/355744.355749</li>
 *   <li>Vose MD. A linear algorithm for generating random numbers with a given distribution. IEEE Trans Softw Eng.
 *       1991;17(9):972–975. doi:10.1109/32.92917</li>
 * </ol>
 */
final class AliasTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Share of column i's mass kept by index i, in [0, 1]; 1 for a column without alias. */
    private final double[] kept;
    private final int[] alias;

    /**
     * @param weights non-negative weights with a positive sum, k·Σw below 2<sup>63</sup>
     */
    AliasTable(long[] weights) {
        int k = weights.length;
        long sum = 0;
        for (long w : weights) {
            sum = Math.addExact(sum, w);
        }
        long[] units = new long[k];                      // k·w_i: every column then holds exactly Σ w units
        int[] small = new int[k];
        int[] large = new int[k];
        int smalls = 0;
        int larges = 0;
        for (int i = 0; i < k; i++) {
            units[i] = Math.multiplyExact(weights[i], (long) k);
            if (units[i] < sum) {
                small[smalls++] = i;
            } else {
                large[larges++] = i;
            }
        }
        kept = new double[k];
        alias = new int[k];
        while (smalls > 0 && larges > 0) {
            int s = small[--smalls];
            int l = large[--larges];
            kept[s] = (double) units[s] / sum;
            alias[s] = l;
            units[l] -= sum - units[s];
            if (units[l] < sum) {
                small[smalls++] = l;
            } else {
                large[larges++] = l;
            }
        }
        // the unassigned units always add up to Σw per unassigned column, so no small one is left and the large
        // ones left hold exactly Σw each
        while (larges > 0) {
            int l = large[--larges];
            kept[l] = 1;
            alias[l] = l;
        }
    }

    /** Draws one index. */
    int sample(RandomGenerator random) {
        double u = random.nextDouble() * kept.length;   // below k: (1 − 2^−53)·k rounds below k
        int column = (int) u;
        return u - column < kept[column] ? column : alias[column];
    }
}
