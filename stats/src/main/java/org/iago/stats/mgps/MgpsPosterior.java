package org.iago.stats.mgps;

import org.apache.commons.math3.special.Gamma;
import org.iago.stats.gamma.GammaMixture;

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
 * 2^(E[log<sub>2</sub> λ]), which is the same number. Quantiles are solved by Halley's method on the mixture CDF with
 * its analytic density ({@link GammaMixture}) to a relative precision of 10<sup>−12</sup>; openEBGM's
 * {@code quantBisect} bisects from RR = 1 to 0.005 absolute. Nothing is rounded: openEBGM rounds EBGM and quantiles to
 * 2 decimals by default, so its values can differ from these in the second decimal. ln Γ(α<sub>k</sub> + N) and
 * ψ(α<sub>k</sub> + N) are tabulated for N &lt; 64, where nearly every pair lies.
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
 * </ol>
 */
public final class MgpsPosterior {

    private static final double RELATIVE_PRECISION = 1e-12;
    private static final int TABULATED_COUNTS = 64;

    private final MgpsPrior prior;
    private final NegativeBinomialComponent first;
    private final NegativeBinomialComponent second;
    /** ln P and ln(1 − P), the prior weights of Eq. 6 (1999). */
    private final double logFirstWeight;
    private final double logSecondWeight;
    /** ln Γ(α_k + N) and ψ(α_k + N) for N &lt; {@link #TABULATED_COUNTS}, k = 1, 2. */
    private final double[][] logGammaShapes = new double[2][TABULATED_COUNTS];
    private final double[][] digammaShapes = new double[2][TABULATED_COUNTS];

    /**
     * @param prior the hyperparameters θ, typically {@link MgpsFit#prior()}
     */
    public MgpsPosterior(MgpsPrior prior) {
        this.prior = prior;
        this.first = new NegativeBinomialComponent(prior.alpha1(), prior.beta1());
        this.second = new NegativeBinomialComponent(prior.alpha2(), prior.beta2());
        this.logFirstWeight = Math.log(prior.mixtureFraction());
        this.logSecondWeight = Math.log1p(-prior.mixtureFraction());
        for (int n = 0; n < TABULATED_COUNTS; n++) {
            logGammaShapes[0][n] = Gamma.logGamma(prior.alpha1() + n);
            logGammaShapes[1][n] = Gamma.logGamma(prior.alpha2() + n);
            digammaShapes[0][n] = Gamma.digamma(prior.alpha1() + n);
            digammaShapes[1][n] = Gamma.digamma(prior.alpha2() + n);
        }
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
        GammaMixture posterior = posterior(actual, expected, qn);
        return new MgpsScore(ebgm(actual, expected, qn), posterior.quantile(0.05, RELATIVE_PRECISION),
                posterior.quantile(0.95, RELATIVE_PRECISION), qn);
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
        double logFirst = logFirstWeight + first.logDensity(actual, expected);
        double logSecond = logSecondWeight + second.logDensity(actual, expected);
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
     * The posterior probability that λ is at most x, Qn·G(x; α1 + N, β1 + E) + (1 − Qn)·G(x; α2 + N, β2 + E): at
     * x = 1, PhViD's {@code post.H0} (Ahmed et al. 2009), the probability of no excess.
     *
     * @param actual   actual count N, ≥ 0
     * @param expected expected count E, finite and &gt; 0
     * @param x        the value of λ, ≥ 0
     * @throws IllegalArgumentException if N &lt; 0 or E is not finite and positive
     */
    public double probabilityAtMost(int actual, double expected, double x) {
        return posterior(actual, expected, qn(actual, expected)).cdf(x);
    }

    /**
     * A quantile of the posterior of λ, e.g. 0.05 for EB05.
     *
     * @param actual      actual count N, ≥ 0
     * @param expected    expected count E, finite and &gt; 0
     * @param probability the lower-tail probability q, in (0, 1)
     * @return x with posterior CDF(x) = q, to a relative precision of 10<sup>−12</sup>
     * @throws IllegalArgumentException if N &lt; 0, E is not finite and positive, or q is not in (0, 1)
     */
    public double quantile(int actual, double expected, double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
        }
        return posterior(actual, expected, qn(actual, expected)).quantile(probability, RELATIVE_PRECISION);
    }

    private double ebgm(int n, double e, double qn) {
        // E[ln λ] = ψ(shape) − ln(rate) within each posterior gamma component
        double meanLogFirst = digamma(0, prior.alpha1(), n) - Math.log(prior.beta1() + e);
        double meanLogSecond = digamma(1, prior.alpha2(), n) - Math.log(prior.beta2() + e);
        return Math.exp(qn * meanLogFirst + (1 - qn) * meanLogSecond); // Eq. 9 and 11 (1999)
    }

    /** Qn·Γ(α1 + N, β1 + E) + (1 − Qn)·Γ(α2 + N, β2 + E), shape and rate. */
    private GammaMixture posterior(int n, double e, double qn) {
        return GammaMixture.of(qn, prior.alpha1() + n, prior.beta1() + e, logGamma(0, prior.alpha1(), n),
                prior.alpha2() + n, prior.beta2() + e, logGamma(1, prior.alpha2(), n));
    }

    private double logGamma(int component, double alpha, int n) {
        return n < TABULATED_COUNTS ? logGammaShapes[component][n] : Gamma.logGamma(alpha + n);
    }

    private double digamma(int component, double alpha, int n) {
        return n < TABULATED_COUNTS ? digammaShapes[component][n] : Gamma.digamma(alpha + n);
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
