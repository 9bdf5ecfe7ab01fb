package org.iago.stats.mgps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

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
 *   −ℓ(θ) = −Σ_i w_i · ln[ P·f1(N_i)/(1 − F1(N* − 1)) + (1 − P)·f2(N_i)/(1 − F2(N* − 1)) ]          (E1)
 * </pre>
 *
 * <p>over the (possibly squashed, see {@link Squashing}) points (N<sub>i</sub>, E<sub>i</sub>, w<sub>i</sub>), with
 * F<sub>k</sub> the component CDFs (DuMouchel &amp; Pregibon 2001).
 *
 * <p>With N* = 1 (the default, and the signals job's), the fit is Newton's method on the scale
 * u = ln α, v = ln β of each component and z = logit P, with exact derivatives. For one component write
 * ℓ<sub>E</sub> = ln(1 + E/β) = −ln p, q = p<sup>α</sup> = e<sup>−αℓ<sub>E</sub></sup> (so 1 − q = Pr(N ≥ 1)),
 * r = E/(β + E) = 1 − p, s = 1/(1 − q), D = ψ(α + N) − ψ(α), D' = ψ'(α + N) − ψ'(α), and g = ln[f(N)/(1 − q)] the
 * truncated log density of Eq. 5 (1999). Then
 *
 * <pre>
 *   ∂g/∂u = α (D − ℓ_E s),   ∂g/∂v = α r s − N (1 − r)                                              (E2)
 *   ∂²g/∂u² = ∂g/∂u + α² (D' + ℓ_E² q s²),   ∂²g/∂u∂v = α r s (1 − α ℓ_E q s),
 *   ∂²g/∂v² = α r s (α q r s − (1 − r)) − N (1 − r) r                                              (E3)
 * </pre>
 *
 * <p>and, with a<sub>1</sub> = ln P + g<sub>1</sub>, a<sub>2</sub> = ln(1 − P) + g<sub>2</sub>,
 * ln L = ln(e<sup>a1</sup> + e<sup>a2</sup>) and ω<sub>k</sub> = e<sup>a<sub>k</sub></sup>/L the posterior weight of
 * component k,
 *
 * <pre>
 *   ∇ ln L = (ω1 ∂g1/∂u1, ω1 ∂g1/∂v1, ω2 ∂g2/∂u2, ω2 ∂g2/∂v2, ω1 − P)                             (E4)
 *   ∇² ln L = ω1 ∇²a1 + ω2 ∇²a2 + ω1 ω2 δ δᵀ,   δ = ∇a1 − ∇a2 = (∂g1/∂u1, ∂g1/∂v1, −∂g2/∂u2, −∂g2/∂v2, 1),  (E5)
 * </pre>
 *
 * <p>∇²a<sub>k</sub> holding (E3) in component k's block and ∂²ln P/∂z² = ∂²ln(1 − P)/∂z² = −P(1 − P); (E5) is the
 * Hessian of a log-sum-exp of two terms. −ℓ, its gradient and Hessian are Σ w·(−ln L), Σ w·(−E4), Σ w·(−E5), one pass
 * over the points with the special functions of −ℓ alone (ψ and ψ' tabulated per distinct N), and each start takes
 * the projected, damped Newton steps (E6) of {@link #newton}: 12 to 22 passes per start on CAERS, the FAERS 2022Q3
 * table and the synthetic 1M and 20M tables of issue 18, where BOBYQA needed 490 to 1,590 evaluations of −ℓ. For
 * N* &gt; 1 the truncation is an incomplete beta function, and BOBYQA (Powell 2009, derivative-free) minimises −ℓ
 * instead.
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
 *   <li>Each start is optimised by projected Newton (N* = 1) or BOBYQA (N* &gt; 1) on the unconstrained scale
 *       (ln α<sub>k</sub>, ln β<sub>k</sub>, logit P) instead of nlminb (PORT, with gradient and Hessian), and its
 *       fallbacks nlm and BFGS, on θ itself, so no step can leave the parameter space. The box ln α<sub>k</sub>,
 *       ln β<sub>k</sub> ∈ [ln 10<sup>−6</sup>, ln 100], logit P ∈ [−20, 20] plays the role of autoHyper's
 *       {@code param_limit = 100}. A start that ends on the box has found the maximum within it, as a bounded
 *       optimiser does (Newton holds a coordinate on its bound while the gradient points out of the box, so it ends
 *       on the bound itself where BOBYQA stopped near it); this happens when a prior component concentrates ever
 *       more sharply (data where nearly every pair sits at its expectation), and the fit says so
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
 *   <li>Bertsekas DP (1982). Projected Newton methods for optimization problems with simple constraints. <i>SIAM
 *       Journal on Control and Optimization</i> 20(2):221–246. doi:10.1137/0320018</li>
 *   <li>Nocedal J, Wright SJ (2006). <i>Numerical Optimization</i>, 2nd ed. Springer (§4.3 on the
 *       Levenberg–Marquardt damping of the Newton step, §16.7 on bound constraints).</li>
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
    /** Newton has converged when its step would lower −ℓ by less than this, relative to −ℓ. */
    private static final double CONVERGENCE_TOLERANCE = 1e-15;
    /**
     * Below this relative decrease, a step that does not lower −ℓ is put down to the rounding of the sum (about
     * √(points)·10<sup>−16</sup> relative) and the start has converged.
     */
    private static final double ROUNDING = 1e-12;
    /** The smallest damping μ, relative to the largest diagonal entry of H_FF. */
    private static final double MIN_DAMPING = 1e-6;

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
        if (maxEvaluations < 2) {
            throw new IllegalArgumentException("maxEvaluations must be >= 2, got " + maxEvaluations);
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
     * @param maxEvaluations likelihood evaluations allowed per start (with N* = 1 each gives −ℓ, its gradient and
     *                       Hessian), ≥ 2; a start that needs more counts as not converged
     * @return a copy with this budget
     * @throws IllegalArgumentException if maxEvaluations &lt; 2
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
        return likelihood.minimumCount == 1 ? newton(likelihood, start) : bobyqa(likelihood, start);
    }

    /**
     * Projected Newton with Levenberg–Marquardt damping on the box (Bertsekas 1982; Nocedal &amp; Wright 2006, §4.3,
     * §16.7): a coordinate on its bound whose gradient points out of the box is held there (active); the others take
     * the step s<sub>F</sub> solving
     *
     * <pre>
     *   (H_FF + μ·I) s_F = −g_F                                                        (E6)
     * </pre>
     *
     * <p>projected back into the box, with g and H the gradient and Hessian of −ℓ (E4, E5). A step that lowers −ℓ is
     * taken and μ shrinks when the quadratic model predicted the decrease well (ratio &gt; 3/4), grows when it did
     * not (&lt; 1/4); a step that does not lower −ℓ is refused and μ grows fourfold. μ starts at 0 (a pure Newton
     * step) and is raised whenever H_FF + μI is not positive definite. Converged when the undamped step predicts a
     * decrease of −ℓ below {@link #CONVERGENCE_TOLERANCE}·(|−ℓ| + 1) (Newton's convergence being quadratic, the
     * optimum is then nearer than that), when no free coordinate is left, or when a step is refused while the undamped
     * step predicts less than {@link #ROUNDING}·(|−ℓ| + 1).
     */
    private MgpsFit.StartResult newton(MarginalLikelihood likelihood, MgpsPrior start) {
        double[] x = toUnconstrained(start);
        MarginalLikelihood.Derivatives at = likelihood.derivatives(x);
        int evaluations = 1;
        double damping = 0;
        boolean converged = false;
        while (evaluations < maxEvaluations) {
            boolean[] free = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                free[i] = !(x[i] <= LOWER[i] && at.gradient()[i] > 0) && !(x[i] >= UPPER[i] && at.gradient()[i] < 0);
            }
            double[] newtonStep = dampedStep(at, free, 0);
            double newtonDecrease = newtonStep == null ? Double.POSITIVE_INFINITY : predictedDecrease(at, newtonStep);
            double scale = Math.abs(at.value()) + 1;
            if (newtonDecrease <= CONVERGENCE_TOLERANCE * scale) {
                converged = true;
                break;
            }
            double smallest = MIN_DAMPING * (largestDiagonal(at, free) + 1);   // the scale of H_FF
            double[] step = damping == 0 ? newtonStep : null;
            while (step == null && damping < Double.MAX_VALUE) {
                damping = Math.max(damping, smallest);
                step = dampedStep(at, free, damping);
                if (step == null) {
                    damping *= 4;
                }
            }
            if (step == null) {
                break;                // no damping makes H_FF positive definite: H is not finite; not converged
            }
            double[] trial = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                trial[i] = Math.min(UPPER[i], Math.max(LOWER[i], x[i] + step[i]));
                step[i] = trial[i] - x[i];
            }
            double predicted = predictedDecrease(at, step);
            MarginalLikelihood.Derivatives next = likelihood.derivatives(trial);
            evaluations++;
            double decrease = at.value() - next.value();
            if (decrease > 0) {
                x = trial;
                at = next;
                double ratio = decrease / predicted;
                if (ratio > 0.75) {
                    damping = damping / 4 < smallest ? 0 : damping / 4;
                } else if (ratio < 0.25) {
                    damping = Math.max(4 * damping, smallest);
                }
            } else if (newtonDecrease <= ROUNDING * scale) {
                converged = true;     // what is left to gain is within the rounding of the sum
                break;
            } else {
                damping = Math.max(4 * damping, smallest);
            }
        }
        return new MgpsFit.StartResult(start, toPrior(x), at.value(), converged, !insideBox(x), evaluations);
    }

    /** The step (E6) on the free coordinates, 0 on the others; null if H_FF + μI is not positive definite. */
    private static double[] dampedStep(MarginalLikelihood.Derivatives at, boolean[] free, double damping) {
        int n = 0;
        int[] index = new int[free.length];
        for (int i = 0; i < free.length; i++) {
            if (free[i]) {
                index[n++] = i;
            }
        }
        double[] step = new double[free.length];
        if (n == 0) {
            return step;
        }
        double[][] l = new double[n][n];       // Cholesky factor of H_FF + μI
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                double sum = at.hessian()[index[j]][index[k]] + (j == k ? damping : 0);
                for (int m = 0; m < k; m++) {
                    sum -= l[j][m] * l[k][m];
                }
                if (j == k) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[j][j] = Math.sqrt(sum);
                } else {
                    l[j][k] = sum / l[k][k];
                }
            }
        }
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = -at.gradient()[index[j]];
            for (int m = 0; m < j; m++) {
                sum -= l[j][m] * y[m];
            }
            y[j] = sum / l[j][j];
        }
        for (int j = n - 1; j >= 0; j--) {
            double sum = y[j];
            for (int m = j + 1; m < n; m++) {
                sum -= l[m][j] * step[index[m]];
            }
            step[index[j]] = sum / l[j][j];
        }
        return step;
    }

    /** −(gᵀs + ½ sᵀHs), the decrease of −ℓ the quadratic model predicts for the step s. */
    private static double predictedDecrease(MarginalLikelihood.Derivatives at, double[] s) {
        double linear = 0;
        double quadratic = 0;
        for (int i = 0; i < s.length; i++) {
            linear += at.gradient()[i] * s[i];
            for (int j = 0; j < s.length; j++) {
                quadratic += s[i] * at.hessian()[i][j] * s[j];
            }
        }
        return -(linear + quadratic / 2);
    }

    private static double largestDiagonal(MarginalLikelihood.Derivatives at, boolean[] free) {
        double largest = 0;
        for (int i = 0; i < free.length; i++) {
            if (free[i]) {
                largest = Math.max(largest, Math.abs(at.hessian()[i][i]));
            }
        }
        return largest;
    }

    /** N* &gt; 1: BOBYQA on −ℓ alone, the truncation's incomplete beta function having no derivatives here. */
    private MgpsFit.StartResult bobyqa(MarginalLikelihood likelihood, MgpsPrior start) {
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
            Component first = component(prior.alpha1(), prior.beta1(), Math.log(prior.mixtureFraction()));
            Component second = component(prior.alpha2(), prior.beta2(), Math.log1p(-prior.mixtureFraction()));
            double sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int n = counts[i];
                double logE = logExpected[i];
                double minusLogP1 = first.minusLogP(expected[i]);
                double minusLogP2 = second.minusLogP(expected[i]);
                double a = first.logTerm(countIndex[i], n, logE, minusLogP1, first.tail(minusLogP1));
                double b = second.logTerm(countIndex[i], n, logE, minusLogP2, second.tail(minusLogP2));
                double logL = Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));  // log-sum-exp of the mixture
                sum += weights[i] * logL;                                                 // a superpoint counts w times
            }
            return -sum;
        }

        /** −ℓ with its gradient and Hessian on the scale (ln α1, ln β1, ln α2, ln β2, logit P). */
        record Derivatives(double value, double[] gradient, double[][] hessian) {
        }

        /**
         * −ℓ (E1) at x = (ln α1, ln β1, ln α2, ln β2, logit P), summed in the order of {@link #negativeLogLikelihood}
         * and bit for bit equal to it, with its gradient (E4) and Hessian (E5). Per point and component only the
         * log1p, expm1 and log of −ℓ itself; ψ and ψ' are tabulated per distinct N.
         */
        Derivatives derivatives(double[] x) {
            MgpsPrior prior = toPrior(x);
            double fraction = prior.mixtureFraction();
            Component first = component(prior.alpha1(), prior.beta1(), Math.log(fraction));
            Component second = component(prior.alpha2(), prior.beta2(), Math.log1p(-fraction));
            double alpha1 = first.alpha();
            double alpha2 = second.alpha();
            double inverseBeta1 = first.inverseBeta();
            double inverseBeta2 = second.inverseBeta();
            double[] digamma1 = digammaDifferences(alpha1);
            double[] digamma2 = digammaDifferences(alpha2);
            double[] trigamma1 = trigammaDifferences(alpha1);
            double[] trigamma2 = trigammaDifferences(alpha2);
            double sum = 0;
            double totalWeight = 0;
            double[] g = new double[5];
            double[][] h = new double[5][5];
            double[] delta = new double[5];
            delta[4] = 1;
            for (int i = 0; i < counts.length; i++) {
                int n = counts[i];
                int c = countIndex[i];
                double e = expected[i];
                double logE = logExpected[i];
                double w = weights[i];
                double minusLogP1 = first.minusLogP(e);
                double minusLogP2 = second.minusLogP(e);
                double tail1 = first.tail(minusLogP1);                                 // 1 − q, q = p^α
                double tail2 = second.tail(minusLogP2);
                double a = first.logTerm(c, n, logE, minusLogP1, tail1);
                double b = second.logTerm(c, n, logE, minusLogP2, tail2);
                double ratio = Math.exp(-Math.abs(a - b));
                double logL = Math.max(a, b) + Math.log1p(ratio);
                sum += w * logL;
                totalWeight += w;
                double weight1 = a >= b ? 1 / (1 + ratio) : ratio / (1 + ratio);      // ω1, posterior of component 1
                double weight2 = 1 - weight1;
                // (E2), (E3) for each component: gu = ∂g/∂ln α, gv = ∂g/∂ln β and their second derivatives
                double r1 = e * inverseBeta1 / (1 + e * inverseBeta1);               // E/(β + E) = 1 − p
                double r2 = e * inverseBeta2 / (1 + e * inverseBeta2);
                double s1 = 1 / tail1;
                double s2 = 1 / tail2;
                double q1 = 1 - tail1;
                double q2 = 1 - tail2;
                double gu1 = alpha1 * (digamma1[c] - minusLogP1 * s1);
                double gu2 = alpha2 * (digamma2[c] - minusLogP2 * s2);
                double gv1 = alpha1 * r1 * s1 - n * (1 - r1);
                double gv2 = alpha2 * r2 * s2 - n * (1 - r2);
                double huu1 = gu1 + alpha1 * alpha1 * (trigamma1[c] + minusLogP1 * minusLogP1 * q1 * s1 * s1);
                double huu2 = gu2 + alpha2 * alpha2 * (trigamma2[c] + minusLogP2 * minusLogP2 * q2 * s2 * s2);
                double huv1 = alpha1 * r1 * s1 * (1 - alpha1 * minusLogP1 * q1 * s1);
                double huv2 = alpha2 * r2 * s2 * (1 - alpha2 * minusLogP2 * q2 * s2);
                double hvv1 = alpha1 * r1 * s1 * (alpha1 * q1 * r1 * s1 - (1 - r1)) - n * (1 - r1) * r1;
                double hvv2 = alpha2 * r2 * s2 * (alpha2 * q2 * r2 * s2 - (1 - r2)) - n * (1 - r2) * r2;
                // (E4)
                g[0] += w * weight1 * gu1;
                g[1] += w * weight1 * gv1;
                g[2] += w * weight2 * gu2;
                g[3] += w * weight2 * gv2;
                g[4] += w * (weight1 - fraction);
                // (E5): Σ ω_k ∇²a_k + ω1 ω2 δ δᵀ, δ = ∇a1 − ∇a2
                h[0][0] += w * weight1 * huu1;
                h[0][1] += w * weight1 * huv1;
                h[1][1] += w * weight1 * hvv1;
                h[2][2] += w * weight2 * huu2;
                h[2][3] += w * weight2 * huv2;
                h[3][3] += w * weight2 * hvv2;
                delta[0] = gu1;
                delta[1] = gv1;
                delta[2] = -gu2;
                delta[3] = -gv2;
                double both = w * weight1 * weight2;
                for (int j = 0; j < 5; j++) {
                    for (int k = j; k < 5; k++) {
                        h[j][k] += both * delta[j] * delta[k];
                    }
                }
            }
            h[4][4] -= totalWeight * fraction * (1 - fraction);                // ∂² ln P/∂z² = ∂² ln(1 − P)/∂z²
            double[][] hessian = new double[5][5];
            double[] gradient = new double[5];
            for (int j = 0; j < 5; j++) {
                gradient[j] = -g[j];                                               // of −ℓ
                for (int k = j; k < 5; k++) {
                    hessian[j][k] = -h[j][k];
                    hessian[k][j] = -h[j][k];
                }
            }
            return new Derivatives(-sum, gradient, hessian);
        }

        /** ψ(α + N) − ψ(α) for each distinct N. */
        private double[] digammaDifferences(double alpha) {
            return differences(alpha, Gamma::digamma);
        }

        /** ψ'(α + N) − ψ'(α) for each distinct N. */
        private double[] trigammaDifferences(double alpha) {
            return differences(alpha, Gamma::trigamma);
        }

        /** f(α + N) − f(α) for each distinct N. */
        private double[] differences(double alpha, DoubleUnaryOperator f) {
            double atAlpha = f.applyAsDouble(alpha);
            double[] table = new double[distinctCounts.length];
            for (int k = 0; k < table.length; k++) {
                table[k] = f.applyAsDouble(alpha + distinctCounts[k]) - atAlpha;
            }
            return table;
        }

        /**
         * One gamma component of the mixture at a prior, for N* = 1: 1/β and ln β, and ln[Γ(α + N)/(Γ(α) N!)] per
         * distinct N shifted by the log of the component's mixture weight (ln P or ln(1 − P)).
         */
        private record Component(double alpha, double inverseBeta, double logBeta, double[] logCoefficients) {

            /** ℓ = −ln p = ln(1 + E/β). */
            double minusLogP(double expected) {
                return Math.log1p(expected * inverseBeta);
            }

            /** 1 − p^α, by expm1 as αE/β may be tiny. */
            double tail(double minusLogP) {
                return -Math.expm1(-alpha * minusLogP);
            }

            /** ln[P·f/(1 − p^α)] of one point, Eq. 5 (1999) truncated at N* = 1; {@code c} indexes its N. */
            double logTerm(int c, int n, double logE, double minusLogP, double tail) {
                return logCoefficients[c] - alpha * minusLogP + n * (logE - logBeta - minusLogP) - Math.log(tail);
            }
        }

        private Component component(double alpha, double beta, double logMixtureWeight) {
            return new Component(alpha, 1 / beta, Math.log(beta), logCoefficients(alpha, logMixtureWeight));
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
