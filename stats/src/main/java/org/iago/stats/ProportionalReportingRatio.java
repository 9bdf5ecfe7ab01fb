package org.iago.stats;

/**
 * Proportional reporting ratio (PRR) of a drug–event pair, its 95% confidence interval and the Pearson χ² statistic
 * of the 2×2 table, with and without Yates' continuity correction (Evans, Waller &amp; Davis 2001 [1]).
 *
 * <p>With the cells a, b, c, d and N of a {@link TwoByTwo}:
 * <pre>
 *   (1)  PRR = [a/(a+b)] / [c/(c+d)]
 *   (2)  SE(ln PRR) = √(1/a − 1/(a+b) + 1/c − 1/(c+d))
 *   (3)  lower, upper = exp(ln PRR ∓ z·SE),   z = Φ⁻¹(0.975) = 1.959963984540054
 *   (4)  χ²_Yates = N·max(0, |ad − bc| − N/2)² / [(a+b)(c+d)(a+c)(b+d)]
 *   (5)  χ²       = N·(ad − bc)² / [(a+b)(c+d)(a+c)(b+d)]
 * </pre>
 * Equation numbers in the code refer to this list. Both χ² have one degree of freedom and are two-sided: a drug
 * reported <em>less</em> often with the event than expected also gives a large χ².
 *
 * <p>Evans et al. call a pair a signal when PRR ≥ 2, χ²_Yates ≥ 4 and a ≥ 3 [1]. That rule is applied by the
 * scoring stage, not here.
 *
 * <p>Differences from other implementations:
 * <ul>
 *   <li>z is the exact normal quantile, as R's {@code qnorm(0.975)}, not the rounded 1.96 of [1]; the bounds differ
 *       by up to a few 1e-5 relative for sparse tables.</li>
 *   <li>The continuity correction of (4) is capped at |ad − bc|, as R's {@code chisq.test} does, so a table within
 *       half a report of independence gives χ²_Yates = 0 rather than a positive value.</li>
 * </ul>
 *
 * <p>Special cases. A ratio x/0 with x &gt; 0 is +∞; only a true 0/0 is NaN. When the standard error (2) is
 * infinite (a = 0 or c = 0) the interval is the uninformative [0, +∞]; when the PRR is NaN so are its bounds.
The first matching row applies.
 * <table>
 *   <caption>PRR and its interval</caption>
 *   <tr><th>case</th><th>PRR</th><th>lower, upper</th><th>why</th></tr>
 *   <tr><td>a + b = 0 (no report of the drug)</td><td>NaN</td><td>NaN, NaN</td><td>a/(a+b) is 0/0</td></tr>
 *   <tr><td>c + d = 0 (no report of another drug)</td><td>NaN</td><td>NaN, NaN</td><td>c/(c+d) is 0/0</td></tr>
 *   <tr><td>a = c = 0 (event never reported)</td><td>NaN</td><td>NaN, NaN</td><td>PRR is 0/0</td></tr>
 *   <tr><td>c = 0, a &gt; 0</td><td>+∞</td><td>0, +∞</td><td>x/0; openEBGM also returns Inf</td></tr>
 *   <tr><td>a = 0, c &gt; 0</td><td>0</td><td>0, +∞</td><td>SE is infinite</td></tr>
 *   <tr><td>b = 0</td><td>(c+d)/c</td><td>from (3)</td><td>no special case: 1/a − 1/(a+b) = 0</td></tr>
 *   <tr><td>d = 0</td><td>a/(a+b)</td><td>from (3)</td><td>no special case: 1/c − 1/(c+d) = 0</td></tr>
 * </table>
 * Both χ² are NaN when a marginal total a+b, c+d, a+c or b+d is zero, because then ad − bc = 0 and the statistic
 * is 0/0 (R's {@code chisq.test} also gives NaN). A single zero cell is no special case for χ².
 *
 * <p>References:
 * <ol>
 *   <li>Evans SJW, Waller PC, Davis S. Use of proportional reporting ratios (PRRs) for signal generation from
 *       spontaneous adverse drug reaction reports. Pharmacoepidemiol Drug Saf. 2001;10(6):483–486.
 *       doi:10.1002/pds.677</li>
 * </ol>
 */
public final class ProportionalReportingRatio {

    private static final ProportionalReportingRatio DEFAULT = new ProportionalReportingRatio();

    /**
     * PRR, its 95% confidence interval and the χ² statistics of one table; see the class documentation for the
     * special cases.
     *
     * @param prr the proportional reporting ratio (1)
     * @param lower lower 95% confidence bound (3)
     * @param upper upper 95% confidence bound (3)
     * @param chiSquaredYates Pearson χ² with Yates' continuity correction, 1 df (4)
     * @param chiSquared Pearson χ² without correction, 1 df (5)
     */
    public record Result(double prr, double lower, double upper, double chiSquaredYates, double chiSquared) {
    }

    private ProportionalReportingRatio() {
    }

    /**
     * Returns the PRR with a 95% interval; it has no options.
     *
     * @return the statistic
     */
    public static ProportionalReportingRatio withDefaults() {
        return DEFAULT;
    }

    /**
     * Computes the PRR, its interval and the χ² statistics.
     *
     * @param table the 2×2 table of the pair
     * @return the result
     */
    public Result compute(TwoByTwo table) {
        double a = table.a();
        double b = table.b();
        double c = table.c();
        double d = table.d();

        double prr;
        double lower;
        double upper;
        if (a + b == 0 || c + d == 0 || a + c == 0) {
            prr = Double.NaN;
            lower = Double.NaN;
            upper = Double.NaN;
        } else if (c == 0 || a == 0) {
            prr = c == 0 ? Double.POSITIVE_INFINITY : 0;
            lower = 0;
            upper = Double.POSITIVE_INFINITY;
        } else {
            prr = (a / (a + b)) / (c / (c + d));                        // Eq. (1), Evans 2001
            double se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)); // Eq. (2)
            LogRatioInterval interval = LogRatioInterval.around(prr, se); // Eq. (3)
            lower = interval.lower();
            upper = interval.upper();
        }

        double chiSquaredYates;
        double chiSquared;
        if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) {
            chiSquaredYates = Double.NaN;
            chiSquared = Double.NaN;
        } else {
            double n = table.n();
            double margins = (a + b) * (c + d) * (a + c) * (b + d);
            // exact in double while ad and bc stay below 2^53 (9e15), far above any reporting database
            double deviation = Math.abs(a * d - b * c);
            double corrected = Math.max(0, deviation - n / 2);
            chiSquaredYates = n * corrected * corrected / margins;      // Eq. (4)
            chiSquared = n * deviation * deviation / margins;           // Eq. (5)
        }
        return new Result(prr, lower, upper, chiSquaredYates, chiSquared);
    }
}
