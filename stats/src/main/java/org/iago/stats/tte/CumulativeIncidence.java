package org.iago.stats.tte;

import java.util.ArrayList;
import java.util.List;

/**
 * Aalen–Johansen estimate of the cumulative incidence function (CIF) of each cause in competing-risks follow-up,
 * e.g. a toxicity (cause 1) with death without it (cause 2) as the competing event (Aalen &amp; Johansen 1978 [1];
 * Kalbfleisch &amp; Prentice [2]), with the variance of R's {@code cmprsk::cuminc} (Aalen 1978 [3]; Gray [4]) and a
 * pointwise log(−log) confidence interval (Choudhury 2002 [5]).
 *
 * <p>With t_1 &lt; … &lt; t_m the distinct observed times, n_j at risk at t_j (time ≥ t_j), d_kj events of cause k,
 * d_j = Σ_k d_kj events of any cause, Ŝ the all-cause Kaplan–Meier estimate (Ŝ(t_0) = 1) and F_j = F̂_k(t_j):
 * <pre>
 *   (1)  F̂_k(t_j) = Σ_{i ≤ j} Ŝ(t_{i−1}) d_ki / n_i
 *   (2)  w(d, n) = Ŝ(t_{i−1})² · d/n_i² · (n_i − d)/(n_i − 1) if d &gt; 1,   Ŝ(t_{i−1})² · d/n_i² if d ≤ 1
 *   (3)  Var F̂_k(t) = Σ_{t_i ≤ t} w(d_ki, n_i) · [1 − (F̂_k(t) − F_i)/Ŝ(t_i)]²
 *                  + Σ_{t_i ≤ t} w(d_i − d_ki, n_i) · [(F̂_k(t) − F_i)/Ŝ(t_i)]²
 *   (4)  lower, upper = F̂^exp(∓ z·√Var / (F̂ log F̂)),   z = Φ⁻¹(1 − (1 − level)/2)
 * </pre>
 * (1) is CIF_k(t) = Σ_{t_j ≤ t} S(t_j−)·d_kj/n_j with the Kaplan–Meier Ŝ put in for S: the Aalen–Johansen
 * estimator for one event-free state and one absorbing state per cause [1, 2]. (3) is the delta-method variance
 * that {@code cuminc} reports in {@code $var}, with its tie correction (n − d)/(n − 1) in (2) applied only when
 * d &gt; 1; it is computed in one pass as V₁ − 2F̂V₂ + F̂²V₃ by expanding the squares. (4) transforms by
 * log(−log F̂), which keeps the bounds inside (0, 1) [5]; {@code cuminc} itself gives no interval, so (4) is tested
 * against the same formula evaluated in R (tidycmprsk documents the same interval). Equation numbers in the code
 * refer to this list.
 *
 * <p>Each cause's curve has a step at every distinct observed time (events of any cause and censorings), on the same
 * grid as {@link KaplanMeier}, so that Σ_k F̂_k(t) + Ŝ(t) = 1 can be read off step by step. The estimate and its
 * variance change only at times with an event of the cause itself: at any other time the new terms of (3) vanish
 * because F̂_k(t) = F_i there, and the variance carries over, as in {@code cuminc}, which lists only those jump
 * times. The estimates equal the Aalen–Johansen state probabilities of R's
 * {@code survfit(Surv(time, factor(status)) ~ 1)}; that function's variance (infinitesimal jackknife) differs from
 * (3) and is not reproduced.
 *
 * <p>Special cases:
 * <ul>
 *   <li>A cause without events, or any cause before its first event: F̂ = 0, variance 0, interval [0, 0].
 *       ({@code cuminc} stops with an error when no subject has an event; here every curve is 0.)</li>
 *   <li>F̂_k = 1 (every subject failed of cause k): (4) is undefined and both bounds are NaN.</li>
 *   <li>Ŝ(t_i) = 0 (no subject left after t_i): the ratio in (3) is taken as 0, as in {@code cuminc}; F̂ cannot move
 *       after t_i. A single subject failing of cause k therefore has variance w(1, 1) = 1.</li>
 *   <li>Ties follow {@code cuminc}: all events at t_i, of every cause, use the same n_i and Ŝ(t_{i−1}); censorings at
 *       t_i are still at risk at t_i. Times of zero are ordinary times.</li>
 * </ul>
 *
 * <p>References:
 * <ol>
 *   <li>Aalen OO, Johansen S. An empirical transition matrix for non-homogeneous Markov chains based on censored
 *       observations. Scand J Stat. 1978;5(3):141–150.</li>
 *   <li>Kalbfleisch JD, Prentice RL. The Statistical Analysis of Failure Time Data. New York: Wiley; 1980:168–169
 *       (the pages {@code cuminc} cites). 2nd ed. 2002: doi:10.1002/9781118032985</li>
 *   <li>Aalen O. Nonparametric estimation of partial transition probabilities in multiple decrement models.
 *       Ann Stat. 1978;6(3):534–545. doi:10.1214/aos/1176344198</li>
 *   <li>Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing risk. Ann Stat.
 *       1988;16(3):1141–1154. doi:10.1214/aos/1176350951 (R package cmprsk 2.2-11, {@code cuminc})</li>
 *   <li>Choudhury JB. Non-parametric confidence interval estimation for competing risks analysis: application to
 *       contraceptive data. Stat Med. 2002;21(8):1129–1144. doi:10.1002/sim.1070</li>
 * </ol>
 */
