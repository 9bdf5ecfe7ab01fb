package org.iago.stats.agreement;

import java.util.Optional;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Agreement between two ratings of the same subjects on one ordered scale of k categories, e.g. the grade a registry
 * recorded and the grade re-derived from its raw parameters: Cohen's kappa [1], linear- and quadratic-weighted kappa
 * [2], each with its large-sample standard error [3] and a Wald confidence interval.
 *
 * <p>With n<sub>ij</sub> subjects in row category i (first rating) and column category j (second rating),
 * p<sub>ij</sub> = n<sub>ij</sub>/n, row marginals p<sub>i.</sub>, column marginals p<sub>.j</sub>, categories
 * indexed 1..k in scale order and agreement weights w<sub>ij</sub>:
 * <pre>
 *   (1)  unweighted   w_ij = 1 if i = j, else 0                       (Cohen 1960 [1])
 *        linear       w_ij = 1 − |i − j| / (k − 1)                     (Cohen 1968 [2]; Cicchetti and Allison [4])
 *        quadratic    w_ij = 1 − (i − j)² / (k − 1)²                   (Cohen 1968 [2]; Fleiss and Cohen [5])
 *        k = 1:       w_11 = 1
 *   (2)  p_o = Σ_ij w_ij p_ij                                          observed agreement
 *   (3)  p_e = Σ_ij w_ij p_i. p_.j                                     agreement expected by chance
 *   (4)  κ = (p_o − p_e) / (1 − p_e)
 *   (5)  w̄_i. = Σ_j w_ij p_.j,   w̄_.j = Σ_i w_ij p_i.
 *   (6)  f_ij = w_ij − (w̄_i. + w̄_.j)(1 − κ),   f̄ = Σ_ij p_ij f_ij  ( = κ − p_e(1 − κ) )
 *   (7)  Var(κ) = Σ_ij p_ij (f_ij − f̄)² / (n (1 − p_e)²)
 *   (8)  lower, upper = κ ∓ z_{1−α/2} √Var(κ), clipped to [−1, 1]
 * </pre>
 * (7) is the asymptotic (non-null) variance of Fleiss, Cohen and Everitt [3]: their
 * {Σ p_ij [w_ij(1 − p_e) − (w̄_i. + w̄_.j)(1 − p_o)]² − (p_o p_e − 2p_e + p_o)²} / (n (1 − p_e)⁴), divided through by
 * (1 − p_e)² and written as a centred sum of squares, so that it cannot come out negative by cancellation (it is 0
 * exactly under perfect agreement). With unit weights on the diagonal only it is their variance of unweighted kappa.
 * It supersedes the standard errors given with [1] and [2]. The interval is clipped to [−1, 1] because kappa cannot
 * leave it, as vcd's {@code confint.Kappa} does.
 *
 * <p>Differences from other implementations. The tests match R's vcd::Kappa and confint [6] (which implement the
 * same formulas, "Equal-Spacing" being (1) linear and "Fleiss-Cohen" quadratic) to 1e-9 relative. psych::cohen.kappa
 * gives the same kappas and unweighted variance but another weighted-kappa variance, which can come out negative
 * (psych then reports 0); it is not followed.
 *
 * <p>The linear and quadratic weights assume equally spaced categories, so pass the table over the whole grading
 * scale, not over the grades that happen to occur. A category neither rating used changes nothing at either end of
 * the scale (the weighted kappas are invariant to rescaling the disagreements 1 − w), but between used categories it
 * widens their distance and changes the weighted kappas and their errors. Unweighted kappa ignores it everywhere.
 *
 * <p>Special cases. The first matching row applies; every number of an undefined estimate is NaN and
 * {@link Estimate#undefinedReason()} says why.
 * <table>
 *   <caption>Degenerate tables</caption>
 *   <tr><th>case</th><th>p_o, p_e</th><th>κ, SE, interval</th><th>why</th></tr>
 *   <tr><td>n = 0</td><td>NaN</td><td>NaN</td><td>no subjects: every proportion is 0/0</td></tr>
 *   <tr><td>both ratings put every subject in the same single category</td><td>1, 1</td><td>NaN</td>
 *       <td>p_e = 1, so (4) is 0/0: with no variation there is nothing to agree on beyond chance</td></tr>
 *   <tr><td>p_o = 1 otherwise (perfect agreement)</td><td>(2), (3)</td><td>1, 0, [1, 1]</td><td>(7) is 0</td></tr>
 *   <tr><td>p_o = p_e (agreement by chance only)</td><td>(2), (3)</td><td>0 up to rounding, (7), (8)</td>
 *       <td></td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas. 1960;20(1):37–46.
 *       doi:10.1177/001316446002000104</li>
 *   <li>Cohen J. Weighted kappa: nominal scale agreement with provision for scaled disagreement or partial credit.
 *       Psychol Bull. 1968;70(4):213–220. doi:10.1037/h0026256</li>
 *   <li>Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and weighted kappa. Psychol Bull.
 *       1969;72(5):323–327. doi:10.1037/h0028106</li>
 *   <li>Cicchetti DV, Allison T. A new procedure for assessing reliability of scoring EEG sleep recordings. Am J EEG
 *       Technol. 1971;11:101–109.</li>
 *   <li>Fleiss JL, Cohen J. The equivalence of weighted kappa and the intraclass correlation coefficient as measures
 *       of reliability. Educ Psychol Meas. 1973;33(3):613–619. doi:10.1177/001316447303300309</li>
 *   <li>Meyer D, Zeileis A, Hornik K. vcd: Visualizing Categorical Data. R package version 1.4-11.</li>
 * </ol>
 */
public final class CohensKappa {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    private static final CohensKappa DEFAULT = new CohensKappa(DEFAULT_CONFIDENCE_LEVEL);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final double confidenceLevel;

    /** The agreement weights of (1). */
    public enum Weighting { UNWEIGHTED, LINEAR, QUADRATIC }

    /**
     * One kappa; see the class documentation for the equations and special cases.
     *
     * @param observedAgreement p_o (2), weighted as the kappa is
     * @param expectedAgreement p_e (3)
     * @param kappa             κ (4)
     * @param standardError     √Var(κ) (7)
     * @param lower             lower confidence bound (8)
     * @param upper             upper confidence bound (8)
     * @param undefinedReason   why κ is NaN; empty when it is defined
     */
    public record Estimate(double observedAgreement, double expectedAgreement, double kappa, double standardError,
                           double lower, double upper, Optional<String> undefinedReason) {
    }

    /**
     * The three kappas of one table.
     *
     * @param subjects   n, the table's total
     * @param categories k
     * @param unweighted Cohen's kappa
     * @param linear     linear-weighted kappa
     * @param quadratic  quadratic-weighted kappa
     */
    public record Result(long subjects, int categories, Estimate unweighted, Estimate linear, Estimate quadratic) {

        /**
         * @param weighting the weights
         * @return the kappa with those weights
         */
        public Estimate estimate(Weighting weighting) {
            return switch (weighting) {
                case UNWEIGHTED -> unweighted;
                case LINEAR -> linear;
                case QUADRATIC -> quadratic;
            };
        }
    }

    private CohensKappa(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
    }

    /**
     * Kappas with 95% intervals.
     *
     * @return the statistic
     */
    public static CohensKappa withDefaults() {
        return DEFAULT;
    }

    /**
     * @param confidenceLevel 1 − α, in (0, 1)
     * @return a copy with this confidence level
     * @throws IllegalArgumentException if confidenceLevel is not in (0, 1)
     */
    public CohensKappa withConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confidenceLevel);
        }
        return new CohensKappa(confidenceLevel);
    }

    /**
     * Computes the kappas of a k × k table.
     *
     * @param counts counts[i][j] subjects rated i by the first rating and j by the second, categories in scale
     *               order; the table is not kept
     * @return the kappas
     * @throws IllegalArgumentException if the table is empty (k = 0) or not square, a count is negative, or the total
     *                                  overflows a long
     */
    public Result compute(long[][] counts) {
        int k = counts.length;
        if (k == 0) {
            throw new IllegalArgumentException("a kappa table needs at least one category");
        }
        long n = 0;
        long[] rowTotals = new long[k];
        long[] columnTotals = new long[k];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("table is not square: row " + i + " has " + counts[i].length
                        + " cells, " + k + " expected");
            }
            for (int j = 0; j < k; j++) {
                long count = counts[i][j];
                if (count < 0) {
                    throw new IllegalArgumentException("negative count " + count + " in cell " + i + ", " + j);
                }
                try {
                    n = Math.addExact(n, count);
                } catch (ArithmeticException overflow) {
                    throw new IllegalArgumentException("table total overflows a long", overflow);
                }
                rowTotals[i] += count;
                columnTotals[j] += count;
            }
        }
        if (n == 0) {
            Estimate empty = undefined(Double.NaN, "empty table: no subjects");
            return new Result(0, k, empty, empty, empty);
        }
        for (int c = 0; c < k; c++) {
            if (rowTotals[c] == n && columnTotals[c] == n) {
                // Tested on the counts, not on p_e == 1, which rounding could miss or fake.
                Estimate degenerate = undefined(1, "expected agreement is 1: both ratings put all " + n
                        + " subjects in category " + (c + 1) + " of " + k + ", so kappa is 0/0");
                return new Result(n, k, degenerate, degenerate, degenerate);
            }
        }
        double[] rows = new double[k];
        double[] columns = new double[k];
        for (int c = 0; c < k; c++) {
            rows[c] = (double) rowTotals[c] / n;
            columns[c] = (double) columnTotals[c] / n;
        }
        return new Result(n, k, estimate(counts, rows, columns, n, Weighting.UNWEIGHTED),
                estimate(counts, rows, columns, n, Weighting.LINEAR),
                estimate(counts, rows, columns, n, Weighting.QUADRATIC));
    }

    /**
     * Sums over cells weight the counts and divide by n once, so that a perfect agreement gives p_o = 1, κ = 1 and
     * Var(κ) = 0 exactly.
     */
    private Estimate estimate(long[][] counts, double[] rows, double[] columns, long n, Weighting weighting) {
        int k = counts.length;
        double[][] w = weights(k, weighting);
        double weightedAgreements = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                weightedAgreements += w[i][j] * counts[i][j];
                expected += w[i][j] * rows[i] * columns[j];                               // Eq. (3)
            }
        }
        double observed = weightedAgreements / n;                                         // Eq. (2)
        double kappa = (observed - expected) / (1 - expected);                            // Eq. (4)

        double[] rowMeanWeight = new double[k];
        double[] columnMeanWeight = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowMeanWeight[i] += w[i][j] * columns[j];                                 // Eq. (5)
                columnMeanWeight[j] += w[i][j] * rows[i];
            }
        }
        double[][] f = new double[k][k];
        double sumF = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                f[i][j] = w[i][j] - (rowMeanWeight[i] + columnMeanWeight[j]) * (1 - kappa);   // Eq. (6)
                sumF += counts[i][j] * f[i][j];
            }
        }
        double meanF = sumF / n;
        double sumOfSquares = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double deviation = f[i][j] - meanF;
                sumOfSquares += counts[i][j] * deviation * deviation;
            }
        }
        double variance = sumOfSquares / n / ((double) n * (1 - expected) * (1 - expected));  // Eq. (7)
        double standardError = Math.sqrt(variance);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
        double lower = Math.max(-1, kappa - z * standardError);                           // Eq. (8)
        double upper = Math.min(1, kappa + z * standardError);
        return new Estimate(observed, expected, kappa, standardError, lower, upper, Optional.empty());
    }

    /** Eq. (1), categories indexed from 0. */
    private static double[][] weights(int k, Weighting weighting) {
        double[][] w = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double distance = k == 1 ? 0 : Math.abs(i - j) / (k - 1.0);
                w[i][j] = switch (weighting) {
                    case UNWEIGHTED -> i == j ? 1 : 0;
                    case LINEAR -> 1 - distance;
                    case QUADRATIC -> 1 - distance * distance;
                };
            }
        }
        return w;
    }

    private static Estimate undefined(double agreement, String reason) {
        return new Estimate(agreement, agreement, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Optional.of(reason));
    }
}
