package org.iago.stats.mgps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.special.Gamma;

/**
 * Maximum marginal likelihood estimation of the MGPS hyperparameters θ = (α<sub>1</sub>, β<sub>1</sub>,
 * α<sub>2</sub>, β<sub>2</sub>, P) (DuMouchel 1999). Given λ, N ~ Poisson(λE); integrating λ over the gamma mixture
 * prior makes N a mixture of two negative binomials f<sub>k</sub>(N) = NB(N; size α<sub>k</sub>, prob
 * β<sub>k</sub>/(β<sub>k</sub> + E)) (Eq. 5, 1999). Only pairs with N ≥ N* are fitted (N* = 1 by default, since the
 * zero cells of a large table are not enumerated), so each component is truncated at N* as openEBGM's
 * {@code negLL}/{@code negLLsquash} do, and the estimator minimises
 *
 * <pre>
 *   −ℓ(θ) = −Σ_i w_i · ln[ P·f1(N_i)/(1 − F1(N* − 1)) + (1 − P)·f2(N_i)/(1 − F2(N* − 1)) ]
 * </pre>
 *
 * <p>over the (possibly squashed, see {@link Squashing}) points (N<sub>i</sub>, E<sub>i</sub>, w<sub>i</sub>), with
 * F<sub>k</sub> the component CDFs (DuMouchel &amp; Pregibon 2001).
 *
 * <p>Optimisation follows openEBGM's {@code autoHyper}: several starts are optimised independently; among those that
 * converge (inside the search box or on it) the one with the smallest −ℓ is the candidate, and it is accepted only if at
 * least one other converged start lands within autoHyper's default tolerances of it (|Δα<sub>1</sub>| &lt; 0.05,
 * |Δβ<sub>1</sub>| &lt; 0.05, |Δα<sub>2</sub>| &lt; 0.2, |Δβ<sub>2</sub>| &lt; 0.2, |ΔP| &lt; 0.025). Otherwise
 * {@link #fit} throws. The default starts are the three of openEBGM's hyperparameter vignette, the first being the
 * customary (0.2, 0.1, 2, 4, 1/3), plus (0.1, 0.1, 10, 10, 0.2) from the autoHyper examples.
 *
 * <p>Differences from openEBGM, none of which changes the optimum:
 * <ul>
 *   <li>Each start is optimised with BOBYQA (Powell 2009, derivative-free, quadratic models) on the unconstrained
 *       scale (ln α<sub>k</sub>, ln β<sub>k</sub>, logit P) instead of nlminb/nlm/BFGS on θ itself, so no step can
 *       leave the parameter space. The box ln α<sub>k</sub>, ln β<sub>k</sub> ∈ [ln 10<sup>−6</sup>, ln 100],
 *       logit P ∈ [−20, 20] plays the role of autoHyper's {@code param_limit = 100}. A start that ends on the box
 *       has found the maximum within it, as a bounded optimiser does; this happens when a prior component
 *       concentrates ever more sharply (data where nearly every pair sits at its expectation), and the fit says so
 *       ({@link MgpsFit#onBoundary()}) rather than failing.</li>
 *   <li>Only converged starts count towards agreement (autoHyper also compares with non-converged ones).</li>
 *   <li>The starts are optimised two at a time, in their order, and the next two only while no two converged starts
 *       agree on the best estimate so far: when the first two agree (as on CAERS and on the synthetic tables of
 *       MgpsCostProbe, where all four starts end within 10<sup>−6</sup> of each other in −ℓ), the other two would
 *       only have confirmed it, and the fit takes half the time.</li>
 *   <li>The mixture is evaluated as a log-sum-exp and the truncation 1 − F(0) = 1 − p<sup>α</sup> with expm1,
 *       so that points with tiny E (where 1 − F(0) ≈ αE/β) keep full precision.</li>
 * </ul>
 *
 * <p>The two starts of a round are optimised in parallel (the common fork-join pool). Immutable; {@link #fit} may be
 * called concurrently.
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
 *       <i>The R Journal</i> 9(2):499–519. doi:10.32614/RJ-2017-063 (functions {@code negLL},
 *       {@code negLLsquash}, {@code exploreHypers}, {@code autoHyper} of openEBGM 0.9.1)</li>
 *   <li>Powell MJD (2009). The BOBYQA algorithm for bound constrained optimization without derivatives. Report
 *       DAMTP 2009/NA06, University of Cambridge.</li>
 * </ol>
 */
