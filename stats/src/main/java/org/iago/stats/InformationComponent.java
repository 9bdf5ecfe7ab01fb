package org.iago.stats;

import org.apache.commons.math3.special.Gamma;
import org.iago.stats.gamma.GammaMixture;

/**
 * Shrinkage information component (IC) of a drug–event pair with its exact 95% credibility interval
 * (Bate et al. 1998 [1]; Norén et al. 2006 [2]; Norén, Hopstadius &amp; Bate 2013 [3]).
 *
 * <p>With a the observed count and E the count expected under independence, either (a+b)(a+c)/N of a
 * {@link TwoByTwo} or a stratified E computed by the caller:
 * <pre>
 *   (1)  IC    = log2[(a + ½) / (E + ½)]
 *   (2)  IC025 = log2 G⁻¹(0.025; shape a + ½, rate E + ½)
 *   (3)  IC975 = log2 G⁻¹(0.975; shape a + ½, rate E + ½)
 * </pre>
 * where G⁻¹ is the quantile function of the gamma distribution. IC is the log of the posterior mean of the
 * observed-to-expected ratio μ when a ~ Poisson(μE) and μ has a Gamma(½, ½) prior; the posterior is
 * Gamma(a + ½, rate E + ½) and (2), (3) are its exact 2.5% and 97.5% quantiles [3], as vigicaen's
 * {@code ic_tail} computes them. Equation numbers in the code refer to this list. The signal rule, IC025 &gt; 0, is
 * applied by the scoring stage, not here.
 *
 * <p>Differences from other implementations: the closed-form approximation
 * IC025 ≈ IC − 3.3(a+½)<sup>−½</sup> − 2(a+½)<sup>−3/2</sup> of [3] is not used; the quantiles are solved to
 * 1e-14 relative by Halley's method on the regularized incomplete gamma function, computed by its series and
 * continued fraction in {@link GammaMixture}. The quantiles of Gamma(a + ½, rate E + ½) are those of
 * Gamma(a + ½, 1) divided by the rate, so for a &lt; 64 they are tabulated once, and E enters only through
 * log2(E + ½).
 *
 * <p>Special cases: none. The shrinkage by ½ keeps IC, IC025 and IC975 finite for every a ≥ 0 and E ≥ 0,
 * including a = 0 (IC &lt; 0) and E = 0 (a drug or event with no report in a stratum); always
 * IC025 &lt; IC &lt; IC975. b, c and d enter only through E.
 *
 * <p>References:
 * <ol>
 *   <li>Bate A, Lindquist M, Edwards IR, Olsson S, Orre R, Lansner A, De Freitas RM. A Bayesian neural network
 *       method for adverse drug reaction signal generation. Eur J Clin Pharmacol. 1998;54(4):315–321.
 *       doi:10.1007/s002280050466</li>
 *   <li>Norén GN, Bate A, Orre R, Edwards IR. Extending the methods used to screen the WHO drug safety database
 *       towards analysis of complex associations and improved accuracy for rare events. Stat Med.
 *       2006;25(21):3740–3757. doi:10.1002/sim.2473</li>
 *   <li>Norén GN, Hopstadius J, Bate A. Shrinkage observed-to-expected ratios for robust and transparent
 *       large-scale pattern discovery. Stat Methods Med Res. 2013;22(1):57–69. doi:10.1177/0962280211403604</li>
 * </ol>
 */
public final class InformationComponent {

    private static final InformationComponent DEFAULT = new InformationComponent();

    /** Shrinkage added to the observed and the expected count [3]. */
    private static final double SHRINKAGE = 0.5;

    private static final double LOWER_PROBABILITY = 0.025;
    private static final double UPPER_PROBABILITY = 0.975;

    /** Near the limit of the incomplete gamma function's own accuracy. */
    private static final double QUANTILE_RELATIVE_PRECISION = 1e-14;
    private static final int TABULATED_COUNTS = 64;
    /** ln Γ(a + ½) for a &lt; {@link #TABULATED_COUNTS}. */
    private static final double[] LOG_GAMMA_SHAPES = new double[TABULATED_COUNTS];
    /**
     * log2 of the 2.5% and 97.5% quantiles of Gamma(a + ½, 1) for a &lt; {@link #TABULATED_COUNTS}: the quantiles
     * of (2) and (3) depend on E only through the rate, so nearly every pair needs no quantile of its own.
     */
    private static final double[] LOG2_STANDARD_LOWER = new double[TABULATED_COUNTS];
    private static final double[] LOG2_STANDARD_UPPER = new double[TABULATED_COUNTS];

