package org.iago.stats.rates;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Mantel–Haenszel incidence rate ratio of an index group to a reference group across strata, e.g. infections with vs
 * without prophylaxis over the windows day 0–30, 31–100 and &gt;100 after infusion, with the Greenland–Robins
 * variance of its logarithm [1] and a Wald confidence interval and test.
 *
 * <p>With, in stratum i, x1ᵢ events over person-time t1ᵢ in the index group, x2ᵢ over t2ᵢ in the reference group,
 * Tᵢ = t1ᵢ + t2ᵢ, and confidence level 1 − α:
 * <pre>
 *   (1)  R = Σᵢ x1ᵢ·t2ᵢ / Tᵢ,   S = Σᵢ x2ᵢ·t1ᵢ / Tᵢ,   ρ̂_MH = R / S
 *   (2)  Var(ln ρ̂_MH) = Σᵢ t1ᵢ·t2ᵢ·(x1ᵢ + x2ᵢ) / Tᵢ²  /  (R·S)
 *   (3)  lower, upper = exp(ln ρ̂_MH ∓ z·SE),   SE = √Var from (2),   z = Φ⁻¹(1 − α/2)
 *   (4)  p = 2·Φ(−|ln ρ̂_MH| / SE)
 * </pre>
 * (1) is the Mantel–Haenszel estimator for person-time data and (2) the variance of Greenland &amp; Robins [1], which
 * stays consistent when there are many sparse strata as well as few large ones. With a single stratum (1) is the crude
 * rate ratio and (2) reduces to 1/x1 + 1/x2. Equation numbers in the code refer to this list.
 *
 * <p>Differences from other implementations: the formulas are those of metafor's {@code rma.mh(measure = "IRR")}
 * [2]; metafor returns NA in every special case below, this class returns the limits given there. The tests check
 * (1)–(4) against a hand computation in R. For one stratum, prefer the exact interval of {@link RateRatio}.
 *
 * <p>Special cases. A stratum with no person-time in either group contributes nothing; so does a group with no
 * person-time in a stratum. When R or S is 0, (2) is infinite and the interval is the uninformative [0, +∞]. The first
 * matching row applies.
 * <table>
 *   <caption>Ratio, interval, standard error and p-value</caption>
 *   <tr><th>case</th><th>ρ̂_MH</th><th>lower, upper</th><th>SE</th><th>p</th></tr>
 *   <tr><td>R = S = 0 (e.g. no event at all)</td><td>NaN</td><td>0, +∞</td><td>+∞</td><td>NaN</td></tr>
 *   <tr><td>S = 0</td><td>+∞</td><td>0, +∞</td><td>+∞</td><td>NaN</td></tr>
 *   <tr><td>R = 0</td><td>0</td><td>0, +∞</td><td>+∞</td><td>NaN</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Greenland S, Robins JM. Estimation of a common effect parameter from sparse follow-up data. Biometrics.
 *       1985;41(1):55–68. doi:10.2307/2530643</li>
 *   <li>Viechtbauer W. Conducting meta-analyses in R with the metafor package. J Stat Softw. 2010;36(3):1–48.
 *       doi:10.18637/jss.v036.i03 (function {@code rma.mh})</li>
 * </ol>
 */
public final class StratifiedRateRatio {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    /** No random generator: only quantiles and probabilities are used. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Declared after STANDARD_NORMAL, which its constructor uses. */
    private static final StratifiedRateRatio DEFAULT = new StratifiedRateRatio(DEFAULT_CONFIDENCE_LEVEL);

    /** Φ⁻¹(1 − α/2) of the configured confidence level. */
    private final double z;

    /**
     * The index and reference groups in one stratum (e.g. one window after infusion).
     *
     * @param index events and person-time of the index group
     * @param reference events and person-time of the reference group
     */
    public record Stratum(PersonTimeCount index, PersonTimeCount reference) {
    }

    /**
     * The Mantel–Haenszel rate ratio; see the class documentation for the special cases.
     *
     * @param ratio Mantel–Haenszel rate ratio (1)
     * @param lower lower confidence bound (3)
     * @param upper upper confidence bound (3)
     * @param standardErrorLogRatio Greenland–Robins standard error of ln ρ̂_MH (2)
     * @param pValue two-sided Wald p-value for a ratio of 1 (4)
     */
    public record Result(double ratio, double lower, double upper, double standardErrorLogRatio, double pValue) {
    }

    private StratifiedRateRatio(double confidenceLevel) {
        this.z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }

    /**
     * The Mantel–Haenszel rate ratio with a 95% interval.
     *
     * @return the statistic
     */
    public static StratifiedRateRatio withDefaults() {
        return DEFAULT;
    }

    /**
     * @param confidenceLevel 1 − α, in (0, 1)
     * @return a copy with this confidence level
     * @throws IllegalArgumentException if confidenceLevel is not in (0, 1)
     */
    public StratifiedRateRatio withConfidenceLevel(double confidenceLevel) {
        return new StratifiedRateRatio(Arguments.checkConfidenceLevel(confidenceLevel));
    }

    /**
     * Computes the Mantel–Haenszel rate ratio over the strata.
     *
     * @param strata one entry per stratum, at least one
     * @return the result
     * @throws IllegalArgumentException if there is no stratum
     */
    public Result compute(List<Stratum> strata) {
        if (strata.isEmpty()) {
            throw new IllegalArgumentException("at least one stratum is needed");
        }
        double r = 0;
        double s = 0;
        double varianceNumerator = 0;
        for (Stratum stratum : strata) {
            double t1 = stratum.index().personTime();
            double t2 = stratum.reference().personTime();
            double total = t1 + t2;
            if (total == 0) {
                continue;
            }
            long x1 = stratum.index().events();
            long x2 = stratum.reference().events();
            r += x1 * t2 / total;                                                // Eq. (1)
            s += x2 * t1 / total;                                                // Eq. (1)
            varianceNumerator += (t1 / total) * (t2 / total) * (x1 + x2);        // Eq. (2)
        }
        if (r == 0 || s == 0) {
            double ratio = r == 0 && s == 0 ? Double.NaN : r / s;
            return new Result(ratio, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN);
        }
        double logRatio = Math.log(r / s);
        double se = Math.sqrt(varianceNumerator / (r * s));                      // Eq. (2)
        double lower = Math.exp(logRatio - z * se);                              // Eq. (3)
        double upper = Math.exp(logRatio + z * se);                              // Eq. (3)
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(logRatio) / se); // Eq. (4)
        return new Result(r / s, lower, upper, se, p);
    }
}