public final class MgpsEstimator {

    /** openEBGM's vignette starts, then the extra start of its autoHyper examples. */
    public static final List<MgpsPrior> DEFAULT_STARTS = List.of(
            new MgpsPrior(0.2, 0.1, 2, 4, 1.0 / 3),
            new MgpsPrior(0.1, 0.2, 10, 10, 0.2),
            new MgpsPrior(0.3, 0.5, 6, 6, 0.5),
            new MgpsPrior(0.1, 0.1, 10, 10, 0.2));

    /** Starts optimised side by side before agreement is checked. */
    private static final int STARTS_PER_ROUND = 2;
    /** autoHyper's default {@code tol}: α1, β1, α2, β2, P. */
    private static final double[] AGREEMENT_TOLERANCE = {0.05, 0.05, 0.2, 0.2, 0.025};
    private static final double LOG_PARAMETER_MIN = Math.log(1e-6);
    private static final double LOG_PARAMETER_MAX = Math.log(100);
    private static final double LOGIT_MAX = 20;
    /** The search box on the scale (ln α1, ln β1, ln α2, ln β2, logit P). */
    private static final double[] LOWER =
            {LOG_PARAMETER_MIN, LOG_PARAMETER_MIN, LOG_PARAMETER_MIN, LOG_PARAMETER_MIN, -LOGIT_MAX};
    private static final double[] UPPER =
            {LOG_PARAMETER_MAX, LOG_PARAMETER_MAX, LOG_PARAMETER_MAX, LOG_PARAMETER_MAX, LOGIT_MAX};
    /** An end point this close to the box (on the transformed scale) counts as on it. */
    private static final double BOUND_MARGIN = 1e-6;
    /** 2n + 1 for n = 5 parameters, Powell's recommendation. */
    private static final int INTERPOLATION_POINTS = 2 * 5 + 1;
    private static final double INITIAL_TRUST_REGION_RADIUS = 0.5;
    private static final double STOPPING_TRUST_REGION_RADIUS = 1e-9;
    private static final int DEFAULT_MAX_EVALUATIONS = 20_000;

    private static final MgpsEstimator DEFAULTS = new MgpsEstimator(DEFAULT_STARTS, 1, DEFAULT_MAX_EVALUATIONS);

    private final List<MgpsPrior> starts;
    private final int minimumCount;
    private final int maxEvaluations;

