package org.iago.stats.rates;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Incidence rate ratio of an index group to a reference group (e.g. infections per patient-day with antibacterial
 * prophylaxis vs without) with the exact conditional confidence interval and two-sided p-value for a ratio of 1, as
 * R's {@code poisson.test(c(x1, x2), c(T1, T2))} computes them [1, 2].
 *
 * <p>With x1 events over person-time T1 in the index group, x2 over T2 in the reference group, n = x1 + x2 and
 * confidence level 1 − α: given n, x1 is binomial with n trials and probability π = ρT1/(ρT1 + T2), ρ the rate
 * ratio, so a Clopper–Pearson interval for π [3] maps to one for ρ = π/(1 − π)·T2/T1:
 * <pre>
 *   (1)  ρ̂ = (x1/T1) / (x2/T2)
 *   (2)  lower = π_L/(1 − π_L) · T2/T1,   I(π_L; x1, x2 + 1) = α/2;    lower = 0 when x1 = 0
 *   (3)  upper = (1 − υ)/υ · T2/T1,       I(υ; x2, x1 + 1) = α/2;      upper = +∞ when x2 = 0
 *   (4)  p = P(X ≤ x1) + P(X ≥ n − y + 1),  y = #{k ≥ ⌈m⌉ : P(X = k) ≤ P(X = x1)·(1 + 10⁻⁷)}   if x1 &lt; m
 *        p = P(X ≤ y − 1) + P(X ≥ x1),      y = #{k ≤ ⌊m⌋ : P(X = k) ≤ P(X = x1)·(1 + 10⁻⁷)}   if x1 &gt; m
 *        p = 1                                                                              if x1 = m
 *        X ~ Binomial(n, π0),  π0 = T1/(T1 + T2),  m = n·π0
 * </pre>
 * where I(x; a, b) is the regularized incomplete beta function. In (3) υ = 1 − π_U, the Clopper–Pearson upper bound
 * π_U solved on its complement (I(π_U; x1 + 1, x2) = 1 − α/2 ⇔ I(1 − π_U; x2, x1 + 1) = α/2), so that (1 − υ)/υ
 * keeps full precision when π_U is near 1. (4) is the two-sided p-value of R's {@code binom.test}: the probability
 * of the outcomes no more likely than the one observed, with a relative tolerance of 10⁻⁷ for ties, summed as the
 * tail beyond x1 plus the qualifying tail on the other side of m. Equation numbers in the code refer to this list.
 *
 * <p>Differences from other implementations: none intended; the tests match R 4.2.2 to 1e-9 relative. R computes the
 * upper bound as π_U/(1 − π_U), which loses relative precision as π_U approaches 1 (about 1e-12 at
 * π_U = 1 − 10⁻⁴); (3) does not.
 *
 * <p>Special cases. The first matching row applies.
 * <table>
 *   <caption>Rate ratio, interval and p-value</caption>
 *   <tr><th>case</th><th>ρ̂</th><th>lower, upper</th><th>p</th><th>why</th></tr>
 *   <tr><td>x1 = x2 = 0</td><td>NaN</td><td>0, +∞</td><td>1</td><td>ρ̂ is 0/0; with no event every ratio is
 *       compatible with the data (R gives the same)</td></tr>
 *   <tr><td>x2 = 0</td><td>+∞</td><td>from (2), +∞</td><td>(4)</td><td>x/0</td></tr>
 *   <tr><td>x1 = 0</td><td>0</td><td>0, from (3)</td><td>(4)</td><td>π_L = 0 without an index event</td></tr>
 * </table>
 * Person-time 0 in either group is rejected: its rate is undefined.
 *
 * <p>Cost: (4) evaluates up to n binomial probabilities; counts are limited to n ≤ 2<sup>31</sup> − 1.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Breslow NE, Day NE. Statistical Methods in Cancer Research, Volume II: The Design and Analysis of Cohort
 *       Studies. IARC Scientific Publications No. 82. Lyon: IARC; 1987 (exact conditional inference on a rate ratio
 *       given the total count).</li>
 *   <li>R Core Team. {@code poisson.test} and {@code binom.test}, package stats, R 4.2.2.</li>
 *   <li>Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial.
 *       Biometrika. 1934;26(4):404–413. doi:10.1093/biomet/26.4.404</li>
 * </ol>
 */