    static {
        for (int a = 0; a < TABULATED_COUNTS; a++) {
            LOG_GAMMA_SHAPES[a] = Gamma.logGamma(a + SHRINKAGE);
            LOG2_STANDARD_LOWER[a] = log2StandardQuantile(a, LOWER_PROBABILITY);
            LOG2_STANDARD_UPPER[a] = log2StandardQuantile(a, UPPER_PROBABILITY);
        }
    }

    /**
     * IC and its 95% credibility interval for one pair.
     *
     * @param ic the shrinkage information component (1)
     * @param ic025 lower 95% credibility bound (2)
     * @param ic975 upper 95% credibility bound (3)
     */
    public record Result(double ic, double ic025, double ic975) {
    }

    private InformationComponent() {
    }

    /**
     * Returns the IC with a 95% credibility interval; it has no options.
     *
     * @return the statistic
     */
    public static InformationComponent withDefaults() {
        return DEFAULT;
    }

    /**
     * Computes the IC with the unstratified expected count E = (a+b)(a+c)/N of the table.
     *
     * @param table the 2×2 table of the pair
     * @return the result
     */
    public Result compute(TwoByTwo table) {
        return compute(table.a(), table.expected());
    }

    /**
     * Computes the IC from an observed count and an expected count supplied by the caller, e.g. a stratified
     * E = Σ_s n1.(s)·n.1(s)/N(s) over strata s.
     *
     * @param observed reports with the drug and the event (a)
     * @param expected the expected count E
     * @return the result
     * @throws IllegalArgumentException if {@code observed} is negative, or {@code expected} is negative, infinite
     *         or NaN
     */
    public Result compute(long observed, double expected) {
        if (observed < 0) {
            throw new IllegalArgumentException("observed count must be non-negative: " + observed);
        }
        if (!(expected >= 0) || Double.isInfinite(expected)) {
            throw new IllegalArgumentException("expected count must be finite and non-negative: " + expected);
        }
        double shape = observed + SHRINKAGE;
        double rate = expected + SHRINKAGE;
        double ic = log2(shape / rate);                                           // Eq. (1), Norén 2013
        // the quantile of Gamma(shape, rate) is the standard gamma quantile divided by the rate
        boolean tabulated = observed < TABULATED_COUNTS;
        double log2Rate = log2(rate);
        double ic025 = (tabulated ? LOG2_STANDARD_LOWER[(int) observed]
                : log2StandardQuantile(observed, LOWER_PROBABILITY)) - log2Rate;                   // Eq. (2)
        double ic975 = (tabulated ? LOG2_STANDARD_UPPER[(int) observed]
                : log2StandardQuantile(observed, UPPER_PROBABILITY)) - log2Rate;                   // Eq. (3)
        return new Result(ic, ic025, ic975);
    }

    /** log2 of the q-quantile of Gamma(a + ½, 1). */
    private static double log2StandardQuantile(long observed, double probability) {
        double shape = observed + SHRINKAGE;
        GammaMixture standard = GammaMixture.single(shape, 1,
                observed < TABULATED_COUNTS ? LOG_GAMMA_SHAPES[(int) observed] : Gamma.logGamma(shape));
        return log2(standard.quantile(probability, QUANTILE_RELATIVE_PRECISION));
    }

    /**
     * The posterior probability that the observed-to-expected ratio μ is at most 1, G(1; a + ½, rate E + ½): the IC's
     * probability of no excess (IC ≤ 0), as BCPNN's FDR uses it (Ahmed et al. 2009).
     *
     * @param observed reports with the drug and the event (a), ≥ 0
     * @param expected the expected count E, finite and ≥ 0
     */
    public double probabilityOfNoExcess(long observed, double expected) {
        double shape = observed + SHRINKAGE;
        return GammaMixture.single(shape, expected + SHRINKAGE,
                observed < TABULATED_COUNTS ? LOG_GAMMA_SHAPES[(int) observed] : Gamma.logGamma(shape)).cdf(1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