public final class CumulativeIncidence {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    private static final CumulativeIncidence DEFAULT = new CumulativeIncidence(DEFAULT_CONFIDENCE_LEVEL);

    private final double confidenceLevel;
    /** z of (4). */
    private final double z;

    /**
     * The estimate of one cause's CIF at one distinct observed time.
     *
     * @param time the time t_j
     * @param atRisk n_j, subjects with time ≥ t_j
     * @param events d_kj, events of this cause at t_j
     * @param estimate F̂_k(t_j) (1)
     * @param variance its variance (3), {@code cuminc}'s {@code var}
     * @param lower lower confidence bound (4)
     * @param upper upper confidence bound (4)
     */
    public record Step(double time, int atRisk, int events, double estimate, double variance, double lower,
            double upper) {
    }

    /**
     * The CIF of one cause: one step per distinct observed time.
     *
     * @param cause the cause k
     * @param steps the steps in increasing order of time
     */
    public record Curve(int cause, List<Step> steps) {

        /**
         * Copies the steps.
         *
         * @param cause the cause k
         * @param steps the steps in increasing order of time
         */
        public Curve {
            steps = List.copyOf(steps);
        }

        /**
         * F̂_k(t), right-continuous: 0 before the first observed time, the last value after the last one.
         *
         * @param time any time
         * @return the cumulative incidence at that time
         * @throws IllegalArgumentException if {@code time} is NaN
         */
        public double at(double time) {
            int j = StepFunction.lastAtOrBefore(steps, Step::time, time);
            return j < 0 ? 0 : steps.get(j).estimate();
        }
    }

    /** The estimates for one data set: a curve for every cause k ≥ 1, computed when asked for. */
    public static final class Result {

        private final RiskTable table;
        private final double[] survival;
        private final double z;

        private Result(RiskTable table, double z) {
            this.table = table;
            this.survival = table.survival();
            this.z = z;
        }

        /**
         * The causes with at least one event, in increasing order; {@code cuminc} reports these.
         *
         * @return the observed causes
         */
        public List<Integer> causes() {
            return table.causes();
        }

