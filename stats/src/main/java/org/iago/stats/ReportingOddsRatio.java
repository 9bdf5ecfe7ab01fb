package org.iago.stats;

/**
 * Reporting odds ratio (ROR) of a drug–event pair and its 95% confidence interval (van Puijenbroek et al. 2002 [1];
 * Rothman, Lanes &amp; Sacks 2004 [2]).
 *
 * <p>With the cells a, b, c, d of a {@link TwoByTwo}:
 * <pre>
 *   (1)  ROR = (a/b) / (c/d) = ad / (bc)
 *   (2)  SE(ln ROR) = √(1/a + 1/b + 1/c + 1/d)
 *   (3)  lower, upper = exp(ln ROR ∓ z·SE),   z = Φ⁻¹(0.975) = 1.959963984540054
 * </pre>
 * Equation numbers in the code refer to this list. The usual signal rule, lower bound &gt; 1 and a ≥ 3, is applied
 * by the scoring stage, not here.
 *
 * <p>Differences from other implementations: z is the exact normal quantile, as R's {@code qnorm(0.975)}, not the
 * rounded 1.96; no continuity correction is added to empty cells (adding ½ to every cell, Haldane–Anscombe, is a
 * different estimator).
 *
 * <p>Special cases. A ratio x/0 with x &gt; 0 is +∞; only a true 0/0 is NaN. Any empty cell makes the standard
 * error (2) infinite and the interval the uninformative [0, +∞]; when the ROR is NaN so are its bounds.
 * <table>
 *   <caption>ROR and its interval</caption>
 *   <tr><th>case</th><th>ROR</th><th>lower, upper</th><th>examples</th></tr>
 *   <tr><td>ad = 0 and bc = 0</td><td>NaN</td><td>NaN, NaN</td><td>a = b = 0 (drug never reported),
 *       a = c = 0 (event never reported), b = d = 0, c = d = 0</td></tr>
 *   <tr><td>bc = 0, ad &gt; 0</td><td>+∞</td><td>0, +∞</td><td>b = 0 or c = 0 alone</td></tr>
 *   <tr><td>ad = 0, bc &gt; 0</td><td>0</td><td>0, +∞</td><td>a = 0 or d = 0 alone</td></tr>
 * </table>
 *
 * <p>References:
 * <ol>
 *   <li>van Puijenbroek EP, Bate A, Leufkens HGM, Lindquist M, Orre R, Egberts ACG. A comparison of measures of
 *       disproportionality for signal detection in spontaneous reporting systems for adverse drug reactions.
 *       Pharmacoepidemiol Drug Saf. 2002;11(1):3–10. doi:10.1002/pds.668</li>
 *   <li>Rothman KJ, Lanes S, Sacks ST. The reporting odds ratio and its advantages over the proportional reporting
 *       ratio. Pharmacoepidemiol Drug Saf. 2004;13(8):519–523. doi:10.1002/pds.1001</li>
 * </ol>
 */
public final class ReportingOddsRatio {

    private static final ReportingOddsRatio DEFAULT = new ReportingOddsRatio();

    /**
     * ROR and its 95% confidence interval for one table; see the class documentation for the special cases.
     *
     * @param ror the reporting odds ratio (1)
     * @param lower lower 95% confidence bound (3)
     * @param upper upper 95% confidence bound (3)
     */
    public record Result(double ror, double lower, double upper) {
    }

    private ReportingOddsRatio() {
    }

    /**
     * Returns the ROR with a 95% interval; it has no options.
     *
     * @return the statistic
     */
    public static ReportingOddsRatio withDefaults() {
        return DEFAULT;
    }

    /**
     * Computes the ROR and its interval.
     *
     * @param table the 2×2 table of the pair
     * @return the result
     */
    public Result compute(TwoByTwo table) {
        double a = table.a();
        double b = table.b();
        double c = table.c();
        double d = table.d();
        double ad = a * d;
        double bc = b * c;
        if (ad == 0 && bc == 0) {
            return new Result(Double.NaN, Double.NaN, Double.NaN);
        }
        if (ad == 0 || bc == 0) {
            return new Result(ad == 0 ? 0 : Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY);
        }
        double ror = ad / bc;                                           // Eq. (1), van Puijenbroek 2002
        double se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);            // Eq. (2)
        LogRatioInterval interval = LogRatioInterval.around(ror, se);   // Eq. (3)
        return new Result(ror, interval.lower(), interval.upper());
    }
}
