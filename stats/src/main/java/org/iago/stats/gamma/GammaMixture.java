package org.iago.stats.gamma;

import java.util.Arrays;

import org.apache.commons.math3.special.Gamma;

/**
 * A mixture of at most two gamma distributions (shape, rate) with its CDF and quantiles: the posterior of the MGPS
 * relative reporting ratio (two components, DuMouchel 1999) and of the IC's observed-to-expected ratio (one
 * component, Norén et al. 2013).
 *
 * <pre>
 *   (1)  F(x)  = w·P(a1, b1·x) + (1 − w)·P(a2, b2·x)                    P the regularized lower incomplete gamma
 *   (2)  f(x)  = w·g(x; a1, b1) + (1 − w)·g(x; a2, b2),   g(x; a, b) = b^a x^(a−1) e^(−bx) / Γ(a)
 *   (3)  t' = t − [r / F_t] / [1 − r·F_tt / (2·F_t²)],   t = ln x,  r = F(x) − q,
 *        F_t = x·f(x),  F_tt = Σ w_k·x·g_k(x)·(a_k − b_k·x)                  (Halley's step)
 *   (4)  G_k(x) ≈ Φ(z),  z = [(b_k·x / a_k)^(1/3) − 1 + 1/(9a_k)]·3√a_k     (Wilson–Hilferty: one component's CDF)
 *   (5)  G_k⁻¹(p) ≈ (a_k / b_k)·(1 − 1/(9a_k) + Φ⁻¹(p) / (3√a_k))³          (its inverse)
 *   (6)  x_0 = G_k⁻¹(q),  x_1 = G_k⁻¹([q − w_j·G_j(x_0)] / w_k)             (start; k the heavier component)
 * </pre>
 * Equation numbers in the code refer to this list.
 *
 * <p>A quantile solves F(x) = q by Halley's method on t = ln x (Halley 1694; e.g. Press et al. 2007, §9.4), which
 * uses the analytic first and second derivatives of (3) and converges cubically, so that two or three CDF
 * evaluations reach the precision from the start (6): the quantile of the heavier component at the probability that
 * the lighter one leaves to it, both by Wilson–Hilferty (Wilson &amp; Hilferty 1931), with Φ by Abramowitz &amp;
 * Stegun 26.2.17 (error below 7.5·10<sup>−8</sup>) and Φ⁻¹ by 26.2.23. A fitted MGPS prior is a light wide
 * component beside a heavy narrow one, and for such mixtures the Wilson–Hilferty quantile of the moment-matched
 * single gamma, the start before, was far off: (6) took the MGPS quantiles of a FAERS-like table from 5.3 to 2.2
 * CDF evaluations each. x_0 is kept when w_j &lt; 10<sup>−2</sup>·min(q, 1 − q), and when the probability in (6)
 * leaves (10<sup>−12</sup>, 1 − 10<sup>−12</sup>) the moment-matched start is used. Every evaluated point narrows a
 * bracket of the root, and a step that leaves the bracket is replaced by bisection (in t); while one side is still
 * open, steps are limited to a factor e², so the iteration always converges. It stops once a step changes t by at
 * most the requested relative precision, or once a Halley step h is below 10<sup>−2</sup>·precision<sup>1/3</sup>:
 * its error is of order h³, far below the precision, so x is within that relative precision of the root of the
 * computed CDF without another CDF evaluation. A component whose weight is below 10<sup>−16</sup> is left out: it
 * moves F by less than its rounding. Immutable.
 *
 * <p>References:
 * <ol>
 *   <li>Wilson EB, Hilferty MM (1931). The distribution of chi-square. <i>PNAS</i> 17(12):684–688.
 *       doi:10.1073/pnas.17.12.684</li>
 *   <li>Press WH, Teukolsky SA, Vetterling WT, Flannery BP (2007). <i>Numerical Recipes</i>, 3rd ed., §6.14.10
 *       (gamma quantile by Halley's method) and §9.4. Cambridge University Press.</li>
 * </ol>
 */
public final class GammaMixture {

