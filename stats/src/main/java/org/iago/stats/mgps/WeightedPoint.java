package org.iago.stats.mgps;

/**
 * One point (N, E, w) of the data the MGPS hyperparameters are fitted to: an actual count N, an expected count E
 * and a weight w, the number of drug–event pairs the point stands for. An unsquashed pair has weight 1; a
 * "superpoint" made by {@link Squashing} has the size of its bin as weight and the mean E of its bin as E
 * (DuMouchel &amp; Pregibon 2001).
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W, Pregibon D (2001). Empirical Bayes screening for multi-item associations. <i>Proceedings of
 *       the 7th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining</i>, 67–76.
 *       doi:10.1145/502512.502526</li>
 * </ol>
 *
 * @param actual   actual count N, ≥ 0
 * @param expected expected count E, finite and &gt; 0 (E = 0 has no Poisson model and is rejected)
 * @param weight   number of pairs represented, ≥ 1
 */
public record WeightedPoint(int actual, double expected, int weight) {

    /**
     * Checks the point.
     *
     * @param actual   actual count N
     * @param expected expected count E
     * @param weight   number of pairs represented
     * @throws IllegalArgumentException if N &lt; 0, E is not a finite positive number, or w &lt; 1
     */
    public WeightedPoint {
        if (actual < 0) {
            throw new IllegalArgumentException("actual count N must be >= 0, got " + actual);
        }
        if (!(expected > 0 && expected < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("expected count E must be a finite positive number, got " + expected);
        }
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be >= 1, got " + weight);
        }
    }

    /**
     * An unsquashed pair, weight 1.
     *
     * @param actual   actual count N
     * @param expected expected count E
     * @return the point (N, E, 1)
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static WeightedPoint of(int actual, double expected) {
        return new WeightedPoint(actual, expected, 1);
    }
}
