package org.iago.stats.mgps;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * One component of the MGPS marginal distribution of an actual count N given its expected count E: a gamma prior
 * (shape α, rate β) on λ and N | λ ~ Poisson(λE) give the negative binomial
 *
 * <pre>
 *   f(n; α, β, E) = Γ(α + n) / (Γ(α) n!) · p^α (1 − p)^n,   p = β / (β + E)   (Eq. 5, 1999)
 * </pre>
 *
 * <p>which is R's {@code dnbinom(n, size = α, prob = p)}. Everything is computed on the log scale with
 * {@link Gamma#logGamma} so that large counts neither overflow nor lose the small densities.
 * ln Γ(α + n) − ln Γ(α) − ln n! is tabulated for small n because hyperparameter estimation evaluates the density at
 * thousands of points that share a few distinct counts. {@link Math} rather than {@code FastMath}: its log1p is
 * several times faster on Java 17. Immutable.
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W (1999). Bayesian data mining in large frequency tables, with an application to the FDA
 *       spontaneous reporting system. <i>The American Statistician</i> 53(3):177–190.
 *       doi:10.1080/00031305.1999.10474456</li>
 *   <li>DuMouchel W, Pregibon D (2001). Empirical Bayes screening for multi-item associations. <i>Proceedings of
 *       the 7th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining</i>, 67–76.
 *       doi:10.1145/502512.502526</li>
 * </ol>
 */
final class NegativeBinomialComponent {

    private static final int TABULATED_COUNTS = 64;

    private final double alpha;
    private final double beta;
    private final double logGammaAlpha;
    private final double[] logCoefficients = new double[TABULATED_COUNTS];

    NegativeBinomialComponent(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        this.logGammaAlpha = Gamma.logGamma(alpha);
        for (int n = 0; n < TABULATED_COUNTS; n++) {
            logCoefficients[n] = computeLogCoefficient(n);
        }
    }

    /**
     * @return ln f(n; α, β, E), the untruncated log density (Eq. 5, 1999)
     */
    double logDensity(int n, double e) {
        return logDensity(n, e, Math.log1p(e / beta));
    }

    /**
     * @return ln[f(n; α, β, E) / Pr(N ≥ n*)], the log density truncated to counts ≥ n* (DuMouchel &amp; Pregibon
     *         2001; openEBGM {@code negLL})
     */
    double logTruncatedDensity(int n, double e, int nStar) {
        double minusLogP = Math.log1p(e / beta);
        return logDensity(n, e, minusLogP) - logTailProbability(nStar, e, minusLogP);
    }

    /** Eq. 5 with −ln p = ln(1 + E/β) already computed. */
    private double logDensity(int n, double e, double minusLogP) {
        double logOneMinusP = n == 0 ? 0 : -Math.log1p(beta / e);   // ln(E / (β + E)); not needed when n = 0
        return logCoefficient(n) - alpha * minusLogP + n * logOneMinusP; // Eq. 5 (1999)
    }

    /**
     * ln Pr(N ≥ n*) = ln(1 − F(n* − 1)). For n* = 1 it is ln(1 − p^α), with expm1 because 1 − p^α ≈ αE/β is tiny
     * for the many pairs with small E; for larger n* the negative binomial upper tail is the regularized incomplete
     * beta function I<sub>1−p</sub>(n*, α).
     */
    private double logTailProbability(int nStar, double e, double minusLogP) {
        if (nStar == 1) {
            return Math.log(-Math.expm1(-alpha * minusLogP));
        }
        return Math.log(Beta.regularizedBeta(e / (beta + e), nStar, alpha));
    }

    private double logCoefficient(int n) {
        return n < TABULATED_COUNTS ? logCoefficients[n] : computeLogCoefficient(n);
    }

    /** ln[Γ(α + n) / (Γ(α) n!)]. */
    private double computeLogCoefficient(int n) {
        return Gamma.logGamma(alpha + n) - logGammaAlpha - Gamma.logGamma(n + 1.0);
    }
}