    /** A component lighter than this moves F by less than its rounding. */
    private static final double NEGLIGIBLE_WEIGHT = 1e-16;
    private static final int MAX_ITERATIONS = 200;
    /** Commons Math's default precision of the incomplete gamma function. */
    private static final double SERIES_EPSILON = 1e-15;
    /** A_n and B_n of the continued fraction are scaled by {@link #RESCALE} when |B_n| passes this, 2^300. */
    private static final double RESCALE_ABOVE = 0x1p300;
    private static final double RESCALE = 0x1p-300;
    private static final int MAX_TERMS = 1_000_000;
    /** A Halley step this many times the cube root of the precision needs no further evaluation. */
    private static final double ACCEPTED_STEP = 1e-2;
    /** Largest step in ln x while the root is bracketed on one side only: a factor e² ≈ 7.4. */
    private static final double MAX_OPEN_STEP = 2;
    /** A lighter weight below this fraction of min(q, 1 − q) moves the start (6) less than (5) errs: x_0 is kept. */
    private static final double NEGLIGIBLE_START_SHIFT = 1e-2;
    /** Where the start (6) gives way to the moment-matched one. */
    private static final double START_PROBABILITY = 1e-12;
    private static final double INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

    private final double[] shapes;
    private final double[] rates;
    /** a·ln b − ln Γ(a) of each component, the log of the density's constant. */
    private final double[] logNormalisers;
    private final double[] weights;

    private GammaMixture(double[] weights, double[] shapes, double[] rates, double[] logGammaShapes) {
        this.weights = weights;
        this.shapes = shapes;
        this.rates = rates;
        this.logNormalisers = new double[shapes.length];
        for (int k = 0; k < shapes.length; k++) {
            logNormalisers[k] = shapes[k] * Math.log(rates[k]) - logGammaShapes[k];
        }
    }

    /**
     * One gamma distribution.
     *
     * @param shape          a &gt; 0
     * @param rate           b &gt; 0
     * @param logGammaShape  ln Γ(a), passed in so that callers can tabulate it
     * @return Gamma(a, b)
     */
    public static GammaMixture single(double shape, double rate, double logGammaShape) {
        return new GammaMixture(new double[] {1}, new double[] {shape}, new double[] {rate},
                new double[] {logGammaShape});
    }

    /**
     * w·Gamma(a1, b1) + (1 − w)·Gamma(a2, b2); a component of negligible weight is dropped.
     *
     * @param weight         w in [0, 1]
     * @param shape1         a1 &gt; 0
     * @param rate1          b1 &gt; 0
     * @param logGammaShape1 ln Γ(a1)
     * @param shape2         a2 &gt; 0
     * @param rate2          b2 &gt; 0
     * @param logGammaShape2 ln Γ(a2)
     * @return the mixture
     */
    public static GammaMixture of(double weight, double shape1, double rate1, double logGammaShape1, double shape2,
            double rate2, double logGammaShape2) {
        if (weight < NEGLIGIBLE_WEIGHT) {
            return single(shape2, rate2, logGammaShape2);
        }
        if (1 - weight < NEGLIGIBLE_WEIGHT) {
            return single(shape1, rate1, logGammaShape1);
        }
        return new GammaMixture(new double[] {weight, 1 - weight}, new double[] {shape1, shape2},
                new double[] {rate1, rate2}, new double[] {logGammaShape1, logGammaShape2});
    }