        /**
         * The CIF of one cause; identically 0 for a cause without events (e.g. no death in one product's group).
         *
         * @param cause the cause k ≥ 1
         * @return its curve
         * @throws IllegalArgumentException if {@code cause} &lt; 1
         */
        public Curve curve(int cause) {
            Arguments.checkCause(cause);
            List<Step> steps = new ArrayList<>(table.size());
            double survivalBefore = 1;
            double incidence = 0;
            // sums of w·b², w·a·b and w·a² over the terms of (3), each written as w·(b − a·F̂)²
            double v1 = 0;
            double v2 = 0;
            double v3 = 0;
            double variance = 0;
            for (int j = 0; j < table.size(); j++) {
                int n = table.atRisk(j);
                int ownEvents = table.events(cause, j);
                int otherEvents = table.events(j) - ownEvents;
                double survivalAfter = survival[j];
                incidence += survivalBefore * ownEvents / n;                              // Eq. (1)
                double a = survivalAfter > 0 ? 1 / survivalAfter : 0;
                if (otherEvents > 0 && survivalAfter > 0) {
                    double w = weight(survivalBefore, otherEvents, n);                     // Eq. (2)
                    double b = incidence * a;
                    v1 += w * b * b;
                    v2 += w * a * b;
                    v3 += w * a * a;
                }
                if (ownEvents > 0) {
                    double w = weight(survivalBefore, ownEvents, n);                       // Eq. (2)
                    double b = 1 + incidence * a;
                    v1 += w * b * b;
                    v2 += w * a * b;
                    v3 += w * a * a;
                    variance = v1 - 2 * incidence * v2 + incidence * incidence * v3;       // Eq. (3)
                }
                steps.add(new Step(table.time(j), n, ownEvents, incidence, variance,
                        bound(incidence, variance, -z), bound(incidence, variance, z)));
                survivalBefore = survivalAfter;
            }
            return new Curve(cause, steps);
        }

        /** w(d, n) of (2): the jump's binomial variance with {@code cuminc}'s tie correction. */
        private static double weight(double survivalBefore, int events, int atRisk) {
            double ties = events > 1 ? (atRisk - events) / (atRisk - 1.0) : 1;
            return survivalBefore * survivalBefore * ties * events / ((double) atRisk * atRisk);
        }

        /** Eq. (4): F̂^exp(±z·√Var/(F̂ log F̂)); the sign of {@code signedZ} picks the bound. */
        private static double bound(double estimate, double variance, double signedZ) {
            if (estimate == 0) {
                return 0;
            }
            if (estimate == 1) {
                return Double.NaN;
            }
            return Math.pow(estimate, Math.exp(signedZ * Math.sqrt(variance) / (estimate * Math.log(estimate))));
        }
    }

    private CumulativeIncidence(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
        this.z = Arguments.normalQuantile(confidenceLevel);
    }

    /**
     * Returns the estimator with 95% pointwise intervals.
     *
     * @return the estimator
     */
    public static CumulativeIncidence withDefaults() {
        return DEFAULT;
    }

    /**
     * Returns an estimator with intervals at another level.
     *
     * @param level the confidence level, e.g. 0.90
     * @return the estimator
     * @throws IllegalArgumentException unless 0 &lt; level &lt; 1
     */
    public CumulativeIncidence withConfidenceLevel(double level) {
        return new CumulativeIncidence(level);
    }

    /**
     * The confidence level of the pointwise intervals.
     *
     * @return the level, 0.95 by default
     */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * Estimates the CIFs.
     *
     * @param times follow-up time of each subject, e.g. days from infusion
     * @param causes status of each subject: 0 if censored at its time, k ≥ 1 for an event of cause k
     * @return the estimates, one curve per cause on request
     * @throws IllegalArgumentException if there are no subjects, a time is negative, infinite or NaN, a cause is
     *         negative, or the arrays differ in length
     */
    public Result estimate(double[] times, int[] causes) {
        Arguments.checkTimes(times);
        Arguments.checkSameLength("causes", times.length, causes.length);
        Arguments.checkCauses(causes);
        return new Result(RiskTable.of(times, causes), z);
    }
}
