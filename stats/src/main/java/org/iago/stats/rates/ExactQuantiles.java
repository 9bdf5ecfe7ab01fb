package org.iago.stats.rates;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Gamma and beta quantiles solved from the regularized incomplete gamma and beta functions of Commons Math to near
 * their own accuracy (about 1e-14 relative). The distributions' {@code inverseCumulativeProbability} stop at an
 * absolute accuracy of 1e-9, too coarse for small rates and for the 1e-9 agreement with R the tests require.
 */
final class ExactQuantiles {

    /** Brent stops at this relative width: near the limit of the special functions' own accuracy. */
    private static final double RELATIVE_ACCURACY = 1e-15;
    private static final int MAX_EVALUATIONS = 1_000;

    private ExactQuantiles() {
    }

    /**
     * The x with P(shape, x) = p, P the regularized lower incomplete gamma function (gamma distribution, rate 1).
     *
     * @param shape shape &gt; 0
     * @param p lower-tail probability in (0, 1)
     */
    static double gammaLowerTail(double shape, double p) {
        return gamma(x -> Gamma.regularizedGammaP(shape, x) - p, shape);
    }

    /**
     * The x with Q(shape, x) = q, Q = 1 − P the upper tail; solving on the upper tail keeps full relative accuracy
     * for q near 0.
     *
     * @param shape shape &gt; 0
     * @param q upper-tail probability in (0, 1)
     */
    static double gammaUpperTail(double shape, double q) {
        return gamma(x -> q - Gamma.regularizedGammaQ(shape, x), shape);
    }

    /**
     * The x in (0, 1) with I<sub>x</sub>(a, b) = p, I the regularized incomplete beta function.
     *
     * @param a first shape &gt; 0
     * @param b second shape &gt; 0
     * @param p lower-tail probability in (0, 1)
     */
    static double betaLowerTail(double a, double b, double p) {
        UnivariateFunction cdfMinusP = x -> Beta.regularizedBeta(x, a, b) - p;
        // a solver keeps per-call state, so each quantile gets its own; cdfMinusP(0) = -p, cdfMinusP(1) = 1 - p
        return new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL).solve(MAX_EVALUATIONS, cdfMinusP, 0, 1);
    }

    /** Root of an increasing function of x ≥ 0 that is negative at 0, bracketed by doubling from shape + 1. */
    private static double gamma(UnivariateFunction increasing, double shape) {
        double upper = shape + 1;
        while (increasing.value(upper) < 0) {
            upper *= 2;
        }
        return new BrentSolver(RELATIVE_ACCURACY, Double.MIN_NORMAL).solve(MAX_EVALUATIONS, increasing, 0, upper);
    }
}