    /**
     * P(a, y), the regularized lower incomplete gamma function, as Commons Math's {@code Gamma.regularizedGammaP}
     * (series for y &lt; a + 1, else 1 − Q by the continued fraction, both to 10<sup>−15</sup> relative; Press et al.
     * 2007, §6.2), the fraction by its recurrences rather than by Lentz's method, given its prefactor
     * y^a e^(−y) / Γ(a), which the quantile iteration needs anyway as x·g(x): Commons Math recomputes ln Γ(a) and
     * takes its logarithms with FastMath at every call, which was most of the scoring time.
     */
    private static double regularizedGammaP(double a, double y, double prefactor) {
        if (y <= 0) {
            return 0;
        }
        if (y < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; term > SERIES_EPSILON * sum; n++) {    // terms are positive: no division needed
                if (n > MAX_TERMS) {
                    throw new IllegalStateException("incomplete gamma series did not converge: a=" + a + ", y=" + y);
                }
                term *= y / (a + n);
                sum += term;
            }
            return prefactor * sum;
        }
        return 1 - prefactor / continuedFraction(a, y);
    }

    /**
     * The continued fraction of Q(a, y) = y^a e^(−y) / Γ(a) / cf, cf = a_0 + b_1/(a_1 + b_2/(a_2 + …)) with
     * a_n = 2n + 1 − a + y and b_n = n(a − n) (the even part of Legendre's fraction, Press et al. 2007, §6.2), by
     * the fundamental recurrences (Press et al. 2007, §5.2)
     * <pre>
     *   (7)  A_n = a_n·A_(n−1) + b_n·A_(n−2),  B_n = a_n·B_(n−1) + b_n·B_(n−2),  A_(−1) = 1, B_(−1) = 0, A_0 = a_0,
     *        B_0 = 1,  cf ≈ A_n / B_n
     *   (8)  stop once |A_n·B_(n−1) − A_(n−1)·B_n| &lt; ε·|A_(n−1)·B_n|, i.e. |h_n / h_(n−1) − 1| &lt; ε, h_n = A_n/B_n
     * </pre>
     * with ε = 10<sup>−15</sup>, the modified Lentz method's criterion. Lentz's two divisions per term depend on the
     * previous term's, so that each term waits for them; (7) needs none, and (8) compares without dividing. A_n and
     * B_n grow like n!·2<sup>n</sup>: they are rescaled by a power of two, exactly, when B_n passes 2<sup>300</sup>.
     * Used for y ≥ a + 1, where a_n ≥ 2n + 2 &gt; 0.
     */
    private static double continuedFraction(double a, double y) {
        double previousA = 1;             // A_(n−2)
        double previousB = 0;             // B_(n−2)
        double currentA = 1 - a + y;      // A_(n−1), from a_0
        double currentB = 1;              // B_(n−1)
        for (int n = 1; n <= MAX_TERMS; n++) {
            double an = 2 * n + 1 - a + y;
            double bn = n * (a - n);
            double nextA = an * currentA + bn * previousA;                                   // Eq. (7)
            double nextB = an * currentB + bn * previousB;
            if (Math.abs(nextA * currentB - currentA * nextB) < SERIES_EPSILON * Math.abs(currentA * nextB)) {
                return nextA / nextB;                                                        // Eq. (8)
            }
            previousA = currentA;
            previousB = currentB;
            currentA = nextA;
            currentB = nextB;
            if (Math.abs(currentB) > RESCALE_ABOVE) {
                previousA *= RESCALE;
                previousB *= RESCALE;
                currentA *= RESCALE;
                currentB *= RESCALE;
            }
        }
        throw new IllegalStateException("incomplete gamma continued fraction did not converge: a=" + a + ", y=" + y);
    }

    /**
     * F(x), Eq. (1): the probability that the mixture's variable is at most x.
     *
     * @param x a value, ≥ 0
     * @return F(x) in [0, 1]
     */
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        double logX = Math.log(x);
        double cdf = 0;
        for (int k = 0; k < shapes.length; k++) {
            double bx = rates[k] * x;
            cdf += weights[k] * regularizedGammaP(shapes[k], bx, Math.exp(logNormalisers[k] + shapes[k] * logX - bx));
        }
        return Math.min(1, cdf);                                                             // Eq. (1)
    }

    /**
     * The q-quantile.
     *
     * @param probability       q in (0, 1)
     * @param relativePrecision the relative precision wanted in x, e.g. 1e-12
     * @return x with F(x) = q
     */
    public double quantile(double probability, double relativePrecision) {
        double t = Math.log(start(probability));
        double low = Double.NEGATIVE_INFINITY;   // F(e^low) < q
        double high = Double.POSITIVE_INFINITY;  // F(e^high) ≥ q
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double x = Math.exp(t);
            double logX = t;
            double cdf = 0;
            double first = 0;   // dF/dt = x·f(x)
            double second = 0;  // d²F/dt² = Σ w·x·g·(a − b·x)
            for (int k = 0; k < shapes.length; k++) {
                double bx = rates[k] * x;
                double xg = Math.exp(logNormalisers[k] + shapes[k] * logX - bx);  // x·g(x) = (bx)^a e^(−bx) / Γ(a)
                cdf += weights[k] * regularizedGammaP(shapes[k], bx, xg);                    // Eq. (1)
                first += weights[k] * xg;                                                    // Eq. (2)
                second += weights[k] * xg * (shapes[k] - bx);
            }
            double residual = cdf - probability;
            if (residual == 0) {
                return x;
            }
            if (residual < 0) {
                low = t;
            } else {
                high = t;
            }
            double step = -residual / first;
            double correction = 1 - residual * second / (2 * first * first);   // Eq. (3): Newton / correction
            if (correction > 0.5 && correction < 2) {
                step /= correction;
            }
            boolean bracketed = low > Double.NEGATIVE_INFINITY && high < Double.POSITIVE_INFINITY;
            if (!bracketed) {
                step = Math.max(-MAX_OPEN_STEP, Math.min(MAX_OPEN_STEP, step));  // far from the root f is tiny
            }
            double next = t + step;
            if (!(next > low && next < high)) {                                 // outside the bracket, or NaN
                next = bracketed ? 0.5 * (low + high) : residual < 0 ? t + MAX_OPEN_STEP : t - MAX_OPEN_STEP;
            }
            // a Halley step of h leaves an error of order h³: below 1e-2·precision^(1/3) the root is reached
            if (Math.abs(next - t) <= relativePrecision
                    || Math.abs(step) <= ACCEPTED_STEP * Math.cbrt(relativePrecision) && next == t + step) {
                return Math.exp(next);
            }
            t = next;
        }
        throw new IllegalStateException("no convergence for the " + probability + "-quantile of " + this);
    }

    /** The start (6), or the moment-matched one when (6) leaves the unit interval. */
    private double start(double probability) {
        if (shapes.length == 1) {
            return gammaQuantile(shapes[0], rates[0], probability);
        }
        int k = weights[0] >= weights[1] ? 0 : 1;
        int j = 1 - k;
        double x = gammaQuantile(shapes[k], rates[k], probability);                      // Eq. (6), x_0
        if (weights[j] < NEGLIGIBLE_START_SHIFT * Math.min(probability, 1 - probability)) {
            return x;
        }
        double left = (probability - weights[j] * gammaCdf(shapes[j], rates[j], x)) / weights[k];
        if (!(left > START_PROBABILITY && left < 1 - START_PROBABILITY)) {
            return momentMatchedStart(probability);
        }
        return gammaQuantile(shapes[k], rates[k], left);                                 // Eq. (6), x_1
    }

    /** The quantile (5) of the single gamma with the mixture's mean and variance. */
    private double momentMatchedStart(double probability) {
        double mean = 0;
        double secondMoment = 0;
        for (int k = 0; k < shapes.length; k++) {
            double m = shapes[k] / rates[k];
            mean += weights[k] * m;
            secondMoment += weights[k] * (m * m + m / rates[k]);
        }
        double variance = Math.max(secondMoment - mean * mean, 1e-300);
        return gammaQuantile(mean * mean / variance, mean / variance, probability);
    }

    /** Eq. (5); x^a/Γ(a+1) = p for the lower tail of a small shape, where (5) fails. */
    private static double gammaQuantile(double shape, double rate, double probability) {
        double c = 1 / (9 * shape);
        double cube = 1 - c + standardNormalQuantile(probability) * Math.sqrt(c);
        if (cube > 0.1) {
            return shape * cube * cube * cube / rate;                                    // Eq. (5)
        }
        // lower tail of a small shape: P(a, y) ≈ y^a / Γ(a + 1)
        return Math.exp((Math.log(probability) + Gamma.logGamma(shape + 1)) / shape) / rate;
    }

    /** Eq. (4), to start from only. */
    private static double gammaCdf(double shape, double rate, double x) {
        double c = 1 / (9 * shape);
        return standardNormalCdf((Math.cbrt(rate * x / shape) - 1 + c) / Math.sqrt(c));     // Eq. (4)
    }

    /** Φ(z) to 7.5·10⁻⁸ (Abramowitz &amp; Stegun 26.2.17); only a starting value. */
    private static double standardNormalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double polynomial = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        double upper = Math.exp(-0.5 * z * z) * INVERSE_SQRT_TWO_PI * polynomial;
        return z >= 0 ? 1 - upper : upper;
    }

    /** Φ⁻¹(p) to about 4.5·10⁻⁴ (Abramowitz &amp; Stegun 26.2.23); only a starting value. */
    private static double standardNormalQuantile(double p) {
        double tail = Math.min(p, 1 - p);
        double s = Math.sqrt(-2 * Math.log(tail));
        double z = s - (2.515517 + 0.802853 * s + 0.010328 * s * s)
                / (1 + 1.432788 * s + 0.189269 * s * s + 0.001308 * s * s * s);
        return p < 0.5 ? -z : z;
    }

    @Override
    public String toString() {
        return "GammaMixture[weights=" + Arrays.toString(weights) + ", shapes=" + Arrays.toString(shapes) + ", rates="
                + Arrays.toString(rates) + "]";
    }
}