public final class RateRatio {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    private static final RateRatio DEFAULT = new RateRatio(DEFAULT_CONFIDENCE_LEVEL);

    /** R's {@code binom.test}: outcomes this close in probability to the observed one count as ties. */
    private static final double RELATIVE_TIE_TOLERANCE = 1 + 1e-7;

    private final double confidenceLevel;

    /**
     * The rate ratio of the index to the reference group; see the class documentation for the special cases.
     *
     * @param ratio the incidence rate ratio (1)
     * @param lower lower confidence bound (2)
     * @param upper upper confidence bound (3)
     * @param pValue two-sided exact conditional p-value for a ratio of 1 (4)
     */
    public record Result(double ratio, double lower, double upper, double pValue) {
    }

    private RateRatio(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
    }

    /**
     * The rate ratio with a 95% interval.
     *
     * @return the statistic
     */
    public static RateRatio withDefaults() {
        return DEFAULT;
    }

    /**
     * @param confidenceLevel 1 − α, in (0, 1)
     * @return a copy with this confidence level
     * @throws IllegalArgumentException if confidenceLevel is not in (0, 1)
     */
    public RateRatio withConfidenceLevel(double confidenceLevel) {
        return new RateRatio(Arguments.checkConfidenceLevel(confidenceLevel));
    }

    /**
     * Computes the ratio of the index group's rate to the reference group's.
     *
     * @param index the group in the numerator, e.g. patients on prophylaxis
     * @param reference the group in the denominator, e.g. patients without
     * @return the result
     * @throws IllegalArgumentException if either group has no person-time at risk, or the total count exceeds
     *         2<sup>31</sup> − 1
     */
    public Result compute(PersonTimeCount index, PersonTimeCount reference) {
        Arguments.checkAtRisk(index, "index group");
        Arguments.checkAtRisk(reference, "reference group");
        long x1 = index.events();
        long x2 = reference.events();
        if (x1 + x2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("total events above 2^31 - 1: " + (x1 + x2));
        }
        double t1 = index.personTime();
        double t2 = reference.personTime();
        double alpha = 1 - confidenceLevel;

        double ratio = x1 == 0 && x2 == 0 ? Double.NaN : (x1 / t1) / (x2 / t2);          // Eq. (1)
        double lower = 0;
        if (x1 > 0) {
            double piLower = ExactQuantiles.betaLowerTail(x1, x2 + 1.0, alpha / 2);
            lower = piLower / (1 - piLower) * (t2 / t1);                                  // Eq. (2)
        }
        double upper = Double.POSITIVE_INFINITY;
        if (x2 > 0) {
            double upsilon = ExactQuantiles.betaLowerTail(x2, x1 + 1.0, alpha / 2);
            upper = (1 - upsilon) / upsilon * (t2 / t1);                                  // Eq. (3)
        }
        return new Result(ratio, lower, upper, pValue((int) x1, (int) (x1 + x2), t1, t2));
    }

    /** Eq. (4), step by step as R's {@code binom.test} (two-sided) does it. */
    private static double pValue(int x, int n, double t1, double t2) {
        double p = t1 / (t1 + t2);
        double q = t2 / (t1 + t2);
        double m = n * p;
        if (x == m) {
            return 1;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        double threshold = binomial.probability(x) * RELATIVE_TIE_TOLERANCE;
        if (x < m) {
            int y = 0;
            for (int i = (int) Math.ceil(m); i <= n; i++) {
                if (binomial.probability(i) <= threshold) {
                    y++;
                }
            }
            return atMost(x, n, q) + atLeast(n - y + 1, n, p);
        }
        int y = 0;
        for (int i = 0; i <= (int) Math.floor(m); i++) {
            if (binomial.probability(i) <= threshold) {
                y++;
            }
        }
        return atMost(y - 1, n, q) + atLeast(x, n, p);
    }

    /** P(X ≤ k) = I(q; n − k, k + 1), from the incomplete beta so that small tails keep their digits. */
    private static double atMost(int k, int n, double q) {
        if (k < 0) {
            return 0;
        }
        return k >= n ? 1 : Beta.regularizedBeta(q, n - k, k + 1.0);
    }

    /** P(X ≥ k) = I(p; k, n − k + 1). */
    private static double atLeast(int k, int n, double p) {
        if (k > n) {
            return 0;
        }
        return k <= 0 ? 1 : Beta.regularizedBeta(p, k, n - k + 1.0);
    }
}