    private MgpsEstimator(List<MgpsPrior> starts, int minimumCount, int maxEvaluations) {
        if (starts.size() < 2) {
            throw new IllegalArgumentException("at least 2 starts are needed to check agreement, got " + starts.size());
        }
        for (MgpsPrior start : starts) {
            if (!insideBox(toUnconstrained(start))) {
                throw new IllegalArgumentException("start " + start + " is outside the search box: alpha and beta must"
                        + " be in (1e-6, 100), P in (2e-9, 1 - 2e-9)");
            }
        }
        if (minimumCount < 1) {
            throw new IllegalArgumentException("minimum count N* must be >= 1, got " + minimumCount);
        }
        if (maxEvaluations < 100) {
            throw new IllegalArgumentException("maxEvaluations must be >= 100, got " + maxEvaluations);
        }
        this.starts = List.copyOf(starts);
        this.minimumCount = minimumCount;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * The default estimator: {@link #DEFAULT_STARTS}, N* = 1, at most 20,000 likelihood evaluations per start.
     *
     * @return the default estimator
     */
    public static MgpsEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param starts starting values, at least 2
     * @return a copy with these starts
     * @throws IllegalArgumentException if fewer than 2 starts are given
     */
    public MgpsEstimator withStarts(List<MgpsPrior> starts) {
        return new MgpsEstimator(starts, minimumCount, maxEvaluations);
    }

    /**
     * @param minimumCount N*, the smallest actual count fitted, ≥ 1; every point passed to {@link #fit} must have
     *                     N ≥ N*
     * @return a copy with this truncation
     * @throws IllegalArgumentException if minimumCount &lt; 1
     */
    public MgpsEstimator withMinimumCount(int minimumCount) {
        return new MgpsEstimator(starts, minimumCount, maxEvaluations);
    }

    /**
     * @param maxEvaluations likelihood evaluations allowed per start, ≥ 100; a start that needs more counts as not
     *                       converged
     * @return a copy with this budget
     * @throws IllegalArgumentException if maxEvaluations &lt; 100
     */
    public MgpsEstimator withMaxEvaluations(int maxEvaluations) {
        return new MgpsEstimator(starts, minimumCount, maxEvaluations);
    }

    /**
     * Fits θ to the points.
     *
     * @param points the data, one point per pair or squashed; every N ≥ N*
     * @return θ̂ with its negative log-likelihood and the result of every start
     * @throws IllegalArgumentException if there are no points or a point has N &lt; N*
     * @throws IllegalStateException    if fewer than two converged starts agree on θ̂; the message lists every
     *                                  start's result
     */
    public MgpsFit fit(List<WeightedPoint> points) {
        MarginalLikelihood likelihood = new MarginalLikelihood(points, minimumCount);
        List<MgpsFit.StartResult> results = new ArrayList<>();
        MgpsFit.StartResult best = null;
        int converged = 0;
        int agreeing = 0;
        for (int from = 0; from < starts.size() && agreeing < 2; from += STARTS_PER_ROUND) {
            // a round's starts are independent, so they run on the common fork-join pool; each result is as alone
            results.addAll(starts.subList(from, Math.min(from + STARTS_PER_ROUND, starts.size())).parallelStream()
                    .map(start -> optimise(likelihood, start)).toList());
            best = null;
            converged = 0;
            for (MgpsFit.StartResult result : results) {
                if (result.converged()) {
                    converged++;
                    if (best == null || result.negativeLogLikelihood() < best.negativeLogLikelihood()) {
                        best = result;
                    }
                }
            }
            agreeing = 0;
            for (MgpsFit.StartResult result : results) {
                if (best != null && result.converged() && agree(result.estimate(), best.estimate())) {
                    agreeing++;
                }
            }
        }
        if (agreeing < 2) {
            throw new IllegalStateException("MGPS hyperparameter estimation did not converge consistently: "
                    + converged + " of " + results.size() + " starts converged and " + agreeing
                    + " agree on the best estimate; try other starts or a larger evaluation budget. Starts: "
                    + results);
        }
        return new MgpsFit(best.estimate(), best.negativeLogLikelihood(), converged, agreeing, best.onBoundary(),
                results);
    }

    /**
     * −Σ w·ln L(θ) of the points, truncated at this estimator's N*, as minimised by {@link #fit}.
     *
     * @param prior  θ
     * @param points the data; every N ≥ N*
     * @return the negative log-likelihood
     * @throws IllegalArgumentException if there are no points or a point has N &lt; N*
     */
    public double negativeLogLikelihood(MgpsPrior prior, List<WeightedPoint> points) {
        return new MarginalLikelihood(points, minimumCount).negativeLogLikelihood(prior);
    }

    private MgpsFit.StartResult optimise(MarginalLikelihood likelihood, MgpsPrior start) {
        BestPoint best = new BestPoint();
        boolean finished;
        try {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(INTERPOLATION_POINTS, INITIAL_TRUST_REGION_RADIUS,
                    STOPPING_TRUST_REGION_RADIUS);
            optimizer.optimize(
                    new MaxEval(maxEvaluations),
                    new ObjectiveFunction(x -> best.record(x, likelihood.negativeLogLikelihood(toPrior(x)))),
                    GoalType.MINIMIZE,
                    new InitialGuess(toUnconstrained(start)),
                    new SimpleBounds(LOWER, UPPER));
            finished = true;
        } catch (TooManyEvaluationsException e) {
            finished = false;
        }
        return new MgpsFit.StartResult(start, toPrior(best.x), best.value, finished, !insideBox(best.x),
                best.evaluations);
    }

    /** Strictly inside the search box, by more than {@link #BOUND_MARGIN}. */
    private static boolean insideBox(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > LOWER[i] + BOUND_MARGIN && x[i] < UPPER[i] - BOUND_MARGIN)) {
                return false;
            }
        }
        return true;
    }

    private static boolean agree(MgpsPrior a, MgpsPrior b) {
        double[] x = toArray(a);
        double[] y = toArray(b);
        for (int i = 0; i < x.length; i++) {
            if (!(Math.abs(x[i] - y[i]) < AGREEMENT_TOLERANCE[i])) {
                return false;
            }
        }
        return true;
    }

    private static double[] toArray(MgpsPrior p) {
        return new double[] {p.alpha1(), p.beta1(), p.alpha2(), p.beta2(), p.mixtureFraction()};
    }

    /** (ln α1, ln β1, ln α2, ln β2, logit P). */
    private static double[] toUnconstrained(MgpsPrior p) {
        double fraction = p.mixtureFraction();
        return new double[] {Math.log(p.alpha1()), Math.log(p.beta1()), Math.log(p.alpha2()),
            Math.log(p.beta2()), Math.log(fraction / (1 - fraction))};
    }

    private static MgpsPrior toPrior(double[] x) {
        return new MgpsPrior(Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2]), Math.exp(x[3]),
                1 / (1 + Math.exp(-x[4])));
    }

    /** Remembers the best point the optimiser has evaluated, so a start that runs out of budget still reports. */
    private static final class BestPoint {
        private double[] x;
        private double value = Double.POSITIVE_INFINITY;
        private int evaluations;

        double record(double[] point, double v) {
            evaluations++;
            if (x == null || v < value) {
                x = point.clone();
                value = v;
            }
            return v;
        }
    }

    /**
     * The truncated mixture likelihood of a fixed set of points, columns extracted once. For N* = 1 (the default) each
     * evaluation tabulates ln[Γ(α + N)/(Γ(α) N!)] once per distinct N and writes Eq. 5 as
     * ln f = ln[Γ(α + N)/(Γ(α) N!)] − α·ℓ + N·(ln E − ln β − ℓ), ℓ = ln(1 + E/β), with ln E and ln N! computed once
     * per point: three special functions per point and component (log1p, expm1 and log for the truncation) instead of
     * four. For N* &gt; 1 the truncation needs the incomplete beta function, and {@link NegativeBinomialComponent}
     * computes each term.
     */
    private static final class MarginalLikelihood {
        private final int[] counts;
        private final double[] expected;
        private final double[] logExpected;
        private final double[] weights;
        private final int minimumCount;
        /** The distinct counts N, increasing, their ln N!, and for each point the index of its N. */
        private final int[] distinctCounts;
        private final double[] logFactorials;
        private final int[] countIndex;

        MarginalLikelihood(List<WeightedPoint> points, int minimumCount) {
            if (points.isEmpty()) {
                throw new IllegalArgumentException("no points to fit");
            }
            counts = new int[points.size()];
            expected = new double[points.size()];
            logExpected = new double[points.size()];
            weights = new double[points.size()];
            int i = 0;
            for (WeightedPoint point : points) {
                if (point.actual() < minimumCount) {
                    throw new IllegalArgumentException("point " + point + " has N below N* = " + minimumCount
                            + "; drop the pairs with N < N* before fitting");
                }
                counts[i] = point.actual();
                expected[i] = point.expected();
                logExpected[i] = Math.log(point.expected());
                weights[i] = point.weight();
                i++;
            }
            this.minimumCount = minimumCount;
            distinctCounts = Arrays.stream(counts).distinct().sorted().toArray();
            logFactorials = new double[distinctCounts.length];
            for (int k = 0; k < distinctCounts.length; k++) {
                logFactorials[k] = Gamma.logGamma(distinctCounts[k] + 1.0);
            }
            countIndex = new int[counts.length];
            for (int k = 0; k < counts.length; k++) {
                countIndex[k] = Arrays.binarySearch(distinctCounts, counts[k]);
            }
        }

        double negativeLogLikelihood(MgpsPrior prior) {
            if (minimumCount != 1) {
                return negativeLogLikelihoodByComponent(prior);
            }
            double logP = Math.log(prior.mixtureFraction());
            double logOneMinusP = Math.log1p(-prior.mixtureFraction());
            double alpha1 = prior.alpha1();
            double alpha2 = prior.alpha2();
            double inverseBeta1 = 1 / prior.beta1();
            double inverseBeta2 = 1 / prior.beta2();
            double logBeta1 = Math.log(prior.beta1());
            double logBeta2 = Math.log(prior.beta2());
            double[] first = logCoefficients(alpha1, logP);        // ln P + ln[Γ(α1 + N)/(Γ(α1) N!)]
            double[] second = logCoefficients(alpha2, logOneMinusP);
            double sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int n = counts[i];
                double e = expected[i];
                double logE = logExpected[i];
                double minusLogP1 = Math.log1p(e * inverseBeta1);                    // ℓ = −ln p = ln(1 + E/β)
                double minusLogP2 = Math.log1p(e * inverseBeta2);
                // ln[P·f1/(1 − p1^α1)], Eq. 5 (1999) truncated at N* = 1; 1 − p^α with expm1 as αE/β may be tiny
                double a = first[countIndex[i]] - alpha1 * minusLogP1 + n * (logE - logBeta1 - minusLogP1)
                        - Math.log(-Math.expm1(-alpha1 * minusLogP1));
                double b = second[countIndex[i]] - alpha2 * minusLogP2 + n * (logE - logBeta2 - minusLogP2)
                        - Math.log(-Math.expm1(-alpha2 * minusLogP2));
                double logL = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));  // log-sum-exp of the mixture
                sum += weights[i] * logL;                                                 // a superpoint counts w times
            }
            return -sum;
        }

        /** offset + ln[Γ(α + N)/(Γ(α) N!)] for each distinct N. */
        private double[] logCoefficients(double alpha, double offset) {
            double logGammaAlpha = Gamma.logGamma(alpha);
            double[] table = new double[distinctCounts.length];
            for (int k = 0; k < table.length; k++) {
                table[k] = offset + Gamma.logGamma(alpha + distinctCounts[k]) - logGammaAlpha - logFactorials[k];
            }
            return table;
        }

        /** Any N*: each term by {@link NegativeBinomialComponent}. */
        private double negativeLogLikelihoodByComponent(MgpsPrior prior) {
            NegativeBinomialComponent first = new NegativeBinomialComponent(prior.alpha1(), prior.beta1());
            NegativeBinomialComponent second = new NegativeBinomialComponent(prior.alpha2(), prior.beta2());
            double logP = Math.log(prior.mixtureFraction());
            double logOneMinusP = Math.log1p(-prior.mixtureFraction());
            double sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int n = counts[i];
                double e = expected[i];
                double a = logP + first.logTruncatedDensity(n, e, minimumCount);         // ln[P·f1/(1 − F1(N*−1))]
                double b = logOneMinusP + second.logTruncatedDensity(n, e, minimumCount);
                double logL = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))); // Eq. 5 (1999), truncated
                sum += weights[i] * logL;                                                // a superpoint counts w times
            }
            return -sum;
        }
    }
}
