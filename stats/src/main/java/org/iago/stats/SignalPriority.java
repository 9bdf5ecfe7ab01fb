package org.iago.stats;

/**
 * A signal's priority for review: one number per flagged drug–event pair that orders the review queue, built from the
 * aspects of strength of evidence that vigiRank combines (Caster et al. 2014 [1]) and FAERS holds, plus the
 * seriousness that EU GVP Module IX asks signal prioritisation to weigh [2].
 *
 * <p>With the pair's disproportionality lower bound, its reports, those of the last four quarters, the serious ones,
 * the distinct reporter countries and the mean completeness of its reports:
 * <pre>
 *   (1)  S  = max(0, IC025),  or max(0, log2 EB05) when the IC025 is unknown      strength, in bits
 *   (2)  R  = log2(1 + recent reports)                                             recency
 *   (3)  Se = serious reports / reports                                            seriousness
 *   (4)  G  = log2(max(1, reporter countries))                                     geographic spread
 *   (5)  I  = mean completeness of the reports, in [0, 1]                          informativeness
 *   (6)  priority = S + R + Se + G + I
 * </pre>
 * Equation numbers in the code refer to this list. Higher is reviewed first.
 *
 * <p>Why these terms. vigiRank's predictors are disproportionate reporting (IC025), recent reporting, geographic
 * spread (reporting countries), informative reports (vigiGrade completeness) and reports with a narrative [1].
 * FAERS publishes no narrative, so that term is left out; its outcome codes give seriousness instead (a report is
 * serious with OUTC {@code DE}, {@code LT} or {@code HO}). The IC025 and log2 EB05 are both lower bounds of
 * log2(observed/expected), so either measures strength on the same scale; a lower bound below zero (no
 * disproportionality) adds nothing rather than subtracting. Counts enter on a log2 scale, so that each doubling
 * adds one, as a doubling of the observed-to-expected ratio does to S; shares (3) and (5) add at most one.
 *
 * <p>Weights. All five terms have weight one. vigiRank's coefficients were fitted by shrinkage logistic regression
 * on VigiBase against historical signals and negative controls [1], for its own encodings of the variables and a
 * term iago cannot compute; they do not carry over to FAERS and are not used. The unit weights are iago's choice:
 * a documented, reproducible order, to be refitted once iago has reviewed signals to learn from.
 *
 * <p>Special cases: no report ({@code reports = 0}) gives Se = 0; no IC025 and no EB05 (both NaN) give S = 0; no known
 * reporter country gives G = 0; an unknown completeness (NaN, e.g. no report) gives I = 0. Arguments outside their
 * range (negative counts, recent or serious reports above reports, completeness outside [0, 1]) are refused.
 *
 * <p>References:
 * <ol>
 *   <li>Caster O, Juhlin K, Watson S, Norén GN. Improved statistical signal detection in pharmacovigilance by
 *       combining multiple strength-of-evidence aspects in vigiRank. Drug Saf. 2014;37(8):617–628.
 *       doi:10.1007/s40264-014-0204-5</li>
 *   <li>European Medicines Agency. Guideline on good pharmacovigilance practices (GVP) Module IX – Signal
 *       management (Rev 1). EMA/827661/2011 Rev 1, 2017: signal analysis and prioritisation.</li>
 * </ol>
 */
public final class SignalPriority {

    private static final SignalPriority DEFAULT = new SignalPriority();

    /**
     * What the score is built from, for one pair.
     *
     * @param ic025        lower 2.5% credibility bound of the information component; NaN when unknown
     * @param eb05         lower 5% bound of the EBGM, used when the IC025 is unknown; NaN when unknown
     * @param reports      the pair's reports
     * @param recent       its reports in the last four quarters
     * @param serious      its reports with outcome DE, LT or HO
     * @param countries    distinct reporter countries of its reports
     * @param completeness mean share of the key fields filled in its reports, in [0, 1]; NaN when unknown
     */
    public record Inputs(double ic025, double eb05, long reports, long recent, long serious, long countries,
                         double completeness) {

        public Inputs {
            if (reports < 0 || recent < 0 || serious < 0 || countries < 0) {
                throw new IllegalArgumentException("counts must not be negative: reports " + reports + ", recent "
                        + recent + ", serious " + serious + ", countries " + countries);
            }
            if (recent > reports || serious > reports) {
                throw new IllegalArgumentException("recent (" + recent + ") and serious (" + serious
                        + ") reports must not exceed the reports (" + reports + ")");
            }
            if (completeness < 0 || completeness > 1) {
                throw new IllegalArgumentException("completeness must be in [0, 1], got " + completeness);
            }
        }
    }

    /**
     * The score and its terms.
     *
     * @param strength     S (1)
     * @param recency      R (2)
     * @param seriousness  Se (3)
     * @param spread       G (4)
     * @param completeness I (5)
     * @param priority     their sum (6)
     */
    public record Result(double strength, double recency, double seriousness, double spread, double completeness,
                         double priority) {
    }

    private SignalPriority() {
    }

    /** The score with unit weights; it has no options. */
    public static SignalPriority withDefaults() {
        return DEFAULT;
    }

    public Result score(Inputs in) {
        double bound = Double.isNaN(in.ic025()) ? log2(in.eb05()) : in.ic025();
        double strength = Double.isNaN(bound) ? 0 : Math.max(0, bound);                         // (1)
        double recency = log2(1 + in.recent());                                                // (2)
        double seriousness = in.reports() == 0 ? 0 : (double) in.serious() / in.reports();     // (3)
        double spread = log2(Math.max(1, in.countries()));                                     // (4)
        double completeness = Double.isNaN(in.completeness()) ? 0 : in.completeness();         // (5)
        return new Result(strength, recency, seriousness, spread, completeness,
                strength + recency + seriousness + spread + completeness);                     // (6)
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
