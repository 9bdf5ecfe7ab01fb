package org.iago.stats.mgps;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The MGPS posterior of the relative reporting ratio λ of one drug–event pair with actual count N and expected count
 * E, for fixed hyperparameters θ (DuMouchel 1999). The gamma mixture prior is conjugate to N | λ ~ Poisson(λE), so
 * the posterior is again a mixture of two gammas, Γ(α<sub>1</sub> + N, β<sub>1</sub> + E) with weight Q<sub>n</sub>
 * and Γ(α<sub>2</sub> + N, β<sub>2</sub> + E) with weight 1 − Q<sub>n</sub> (shape, rate), where
 *
 * <pre>
 *   Qn       = P·f1(N) / (P·f1(N) + (1 − P)·f2(N))                                      (Eq. 6, 1999)
 *   E[ln λ]  = Qn·(ψ(α1 + N) − ln(β1 + E)) + (1 − Qn)·(ψ(α2 + N) − ln(β2 + E))           (Eq. 9, 1999)
 *   EBGM     = exp(E[ln λ])                                                             (Eq. 10–11, 1999)
 *   EBq      solves  Qn·G(x; α1 + N, β1 + E) + (1 − Qn)·G(x; α2 + N, β2 + E) = q
 * </pre>
 *
 * <p>with f<sub>k</sub> the <em>untruncated</em> negative binomial densities of Eq. 5 (the truncation at N* only
 * concerns estimation), ψ the digamma function and G the gamma CDF with rate. DuMouchel writes the EBGM as
 * 2^(E[log<sub>2</sub> λ]), which is the same number. Quantiles are bracketed from RR = 1 outwards, as openEBGM's
 * {@code quantBisect} starts there, and then solved with Brent's method (Brent 1973) instead of bisection, which
 * needs about a third of the CDF evaluations, to a relative precision of 10<sup>−10</sup> instead of openEBGM's 0.005
 * absolute, and without rounding: openEBGM rounds EBGM and quantiles to 2 decimals by default, so its values can differ
 * from these in the second decimal.
 *
 * <p>Special cases: N = 0 is allowed (a pair never reported together still has a posterior); E must be finite and
 * &gt; 0, since E = 0 (a drug or an event with no reports) gives no Poisson model. Qn is computed from log densities
 * and lies in [0, 1]. For a single gamma the geometric mean always lies between the 5th and 95th percentiles; for a
 * mixture of two well-separated narrow gammas it need not, so EB05 ≤ EBGM ≤ EB95 is an empirical property of fitted
 * priors (checked by the tests on a grid of N and E for the CAERS θ), not a guarantee.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W (1999). Bayesian data mining in large frequency tables, with an application to the FDA
 *       spontaneous reporting system. <i>The American Statistician</i> 53(3):177–190.
 *       doi:10.1080/00031305.1999.10474456</li>
 *   <li>DuMouchel W, Pregibon D (2001). Empirical Bayes screening for multi-item associations. <i>Proceedings of
 *       the 7th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining</i>, 67–76.
 *       doi:10.1145/502512.502526</li>
 *   <li>Canida T, Ihrie J (2017). openEBGM: an R implementation of the Gamma-Poisson Shrinker data mining model.
 *       <i>The R Journal</i> 9(2):499–519. doi:10.32614/RJ-2017-063 (functions {@code Qn}, {@code ebgm},
 *       {@code quantBisect} of openEBGM 0.9.1)</li>
 *   <li>Brent RP (1973). <i>Algorithms for Minimization without Derivatives</i>, chapter 4. Prentice-Hall
 *       (commons-math3 {@code BrentSolver})</li>
 * </ol>
 */
public final class MgpsPosterior {

    private static final double RELATIVE_PRECISION = 1e-10;
    /** Brent's method converges superlinearly; a bracket of [x, 2x] needs about a dozen steps. */
    private static final int MAX_SOLVER_EVALUATIONS = 200;

    private final MgpsPrior prior;
    private final NegativeBinomialComponent first;
    private final NegativeBinomialComponent second;

    /**
     * @param prior the hyperparameters θ, typically {@link MgpsFit#prior()}
     */
    public MgpsPosterior(MgpsPrior prior) {
        this.prior = prior;
        this.first = new NegativeBinomialComponent(prior.alpha1(), prior.beta1());
        this.second = new NegativeBinomialComponent(prior.alpha2(), prior.beta2());
    }

    /**
     * @return the hyperparameters θ
     */
    public MgpsPrior prior() {
        return prior;
    }

