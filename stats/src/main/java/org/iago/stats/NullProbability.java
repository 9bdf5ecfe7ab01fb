package org.iago.stats;

import org.apache.commons.math3.special.Erf;
import org.iago.stats.mgps.MgpsPosterior;

/**
 * Each method's evidence against "no association" for one drug–event pair, the input of its false discovery rate
 * ({@link FalseDiscoveryRate}): a one-sided p-value for the frequentist ratios, the posterior probability of no
 * excess for the Bayesian shrinkage estimates, as PhViD computes them with RR0 = 1 (Ahmed et al. 2009, 2010).
 * <pre>
 *   (1)  PRR:   p = 1 − Φ(ln PRR / SE),  SE = √(1/a − 1/(a+b) + 1/c − 1/(c+d))      (PhViD {@code PRR})
 *   (2)  ROR:   p = 1 − Φ(ln ROR / SE),  SE = √(1/a + 1/b + 1/c + 1/d)              (PhViD {@code ROR})
 *   (3)  IC:    P(μ ≤ 1) = G(1; a + ½, rate E + ½)                                     (Norén et al. 2013)
 *   (4)  EBGM:  P(λ ≤ 1) = Qn·G(1; α1 + N, β1 + E) + (1 − Qn)·G(1; α2 + N, β2 + E)      (PhViD {@code GPS} post.H0)
 * </pre>
 * G is the gamma distribution function with rate, Φ the standard normal one; 1 − Φ(z) is computed as ½ erfc(z/√2), so
 * a strong signal keeps the digits of its small p-value (R's {@code 1 - pnorm} gives 0 below about 1e-16). Equation
 * numbers in the code refer to this list; the SEs are those of {@link ProportionalReportingRatio} (2) and
 * {@link ReportingOddsRatio} (2), the posteriors those of {@link InformationComponent} and {@link MgpsPosterior}.
 *
 * <p>Special cases: a = 0 gives p = 1 in (1) and (2) (no report, no excess; the log ratio is −∞); any other empty
 * cell that makes the ratio or its SE infinite or undefined gives NaN, which the FDR leaves out of its ranking.
 * (3) and (4) are always defined (E &gt; 0 for (4), as {@link MgpsPosterior} requires).
 *
 * <p>References: Ahmed I et al. Stat Med 2009;28:1774–1792 (doi:10.1002/sim.3586); Ahmed I et al. Biometrics
 * 2010;66:301–309 (doi:10.1111/j.1541-0420.2009.01262.x); Norén GN, Hopstadius J, Bate A. Stat Methods Med Res
 * 2013;22:57–69 (doi:10.1177/0962280211403604); DuMouchel W. Am Stat 1999;53:177–190
 * (doi:10.1080/00031305.1999.10474456).
 */
public final class NullProbability {

    private NullProbability() {
    }

    /** (1): the one-sided p-value of ln PRR &gt; 0. */
    public static double prr(TwoByTwo table) {
        return oneSided(table, false);
    }

    /** (2): the one-sided p-value of ln ROR &gt; 0. */
    public static double ror(TwoByTwo table) {
        return oneSided(table, true);
    }

    /** (3): the IC's posterior probability that the observed-to-expected ratio is at most 1. */
    public static double ic(long observed, double expected) {
        return InformationComponent.withDefaults().probabilityOfNoExcess(observed, expected);       // (3)
    }

    /** (4): the MGPS posterior probability that λ is at most 1. */
    public static double ebgm(MgpsPosterior posterior, int actual, double expected) {
        return posterior.probabilityAtMost(actual, expected, 1);                                     // (4)
    }

    /** (1) or (2): 1 − Φ(ln ratio / SE); 1 when a = 0, NaN unless the ratio and its SE are finite. */
    private static double oneSided(TwoByTwo table, boolean oddsRatio) {
        double a = table.a();
        double b = table.b();
        double c = table.c();
        double d = table.d();
        if (a == 0) {
            return 1;
        }
        double logRatio = oddsRatio ? Math.log(a * d / (b * c)) : Math.log((a / (a + b)) / (c / (c + d)));
        double se = oddsRatio ? Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)                          // (2)
                : Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));                            // (1)
        double z = logRatio / se;
        return Double.isNaN(z) || Double.isInfinite(se) ? Double.NaN : 0.5 * Erf.erfc(z / Math.sqrt(2));
    }
}
