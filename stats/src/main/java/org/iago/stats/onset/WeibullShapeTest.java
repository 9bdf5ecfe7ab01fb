package org.iago.stats.onset;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Weibull shape parameter (WSP) test of the time to onset of an adverse event (Cornelius, Sauzet &amp; Evans 2012
 * [1]): fits a two-parameter Weibull distribution to onset times by maximum likelihood and asks whether the hazard
 * falls (early failure), stays constant (random failure) or rises (wear-out) with time since the start of therapy.
 * A hazard that is not constant suggests the event is tied to the drug rather than background.
 *
 * <p>With onset times tᵢ &gt; 0 in days, d of them events and the rest right-censored, Weibull shape ν and
 * scale λ (survival S(t) = exp[−(t/λ)<sup>ν</sup>]), and confidence level 1 − α:
 * <pre>
 *   (1)  ℓ(ν, λ) = Σ_events [ln ν − ν ln λ + (ν − 1) ln tᵢ] − Σ_all (tᵢ/λ)^ν
 *   (2)  ν̂ solves  Σ_all tᵢ^ν ln tᵢ / Σ_all tᵢ^ν − 1/ν − (1/d) Σ_events ln tᵢ = 0
 *   (3)  λ̂ = (Σ_all tᵢ^ν̂ / d)^(1/ν̂)
 *   (4)  Var(ln ν̂) = A / [A (B + C − Σ_events zᵢ) − (A − d + B)²],   zᵢ = ν̂ (ln tᵢ − ln λ̂),
 *        A = Σ_all e^zᵢ,   B = Σ_all zᵢ e^zᵢ,   C = Σ_all zᵢ² e^zᵢ
 *   (5)  lower, upper = ν̂ · exp(∓ z · SE),   SE = √Var from (4),   z = Φ⁻¹(1 − α/2)
 *   (6)  p = 2 Φ(−|ln ν̂| / SE)    (Wald test of ν = 1)
 *   (7)  EARLY if upper &lt; 1;  WEAR_OUT if lower &gt; 1;  RANDOM otherwise (the interval contains 1)
 * </pre>
 * (1) is the log-likelihood on the time scale. (2) is its score in ν after λ is profiled out; its left side
 * increases strictly with ν, so it has one root, found by Brent's method to about 1e-15 relative. (4) is the
 * (ln σ, ln σ) element of the inverse of the observed information of the log-time model
 * ln t = μ + σW (W standard minimum extreme value, μ = ln λ, σ = 1/ν) in the parameters (μ, ln σ), and
 * Var(ln ν̂) = Var(ln σ̂) because ln ν = −ln σ; (5) is therefore the Wald interval on ln ν mapped back, and the
 * classification (7) is the WSP test of [1] at level α. Equation numbers in the code refer to this list.
 *
 * <p>Agreement with R: {@code survreg(Surv(t, event) ~ 1, dist = "weibull")} (survival 3.5.3) reports σ̂ as
 * {@code scale}, μ̂ as the intercept and the variance of ln σ̂ in
 * {@code vcov(fit)["Log(scale)", "Log(scale)"]}; ν̂ = 1/σ̂, λ̂ = exp(μ̂), the bounds (5) are exp(−(ln σ̂ ± z·SE))
 * and (6) is survreg's p for {@code Log(scale)}. The tests match shape, scale, log-likelihood, SE, bounds and p to
 * 1e-6 relative (they agree to about 1e-13).
 *
 * <p>Onset on day 0. Spontaneous reports and registries record onset in whole days, so an event on the day therapy
 * started has onset 0, where the Weibull log-likelihood is undefined. The default, {@link ZeroOnset#HALF_DAY},
 * replaces 0 by 0.5 day, the midpoint of the day on which the event happened. Excluding day-0 onsets
 * ({@link ZeroOnset#EXCLUDE}) throws away the earliest events and biases ν̂ upwards, towards a wear-out pattern: in
 * the committed early-failure fixture (11 of 60 onsets on day 0) ν̂ is 0.71 (0.58–0.87, EARLY) with half a day and
 * 0.90 (0.73–1.12, RANDOM) with the zeros excluded. {@link ZeroOnset#REJECT} makes a day-0 time an error, for
 * data recorded on a continuous scale. Whatever the option, {@link Result#zeroDays()} says how many there were.
 *
 * <p>Double WSP test ({@link #testDouble}, Sauzet &amp; Cornelius 2022 [2]): the test is repeated on the same data
 * censored at half the observation period P (every time above P/2 becomes a censored time P/2), and a signal is
 * raised if either test rejects ν = 1. A Weibull hazard is monotone, so one fit can miss events clustered around
 * some time after the start (a hazard that rises, then falls); the fit censored at P/2 sees the rise. Its authors'
 * simulations [3] recommend testing at 1% ({@code withConfidenceLevel(0.99)}) in hypothesis-free screening.
 * Difference: the authors' R code censors at ⌈P/2⌉ days, this class at P/2 exactly; the two differ only when P is an
 * odd number of days.
 *
 * <p>Sample size: the interval (5) is asymptotic and the test has little power with few events; the WSP authors'
 * simulations [3] need about 30 events for 80% power in their most favourable scenario. A caller should require a
 * minimum number of events before acting on the classification; this class does not impose one.
 *
 * <p>When the maximum likelihood estimate does not exist. ν̂ is finite if and only if there is at least one event
 * and some event time is shorter than the longest time (event or censored). Otherwise — one observation, all onset
 * times equal, or every event at the longest follow-up time — the likelihood grows without bound as ν → ∞, and
 * {@link #test} throws {@link IllegalArgumentException} saying which case applies; {@link #testDouble} returns no
 * half-period result when only the censored data are affected.
 *
 * <p>Caveat for spontaneous reports: onset times from a reporting database are right-truncated (events that will
 * happen after the data cut-off are missing), which biases a naive fit towards early onset (Leroy et al. 2014 [4]).
 * Say so when reporting a WSP test on FAERS data; a censored cohort (registry, health records) does not have this
 * problem. The median and quartiles of {@link Result#onsetDays()} describe the recorded onset days of the events
 * that entered the fit (day 0 stays 0; R's default quantile, type 7).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>References:
 * <ol>
 *   <li>Cornelius VR, Sauzet O, Evans SJW. A signal detection method to detect adverse drug reactions using a
 *       parametric time-to-event model in simulated cohort data. Drug Saf. 2012;35(7):599–610.
 *       doi:10.1007/BF03261957</li>
 *   <li>Sauzet O, Cornelius V. Generalised Weibull model-based approaches to detect non-constant hazard to signal
 *       adverse drug reactions in longitudinal data. Front Pharmacol. 2022;13:889088.
 *       doi:10.3389/fphar.2022.889088</li>
 *   <li>Sauzet O, Dyck J, Cornelius V. Optimal p-values and sample size for signal detection methods based on
 *       generalised Weibull distributions. arXiv:2310.20573 (2023).</li>
 *   <li>Leroy F, Dauxois JY, Théophile H, Haramburu F, Tubert-Bitter P. Estimating time-to-onset of adverse drug
 *       reactions from spontaneous reporting databases. BMC Med Res Methodol. 2014;14:17.
 *       doi:10.1186/1471-2288-14-17</li>
 *   <li>Therneau TM. A Package for Survival Analysis in R, function {@code survreg}, survival 3.5.3.</li>
 * </ol>
 */
public final class WeibullShapeTest {

    private static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    /** No random generator: only quantiles and probabilities are used. */
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** Declared after STANDARD_NORMAL, which its constructor uses. */
    private static final WeibullShapeTest DEFAULT = new WeibullShapeTest(ZeroOnset.HALF_DAY, DEFAULT_CONFIDENCE_LEVEL);

    /** The day-0 replacement of {@link ZeroOnset#HALF_DAY}. */
    private static final double HALF_DAY = 0.5;

    /** Brent stops at this relative width in ν: the score (2) is not computed more accurately than this. */
    private static final double SHAPE_RELATIVE_ACCURACY = 1e-15;
    private static final int SHAPE_MAX_EVALUATIONS = 1_000;

    private final ZeroOnset zeroOnset;
    private final double confidenceLevel;
    /** Φ⁻¹(1 − α/2) of the confidence level. */
    private final double z;

    /** What to do with a time of 0 days (an event on the day therapy started). */
    public enum ZeroOnset {
        /** Replace 0 by 0.5 day, the midpoint of the day of onset (default). */
        HALF_DAY,
        /** Leave day-0 observations out of the fit. */
        EXCLUDE,
        /** Throw {@link IllegalArgumentException}. */
        REJECT
    }

    /** The shape of the hazard over time since the start of therapy, from the confidence interval of ν (7). */
    public enum HazardPattern {
        /** Upper bound &lt; 1: the hazard falls with time, events cluster soon after the start. */
        EARLY,
        /** The interval contains 1: no evidence against a constant hazard. */
        RANDOM,
        /** Lower bound &gt; 1: the hazard rises with time. */
        WEAR_OUT
    }

    /**
     * Descriptive quartiles (R type 7) of the recorded onset days of the events in the fit.
     *
     * @param lowerQuartile 25th percentile
     * @param median 50th percentile
     * @param upperQuartile 75th percentile
     */
    public record OnsetQuartiles(double lowerQuartile, double median, double upperQuartile) {

        /**
         * @return upperQuartile − lowerQuartile
         */
        public double interquartileRange() {
            return upperQuartile - lowerQuartile;
        }
    }

    /**
     * One Weibull fit and its shape test.
     *
     * @param observations times in the fit, events and censored (after day-0 handling)
     * @param events events in the fit (d)
     * @param zeroDays times recorded as day 0, replaced or excluded according to {@link ZeroOnset}
     * @param shape maximum likelihood estimate ν̂ (2)
     * @param shapeLower lower confidence bound for ν (5)
     * @param shapeUpper upper confidence bound for ν (5)
     * @param standardErrorLogShape standard error of ln ν̂ from the observed information (4)
     * @param pValue two-sided Wald p-value for ν = 1 (6)
     * @param scale maximum likelihood estimate λ̂ in days (3)
     * @param logLikelihood maximized log-likelihood (1), on the time scale as survreg reports it
     * @param onsetDays median and quartiles of the recorded onset days of the events
     * @param hazard the classification (7)
     */
    public record Result(int observations, int events, int zeroDays, double shape, double shapeLower,
            double shapeUpper, double standardErrorLogShape, double pValue, double scale, double logLikelihood,
            OnsetQuartiles onsetDays, HazardPattern hazard) {
    }

    /**
     * The double WSP test [2].
     *
     * @param fullPeriod the test on all data
     * @param halfPeriod the test on the data censored at half the observation period; empty when the maximum
     *                   likelihood estimate does not exist for them (e.g. fewer than two events before P/2)
     * @param observationPeriod P, in days
     * @param signal whether either test rejects ν = 1 (its hazard is not {@link HazardPattern#RANDOM})
     */
    public record DoubleResult(Result fullPeriod, Optional<Result> halfPeriod, double observationPeriod,
            boolean signal) {
    }

    /** Observations ready for fitting: times &gt; 0, event flags and the onset days as recorded. */
    private record Sample(double[] time, boolean[] event, double[] recorded, int zeroDays) {

        int events() {
            int d = 0;
            for (boolean e : event) {
                d += e ? 1 : 0;
            }
            return d;
        }
    }

    private WeibullShapeTest(ZeroOnset zeroOnset, double confidenceLevel) {
        this.zeroOnset = zeroOnset;
        this.confidenceLevel = confidenceLevel;
        this.z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }

    /**
     * Day-0 onsets as half a day, 95% confidence interval (test at 5%).
     *
     * @return the test
     */
    public static WeibullShapeTest withDefaults() {
        return DEFAULT;
    }

    /**
     * @param zeroOnset what to do with a time of 0 days
     * @return a copy with this handling of day-0 times
     */
    public WeibullShapeTest withZeroOnset(ZeroOnset zeroOnset) {
        if (zeroOnset == null) {
            throw new IllegalArgumentException("zeroOnset must not be null");
        }
        return new WeibullShapeTest(zeroOnset, confidenceLevel);
    }

    /**
     * @param confidenceLevel 1 − α of the interval for ν, in (0, 1); the test is at level α
     * @return a copy with this confidence level
     * @throws IllegalArgumentException if confidenceLevel is not in (0, 1)
     */
    public WeibullShapeTest withConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confidenceLevel);
        }
        return new WeibullShapeTest(zeroOnset, confidenceLevel);
    }

    /**
     * Tests onset times that are all events (e.g. days from start of therapy to the event in spontaneous reports).
     *
     * @param onsetDays onset times in days, finite and ≥ 0
     * @return the result
     * @throws IllegalArgumentException if there is no onset time, a time is negative, infinite or NaN, a time is 0
     *         under {@link ZeroOnset#REJECT}, or the maximum likelihood estimate does not exist (see the class
     *         documentation)
     */
    public Result test(double[] onsetDays) {
        return test(onsetDays, allEvents(onsetDays.length));
    }

    /**
     * Tests right-censored times: {@code event[i]} false means follow-up ended at {@code days[i]} without the event.
     *
     * @param days times in days, finite and ≥ 0
     * @param event whether each time is an event (true) or censored (false)
     * @return the result
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a time is negative, infinite or
     *         NaN, a time is 0 under {@link ZeroOnset#REJECT}, or the maximum likelihood estimate does not exist
     */
    public Result test(double[] days, boolean[] event) {
        Sample sample = prepare(days, event);
        String reason = whyNoEstimate(sample);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        return fit(sample);
    }

    /**
     * The double WSP test of onset times that are all events, observed over a period of P days.
     *
     * @param onsetDays onset times in days, finite, ≥ 0 and ≤ P
     * @param observationPeriod P in days, finite and &gt; 0
     * @return the result
     * @throws IllegalArgumentException as {@link #test(double[])}, or if P is not finite and positive or a time
     *         exceeds it
     */
    public DoubleResult testDouble(double[] onsetDays, double observationPeriod) {
        return testDouble(onsetDays, allEvents(onsetDays.length), observationPeriod);
    }

    /**
     * The double WSP test of right-censored times observed over a period of P days.
     *
     * @param days times in days, finite, ≥ 0 and ≤ P
     * @param event whether each time is an event (true) or censored (false)
     * @param observationPeriod P in days, finite and &gt; 0
     * @return the result
     * @throws IllegalArgumentException as {@link #test(double[], boolean[])}, or if P is not finite and positive or a
     *         time exceeds it
     */
    public DoubleResult testDouble(double[] days, boolean[] event, double observationPeriod) {
        if (!(observationPeriod > 0) || Double.isInfinite(observationPeriod)) {
            throw new IllegalArgumentException("observation period must be finite and positive: " + observationPeriod);
        }
        for (double day : days) {
            if (day > observationPeriod) {
                throw new IllegalArgumentException("time " + day + " is after the observation period "
                        + observationPeriod);
            }
        }
        Result full = test(days, event);
        Sample half = censorAt(prepare(days, event), observationPeriod / 2);
        Optional<Result> halfPeriod = whyNoEstimate(half) == null ? Optional.of(fit(half)) : Optional.empty();
        boolean signal = full.hazard() != HazardPattern.RANDOM
                || halfPeriod.map(r -> r.hazard() != HazardPattern.RANDOM).orElse(false);
        return new DoubleResult(full, halfPeriod, observationPeriod, signal);
    }

    private static boolean[] allEvents(int n) {
        boolean[] event = new boolean[n];
        Arrays.fill(event, true);
        return event;
    }

    private Sample prepare(double[] days, boolean[] event) {
        if (days.length != event.length) {
            throw new IllegalArgumentException(days.length + " times but " + event.length + " event flags");
        }
        if (days.length == 0) {
            throw new IllegalArgumentException("no onset times");
        }
        int zeroDays = 0;
        int kept = 0;
        double[] time = new double[days.length];
        boolean[] isEvent = new boolean[days.length];
        double[] recorded = new double[days.length];
        for (int i = 0; i < days.length; i++) {
            double day = days[i];
            if (!(day >= 0) || Double.isInfinite(day)) {
                throw new IllegalArgumentException("time " + i + " must be finite and non-negative: " + day);
            }
            if (day == 0) {
                zeroDays++;
                if (zeroOnset == ZeroOnset.REJECT) {
                    throw new IllegalArgumentException("time " + i + " is 0 days (zero onsets are rejected)");
                }
                if (zeroOnset == ZeroOnset.EXCLUDE) {
                    continue;
                }
            }
            time[kept] = day == 0 ? HALF_DAY : day;
            isEvent[kept] = event[i];
            recorded[kept] = day;
            kept++;
        }
        return new Sample(Arrays.copyOf(time, kept), Arrays.copyOf(isEvent, kept), Arrays.copyOf(recorded, kept),
                zeroDays);
    }

    /** Every time above the limit becomes a censored time at the limit. */
    private static Sample censorAt(Sample sample, double limit) {
        double[] time = sample.time().clone();
        boolean[] event = sample.event().clone();
        for (int i = 0; i < time.length; i++) {
            if (time[i] > limit) {
                time[i] = limit;
                event[i] = false;
            }
        }
        return new Sample(time, event, sample.recorded(), sample.zeroDays());
    }

    /** Null when ν̂ exists, else why not: the left side of (2) then stays below 0 as ν → ∞. */
    private static String whyNoEstimate(Sample sample) {
        int n = sample.time().length;
        if (n == 0) {
            return "no onset times left after excluding " + sample.zeroDays() + " day-0 times";
        }
        if (sample.events() == 0) {
            return "no events among " + n + " times: the Weibull fit needs at least one";
        }
        if (n == 1) {
            return "a single onset time: the Weibull shape cannot be estimated (the likelihood grows as shape → ∞)";
        }
        double longest = Arrays.stream(sample.time()).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            if (sample.event()[i] && sample.time()[i] < longest) {
                return null;
            }
        }
        return "every event time equals the longest time, " + longest + " days: the Weibull shape cannot be"
                + " estimated (the likelihood grows as shape → ∞)";
    }

    private Result fit(Sample sample) {
        double[] time = sample.time();
        boolean[] event = sample.event();
        int n = time.length;
        int d = sample.events();

        // log-times relative to the longest, x ≤ 0, so that e^{νx} never overflows; (2) is unchanged by the shift
        double logLongest = Math.log(Arrays.stream(time).max().orElseThrow());
        double[] x = new double[n];
        double meanEventX = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(time[i]) - logLongest;
            if (event[i]) {
                meanEventX += x[i] / d;
            }
        }
        double shape = solveShape(x, meanEventX);                                          // Eq. (2)

        double sumWeights = 0;
        for (double xi : x) {
            sumWeights += Math.exp(shape * xi);
        }
        double logScale = logLongest + Math.log(sumWeights / d) / shape;                   // Eq. (3)

        double a = 0;
        double b = 0;
        double c = 0;
        double sumEventZ = 0;
        double sumEventLogTime = 0;
        for (int i = 0; i < n; i++) {
            double zi = shape * (Math.log(time[i]) - logScale);
            double ezi = Math.exp(zi);
            a += ezi;
            b += zi * ezi;
            c += zi * zi * ezi;
            if (event[i]) {
                sumEventZ += zi;
                sumEventLogTime += Math.log(time[i]);
            }
        }
        // ℓ = Σ_events (ln ν + z_i − ln t_i) − Σ_all e^{z_i}, (1) written with z_i
        double logLikelihood = d * Math.log(shape) + sumEventZ - sumEventLogTime - a;      // Eq. (1)
        double varianceLogShape = a / (a * (b + c - sumEventZ) - (a - d + b) * (a - d + b)); // Eq. (4)
        double se = Math.sqrt(varianceLogShape);
        double lower = shape * Math.exp(-z * se);                                          // Eq. (5)
        double upper = shape * Math.exp(z * se);                                           // Eq. (5)
        double p = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(Math.log(shape)) / se); // Eq. (6)
        HazardPattern hazard = upper < 1 ? HazardPattern.EARLY
                : lower > 1 ? HazardPattern.WEAR_OUT : HazardPattern.RANDOM;               // Eq. (7)

        return new Result(n, d, sample.zeroDays(), shape, lower, upper, se, p, Math.exp(logScale), logLikelihood,
                quartiles(sample), hazard);
    }

    /**
     * The root of the left side of (2), which rises from −∞ (ν → 0) to a positive limit (ν → ∞) when ν̂ exists;
     * bracketed by halving or doubling from ν = 1.
     */
    private static double solveShape(double[] x, double meanEventX) {
        UnivariateFunction score = shape -> {
            double weights = 0;
            double weightedX = 0;
            for (double xi : x) {
                double w = Math.exp(shape * xi);
                weights += w;
                weightedX += w * xi;
            }
            return weightedX / weights - 1 / shape - meanEventX;
        };
        double lower = 1;
        double upper = 1;
        if (score.value(1) < 0) {
            while (score.value(upper) < 0) {
                lower = upper;
                upper *= 2;
            }
        } else {
            while (score.value(lower) >= 0) {
                upper = lower;
                lower /= 2;
            }
        }
        if (score.value(upper) == 0) {
            return upper;
        }
        // a solver keeps per-call state, so each fit gets its own
        return new BrentSolver(SHAPE_RELATIVE_ACCURACY, Double.MIN_NORMAL)
                .solve(SHAPE_MAX_EVALUATIONS, score, lower, upper);
    }

    /** R's default quantile (type 7) of the recorded days of the events. */
    private static OnsetQuartiles quartiles(Sample sample) {
        double[] onset = new double[sample.events()];
        int k = 0;
        for (int i = 0; i < sample.time().length; i++) {
            if (sample.event()[i]) {
                onset[k++] = sample.recorded()[i];
            }
        }
        Arrays.sort(onset);
        return new OnsetQuartiles(quantile(onset, 0.25), quantile(onset, 0.5), quantile(onset, 0.75));
    }

    private static double quantile(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