    /**
     * EBGM, EB05, EB95 and Q<sub>n</sub> of one pair.
     *
     * @param actual   actual count N, ≥ 0
     * @param expected expected count E, finite and &gt; 0
     * @return the scores
     * @throws IllegalArgumentException if N &lt; 0 or E is not finite and positive
     */
    public MgpsScore score(int actual, double expected) {
        double qn = qn(actual, expected);
        return new MgpsScore(ebgm(actual, expected, qn), quantile(actual, expected, qn, 0.05),
                quantile(actual, expected, qn, 0.95), qn);
    }

    /**
     * Q<sub>n</sub>, the posterior probability that λ comes from the first prior component (Eq. 6, 1999).
     *
     * @param actual   actual count N, ≥ 0
     * @param expected expected count E, finite and &gt; 0
     * @return Q<sub>n</sub> in [0, 1]
     * @throws IllegalArgumentException if N &lt; 0 or E is not finite and positive
     */
    public double qn(int actual, double expected) {
        checkPair(actual, expected);
        double logFirst = Math.log(prior.mixtureFraction()) + first.logDensity(actual, expected);
        double logSecond = Math.log1p(-prior.mixtureFraction()) + second.logDensity(actual, expected);
        return 1 / (1 + Math.exp(logSecond - logFirst)); // Eq. 6 (1999), divided through by P·f1
    }

    /**
     * The empirical Bayes geometric mean exp(E[ln λ | N]) (Eq. 9–11, 1999).
     *
     * @param actual   actual count N, ≥ 0
     * @param expected expected count E, finite and &gt; 0
     * @return EBGM &gt; 0
     * @throws IllegalArgumentException if N &lt; 0 or E is not finite and positive
     */
    public double ebgm(int actual, double expected) {
        return ebgm(actual, expected, qn(actual, expected));
    }

    /**
     * A quantile of the posterior of λ, e.g. 0.05 for EB05.
     *
     * @param actual      actual count N, ≥ 0
     * @param expected    expected count E, finite and &gt; 0
     * @param probability the lower-tail probability q, in (0, 1)
     * @return x with posterior CDF(x) = q, to a relative precision of 10<sup>−10</sup>
     * @throws IllegalArgumentException if N &lt; 0, E is not finite and positive, or q is not in (0, 1)
     */
    public double quantile(int actual, double expected, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
        }
        return quantile(actual, expected, qn(actual, expected), probability);
    }

    private double ebgm(int n, double e, double qn) {
        // E[ln λ] = ψ(shape) − ln(rate) within each posterior gamma component
        double meanLogFirst = Gamma.digamma(prior.alpha1() + n) - Math.log(prior.beta1() + e);
        double meanLogSecond = Gamma.digamma(prior.alpha2() + n) - Math.log(prior.beta2() + e);
        return Math.exp(qn * meanLogFirst + (1 - qn) * meanLogSecond); // Eq. 9 and 11 (1999)
    }

    /** The root of CDF(x) − q, bracketed by doubling or halving from RR = 1 as quantBisect starts there. */
    private double quantile(int n, double e, double qn, double probability) {
        double low;
        double high;
        if (posteriorCdf(1, n, e, qn) < probability) {
            low = 1;
            high = 2;
            while (posteriorCdf(high, n, e, qn) < probability) {
                low = high;
                high *= 2;
            }
        } else {
            high = 1;
            low = 0.5;
            while (posteriorCdf(low, n, e, qn) >= probability) {
                high = low;
                low /= 2;
            }
        }
        // tolerance 2·(relative/2)·|x| + Double.MIN_NORMAL: relative 1e-10, absolute only so that it is positive
        BrentSolver brent = new BrentSolver(RELATIVE_PRECISION / 2, Double.MIN_NORMAL);
        return brent.solve(MAX_SOLVER_EVALUATIONS, x -> posteriorCdf(x, n, e, qn) - probability, low, high);
    }

    /** Qn·G(x; α1 + N, β1 + E) + (1 − Qn)·G(x; α2 + N, β2 + E), G the gamma CDF with rate. */
    private double posteriorCdf(double x, int n, double e, double qn) {
        double cdfFirst = Gamma.regularizedGammaP(prior.alpha1() + n, (prior.beta1() + e) * x);
        double cdfSecond = Gamma.regularizedGammaP(prior.alpha2() + n, (prior.beta2() + e) * x);
        return qn * cdfFirst + (1 - qn) * cdfSecond;
    }

    private static void checkPair(int actual, double expected) {
        if (actual < 0) {
            throw new IllegalArgumentException("actual count N must be >= 0, got " + actual);
        }
        if (!(expected > 0 && expected < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("expected count E must be a finite positive number, got " + expected);
        }
    }
}
