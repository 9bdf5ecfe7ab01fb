package org.iago.stats.tte;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kaplan–Meier product-limit estimate of the survival function S(t) = P(T &gt; t) from right-censored follow-up
 * (Kaplan &amp; Meier 1958 [1]), with Greenwood's variance [2] and a pointwise confidence interval on the log scale,
 * as R's {@code survfit(Surv(time, event) ~ 1)} computes them with its defaults [3].
 *
 * <p>With t_1 &lt; … &lt; t_m the distinct observed times, n_j the number at risk at t_j (time ≥ t_j), d_j the events
 * and c_j the censorings at t_j:
 * <pre>
 *   (1)  Ŝ(t_j) = Π_{i ≤ j} (1 − d_i/n_i)
 *   (2)  σ(t_j) = √( Σ_{i ≤ j} d_i / (n_i (n_i − d_i)) )          standard error of −log Ŝ(t_j), Greenwood
 *   (3)  lower, upper = exp(log Ŝ(t_j) ∓ z·σ(t_j)),  upper capped at 1,   z = Φ⁻¹(1 − (1 − level)/2)
 * </pre>
 * Equation numbers in the code refer to this list. Greenwood's variance of Ŝ itself is Ŝ²σ² ({@link Step#variance()}).
 * Ties follow {@code survfit}: the events at t_j come before the censorings at t_j, so a subject censored at t_j is
 * in the risk set n_j. Ŝ is right-continuous: Ŝ(t) = 1 before t_1 and Ŝ(t) = Ŝ(t_j) for t_j ≤ t &lt; t_{j+1}.
 *
 * <p>The median survival time and its interval follow {@code quantile.survfit} of survival 3.5 [3]: the first time
 * at which 1 − Ŝ reaches ½; if 1 − Ŝ equals ½ (within √ε ≈ 1.5e-8) on an interval, the midpoint between the time it
 * gets there and the next time it moves (or the last follow-up time if it never moves again). The bounds apply the
 * same rule to the lower and upper curves of (3). A median that is not reached is NaN, where R prints NA.
 *
 * <p>Special cases, as {@code survfit}:
 * <ul>
 *   <li>No event before t_j: Ŝ = 1, σ = 0 and the interval is [1, 1].</li>
 *   <li>All remaining subjects fail at t_j (d_j = n_j): Ŝ = 0 from t_j on, σ = +∞ and both bounds are NaN
 *       (R: {@code Inf} and {@code NA}).</li>
 *   <li>All subjects censored: every step has Ŝ = 1 and the median is NaN.</li>
 *   <li>Times of zero (an event on the day of infusion) are ordinary times.</li>
 *   <li>Beyond the last observed time {@link Result#survivalAt(double)} keeps the last value of Ŝ.</li>
 * </ul>
 *
 * <p>References:
 * <ol>
 *   <li>Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc.
 *       1958;53(282):457–481. doi:10.1080/01621459.1958.10501452</li>
 *   <li>Greenwood M. The natural duration of cancer. Reports on Public Health and Medical Subjects 33. London:
 *       HMSO; 1926:1–26.</li>
 *   <li>Therneau TM, Grambsch PM. Modeling Survival Data: Extending the Cox Model. New York: Springer; 2000.
 *       doi:10.1007/978-1-4757-3294-8 (R package survival 3.5-3: {@code survfit}, {@code quantile.survfit})</li>
 * </ol>
 */
public final class KaplanMeier {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    private static final KaplanMeier DEFAULT = new KaplanMeier(DEFAULT_CONFIDENCE_LEVEL);

    /** {@code quantile.survfit}'s tolerance, √(double epsilon), for 1 − Ŝ sitting exactly at a probability. */
    private static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));
    private static final double MEDIAN = 0.5;

    private final double confidenceLevel;
    /** z of (3). */
    private final double z;

    /**
     * The estimate at one distinct observed time.
     *
     * @param time the time t_j
     * @param atRisk n_j, subjects with time ≥ t_j
     * @param events d_j, events at t_j
     * @param censored c_j, censorings at t_j
     * @param survival Ŝ(t_j) (1)
     * @param standardError σ(t_j), the standard error of −log Ŝ(t_j) (2), {@code survfit}'s {@code std.err};
     *        +∞ once Ŝ = 0
     * @param lower lower confidence bound (3); NaN once Ŝ = 0
     * @param upper upper confidence bound (3), at most 1; NaN once Ŝ = 0
     */
    public record Step(double time, int atRisk, int events, int censored, double survival, double standardError,
            double lower, double upper) {

        /**
         * Greenwood's variance of Ŝ(t_j), Ŝ²σ²; NaN once Ŝ = 0 (0·∞), as {@code summary.survfit}'s NaN standard
         * error there.
         *
         * @return the variance of the survival estimate
         */
        public double variance() {
            return survival * survival * standardError * standardError;
        }
    }

    /**
     * Median survival time with its confidence interval; NaN where it is not reached.
     *
     * @param estimate the median of Ŝ
     * @param lower the median of the lower confidence curve
     * @param upper the median of the upper confidence curve
     */
    public record Median(double estimate, double lower, double upper) {
    }

    /**
     * The estimated survival curve: one step per distinct observed time, event and censoring times alike.
     *
     * @param steps the steps in increasing order of time
     */
    public record Result(List<Step> steps) {

        /**
         * Copies the steps.
         *
         * @param steps the steps in increasing order of time
         */
        public Result {
            steps = List.copyOf(steps);
        }

        /**
         * Ŝ(t), right-continuous: 1 before the first observed time, the last Ŝ after the last one.
         *
         * @param time any time
         * @return the survival estimate at that time
         * @throws IllegalArgumentException if {@code time} is NaN
         */
        public double survivalAt(double time) {
            int j = StepFunction.lastAtOrBefore(steps, Step::time, time);
            return j < 0 ? 1 : steps.get(j).survival();
        }

        /**
         * The median survival time with its interval, by the rule of {@code quantile.survfit} (class
         * documentation).
         *
         * @return the median; NaN fields where not reached
         */
        public Median median() {
            int m = steps.size();
            double[] times = new double[m];
            double[] estimate = new double[m];
            double[] lower = new double[m];
            double[] upper = new double[m];
            for (int j = 0; j < m; j++) {
                Step step = steps.get(j);
                times[j] = step.time();
                estimate[j] = step.survival();
                lower[j] = step.lower();
                upper[j] = step.upper();
            }
            return new Median(quantile(times, estimate), quantile(times, lower), quantile(times, upper));
        }

        /**
         * The time at which a (possibly non-monotone) survival curve reaches 1 − p = ½, as {@code findq} inside
         * {@code quantile.survfit}: on the points (0, 0), (t_j, 1 − curve_j), keeping the first point of each
         * distinct height and ignoring undefined (NaN) heights, take the lowest point at height ≥ p − tol and the
         * lowest at height ≥ p + tol and average their times; a curve that is flat at p to the end uses the last
         * follow-up time as the second time.
         */
        private static double quantile(double[] times, double[] curve) {
            int m = times.length;
            double[] x = new double[m + 1];
            double[] y = new double[m + 1];
            Set<Double> seen = new HashSet<>(List.of(0.0));
            int kept = 1;
            double highest = 0;
            for (int j = 0; j < m; j++) {
                double height = 1 - curve[j];
                if (!Double.isNaN(height)) {
                    highest = Math.max(highest, height);
                }
                // R's duplicated(): Double.equals, like R, treats NaN as equal to NaN
                if (seen.add(height)) {
                    x[kept] = times[j];
                    y[kept] = height;
                    kept++;
                }
            }
            if (highest < MEDIAN) {
                return Double.NaN;
            }
            int reaching = lowestReaching(y, kept, QUANTILE_TOLERANCE);
            int passing = lowestReaching(y, kept, -QUANTILE_TOLERANCE);
            double lastHeight = y[kept - 1];
            if (!Double.isNaN(lastHeight) && Math.abs(MEDIAN - lastHeight) < QUANTILE_TOLERANCE) {
                return (x[reaching] + times[m - 1]) / 2;
            }
            if (reaching < 0 || passing < 0) {
                return Double.NaN;
            }
            return (x[reaching] + x[passing]) / 2;
        }

        /**
         * Index of the lowest defined height with height + shift ≥ ½; −1 if none. Written as R's {@code approx}
         * compares, so that heights within rounding of ½ fall on the same side as in R.
         */
        private static int lowestReaching(double[] y, int kept, double shift) {
            int best = -1;
            for (int i = 0; i < kept; i++) {
                if (y[i] + shift >= MEDIAN && (best < 0 || y[i] < y[best])) {
                    best = i;
                }
            }
            return best;
        }
    }

    private KaplanMeier(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
        this.z = Arguments.normalQuantile(confidenceLevel);
    }

    /**
     * Returns the estimator with 95% pointwise intervals, {@code survfit}'s default.
     *
     * @return the estimator
     */
    public static KaplanMeier withDefaults() {
        return DEFAULT;
    }

    /**
     * Returns an estimator with intervals at another level.
     *
     * @param level the confidence level, e.g. 0.90
     * @return the estimator
     * @throws IllegalArgumentException unless 0 &lt; level &lt; 1
     */
    public KaplanMeier withConfidenceLevel(double level) {
        return new KaplanMeier(level);
    }

    /**
     * The confidence level of the pointwise intervals and of the median's interval.
     *
     * @return the level, 0.95 by default
     */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * Estimates the survival curve.
     *
     * @param times follow-up time of each subject, e.g. days from infusion
     * @param events {@code true} if the subject had the event at its time, {@code false} if censored there
     * @return the curve
     * @throws IllegalArgumentException if there are no subjects, a time is negative, infinite or NaN, or the arrays
     *         differ in length
     */
    public Result estimate(double[] times, boolean[] events) {
        Arguments.checkTimes(times);
        Arguments.checkSameLength("events", times.length, events.length);
        int[] causes = new int[events.length];
        for (int i = 0; i < events.length; i++) {
            causes[i] = events[i] ? 1 : 0;
        }
        RiskTable table = RiskTable.of(times, causes);
        double[] survival = table.survival();                                // Eq. (1)
        List<Step> steps = new ArrayList<>(table.size());
        double greenwoodSum = 0;
        for (int j = 0; j < table.size(); j++) {
            double n = table.atRisk(j);
            double d = table.events(j);
            greenwoodSum += d / (n * (n - d));                                // Eq. (2); d = n gives +∞
            double sigma = Math.sqrt(greenwoodSum);
            double s = survival[j];
            double lower = Double.NaN;
            double upper = Double.NaN;
            if (s > 0) {
                lower = Math.exp(Math.log(s) - z * sigma);                    // Eq. (3)
                upper = Math.min(Math.exp(Math.log(s) + z * sigma), 1);       // Eq. (3)
            }
            steps.add(new Step(table.time(j), table.atRisk(j), table.events(j), table.censored(j), s, sigma,
                    lower, upper));
        }
        return new Result(steps);
    }
}
