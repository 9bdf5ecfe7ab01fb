package org.iago.stats.tte;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Gamma;

/**
 * Gray's K-sample test of equal cumulative incidence of one cause across groups (e.g. products) in
 * competing-risks follow-up (Gray 1988 [1]), with the statistic, degrees of freedom and p-value that R's
 * {@code cmprsk::cuminc(ftime, fstatus, group)$Tests} reports [2].
 *
 * <p>Groups g = 1 … G; at each distinct pooled time t_j, group g has n_gj at risk, d_gj events of the cause of
 * interest and e_gj events of other causes; d_j = Σ_g d_gj. Ŝ_g and F̂_g are group g's all-cause Kaplan–Meier
 * estimate and cumulative incidence of the cause ({@link CumulativeIncidence}), t_j− their left limits:
 * <pre>
 *   (1)  h_gj = n_gj / Ŝ_g(t_j−),   H_j = Σ_g h_gj,   R_gj = h_gj (1 − F̂_g(t_j−))
 *   (2)  F̂⁰(t_j) = F̂⁰(t_{j−1}) + d_j / H_j                                  pooled cumulative incidence
 *   (3)  W_j = (1 − F̂⁰(t_j−))^ρ
 *   (4)  z_g = Σ_j W_j (d_gj − R_gj d_j / Σ_l R_lj)                          score of group g
 *   (5)  a_glj = W_j h_gj (δ_gl − h_lj / H_j),   c_glj = Σ_{i ≤ j} a_gli d_i / (H_i (1 − F̂⁰(t_i−))),   c_gl = c_glm
 *   (6)  σ_gg' = Σ_l Σ_j q_lj [a_glj + τ_lj (c_gl − c_glj)] [a_g'lj + τ_lj (c_g'l − c_g'lj)]
 *              + Σ_l Σ_j q'_lj τ'_lj² (c_gl − c_glj)(c_g'l − c_g'lj)
 *   (7)  T = zᵀ Σ⁻¹ z  over groups 1 … G−1,   T ~ χ² with G − 1 degrees of freedom
 *   (8)  p = P(χ²_{G−1} ≥ T) = Q((G − 1)/2, T/2),  Q the regularized upper incomplete gamma function
 * </pre>
 * In (6) the first sum runs over times with d_j &gt; 0 and n_lj &gt; 0, with τ_lj = 1 − (1 − F̂⁰(t_j))/Ŝ_l(t_j)
 * (1 when Ŝ_l(t_j) = 0) and q_lj = Ŝ_l(t_j−) d_j / (H_j n_lj), times 1 − (d_j − 1)/(H_j Ŝ_l(t_j−) − 1) when
 * d_j &gt; 1; the second over times with e_lj &gt; 0 and Ŝ_l(t_j) &gt; 0, with τ'_lj = (1 − F̂⁰(t_j))/Ŝ_l(t_j) and
 * q'_lj = Ŝ_l(t_j−)² e_lj / n_lj², times (n_lj − e_lj)/(n_lj − 1) when e_lj &gt; 1. (4) compares each group's
 * subdistribution hazard with the pooled one, weighted by (3); (6) is Gray's estimator of the covariance of the
 * scores [1] with the tie corrections of {@code cmprsk} [2], computed in one pass by expanding the products.
 * Equation numbers in the code refer to this list.
 *
 * <p>Options: ρ = 0 by default ({@code cuminc}'s {@code rho = 0}); ρ &gt; 0 gives more weight to early differences.
 * The test is unstratified ({@code cuminc} without {@code strata}). Groups are labels; the statistic does not depend
 * on their order, nor on which group is left out of (7).
 *
 * <p>Differences from R and special cases:
 * <ul>
 *   <li>When Σ is singular, e.g. the cause never occurs, or one group has nobody at risk at any event of the cause,
 *       T and p are NaN; {@code cuminc} reports {@code stat = -1}, {@code pv = 1} there. Σ counts as singular when
 *       a diagonal element of its QR factor is at most 1e-7 times Σ's largest absolute entry ({@code cuminc} ranks
 *       Σ by R's {@code qr} with tolerance 1e-7).</li>
 *   <li>p is the upper tail (8), not {@code cuminc}'s {@code 1 - pchisq(T, G - 1)}; the two agree to about 1e-16
 *       absolute, and (8) stays accurate for p far below 1e-16.</li>
 *   <li>Ties follow {@code cuminc}: events at t_j of every cause share n_gj; censorings at t_j are at risk at t_j.</li>
 * </ul>
 *
 * <p>References:
 * <ol>
 *   <li>Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing risk. Ann Stat.
 *       1988;16(3):1141–1154. doi:10.1214/aos/1176350951</li>
 *   <li>Gray B. cmprsk: Subdistribution Analysis of Competing Risks. R package version 2.2-11, 2021
 *       ({@code cuminc}, Fortran routine {@code crstm}). https://CRAN.R-project.org/package=cmprsk</li>
 * </ol>
 */
public final class GraysTest {

    private static final GraysTest DEFAULT = new GraysTest(0);

    /** Relative size of a QR pivot below which Σ counts as singular (the tolerance of R's {@code qr}). */
    private static final double SINGULARITY_TOLERANCE = 1e-7;

    private final double rho;

    /**
     * The test of one cause across groups.
     *
     * @param statistic T (7); NaN when Σ is singular
     * @param degreesOfFreedom G − 1
     * @param pValue p (8); NaN when Σ is singular
     */
    public record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    private GraysTest(double rho) {
        this.rho = rho;
    }

    /**
     * Returns the test with ρ = 0, as {@code cuminc}'s default.
     *
     * @return the test
     */
    public static GraysTest withDefaults() {
        return DEFAULT;
    }

    /**
     * Returns the test with another power ρ of the weight (3).
     *
     * @param rho the power ρ, finite
     * @return the test
     * @throws IllegalArgumentException if {@code rho} is infinite or NaN
     */
    public GraysTest withRho(double rho) {
        if (!Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho must be finite: " + rho);
        }
        return new GraysTest(rho);
    }

    /**
     * The power ρ of the weight (3).
     *
     * @return ρ, 0 by default
     */
    public double rho() {
        return rho;
    }

    /**
     * Tests whether the cumulative incidence of one cause is the same in every group.
     *
     * @param times follow-up time of each subject, e.g. days from infusion
     * @param causes status of each subject: 0 if censored at its time, k ≥ 1 for an event of cause k
     * @param groups group label of each subject, e.g. the product
     * @param cause the cause of interest, k ≥ 1; events of every other cause compete
     * @return the test result
     * @throws IllegalArgumentException if there are no subjects, a time is negative, infinite or NaN, a cause is
     *         negative, {@code cause} &lt; 1, a group label is null, there are fewer than two groups, or the arrays
     *         differ in length
     */
    public Result test(double[] times, int[] causes, String[] groups, int cause) {
        Arguments.checkTimes(times);
        Arguments.checkSameLength("causes", times.length, causes.length);
        Arguments.checkSameLength("groups", times.length, groups.length);
        Arguments.checkCauses(causes);
        Arguments.checkCause(cause);
        int[] group = groupIndices(groups);
        int groupCount = IntStream.of(group).max().getAsInt() + 1;
        if (groupCount < 2) {
            throw new IllegalArgumentException("Gray's test needs at least two groups, got " + groupCount);
        }
        int[] groupSizes = new int[groupCount];
        for (int g : group) {
            groupSizes[g]++;
        }
        Score score = new Score(groupSizes);
        int[] order = IntStream.range(0, times.length).boxed()
                .sorted(Comparator.comparingDouble(i -> times[i]))
                .mapToInt(Integer::intValue).toArray();
        int first = 0;
        while (first < order.length) {
            int last = first;
            while (last + 1 < order.length && times[order[last + 1]] == times[order[first]]) {
                last++;
            }
            int[] own = new int[groupCount];
            int[] other = new int[groupCount];
            int[] leaving = new int[groupCount];
            for (int r = first; r <= last; r++) {
                int subject = order[r];
                int g = group[subject];
                leaving[g]++;
                if (causes[subject] == cause) {
                    own[g]++;
                } else if (causes[subject] != 0) {
                    other[g]++;
                }
            }
            score.addTime(own, other, leaving);
            first = last + 1;
        }
        return score.result();
    }

    /** Maps labels to 0 … G−1 in their natural order (R sorts the levels of its group factor likewise). */
    private static int[] groupIndices(String[] groups) {
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == null) {
                throw new IllegalArgumentException("group of subject " + i + " is null");
            }
            index.put(groups[i], 0);
        }
        List<String> labels = new ArrayList<>(index.keySet());
        for (int g = 0; g < labels.size(); g++) {
            index.put(labels.get(g), g);
        }
        return IntStream.range(0, groups.length).map(i -> index.get(groups[i])).toArray();
    }

    /**
     * The running sums of (2)–(6) over the distinct times, in increasing order. A time with events of other causes
     * only adds nothing to (4) and (5), whose terms carry the factor d_j = 0, but enters (6) and the group curves.
     */
    private final class Score {

        private final int groupCount;
        private final int[] atRisk;
        private double[] survivalBefore;
        private double[] incidenceBefore;
        private double pooledBefore;
        /** z_g of (4). */
        private final double[] z;
        /** c_gl of (5), up to the current time. */
        private final double[][] c;
        /** Σ_j q·u_g·u_g' with u_g = a_glj − τ·c_glj: (6) before the final c_gl is known; lower triangle. */
        private final double[][] quadratic;
        /** Σ_j q·τ·u_g, by group g and group l. */
        private final double[][] linear;
        /** Σ_j q·τ², by group l. */
        private final double[] squared;

        Score(int[] groupSizes) {
            groupCount = groupSizes.length;
            atRisk = groupSizes.clone();
            survivalBefore = new double[groupCount];
            Arrays.fill(survivalBefore, 1);
            incidenceBefore = new double[groupCount];
            z = new double[groupCount];
            c = new double[groupCount][groupCount];
            quadratic = new double[groupCount][groupCount];
            linear = new double[groupCount][groupCount];
            squared = new double[groupCount];
        }

        /**
         * Adds one distinct time: per group, the events of the cause of interest, of other causes, and all subjects
         * whose follow-up ends there (events and censorings), who leave the risk sets afterwards.
         */
        void addTime(int[] own, int[] other, int[] leaving) {
            int ownTotal = IntStream.of(own).sum();
            if (ownTotal + IntStream.of(other).sum() > 0) {
                addEvents(own, other, ownTotal);
            }
            for (int g = 0; g < groupCount; g++) {
                atRisk[g] -= leaving[g];
            }
        }

        private void addEvents(int[] own, int[] other, int d) {
            double[] survivalAfter = survivalBefore.clone();
            double[] incidenceAfter = incidenceBefore.clone();
            double[] h = new double[groupCount];
            double[] r = new double[groupCount];
            double hSum = 0;
            double rSum = 0;
            for (int g = 0; g < groupCount; g++) {
                if (atRisk[g] > 0) {
                    double n = atRisk[g];
                    survivalAfter[g] = survivalBefore[g] * (n - own[g] - other[g]) / n;
                    incidenceAfter[g] = incidenceBefore[g] + survivalBefore[g] * own[g] / n;
                    h[g] = n / survivalBefore[g];                                       // Eq. (1)
                    r[g] = h[g] * (1 - incidenceBefore[g]);                             // Eq. (1)
                    hSum += h[g];
                    rSum += r[g];
                }
            }
            double pooled = pooledBefore + d / hSum;                                   // Eq. (2)
            if (d > 0) {
                double weight = Math.pow(1 - pooledBefore, rho);                       // Eq. (3)
                double[][] a = new double[groupCount][groupCount];
                for (int g = 0; g < groupCount; g++) {
                    if (atRisk[g] > 0) {
                        z[g] += weight * (own[g] - d * r[g] / rSum);                    // Eq. (4)
                    }
                    for (int l = 0; l < groupCount; l++) {
                        a[g][l] = weight * h[g] * ((g == l ? 1 : 0) - h[l] / hSum);   // Eq. (5)
                        c[g][l] += a[g][l] * d / (hSum * (1 - pooledBefore));           // Eq. (5)
                    }
                }
                for (int l = 0; l < groupCount; l++) {
                    if (atRisk[l] > 0) {
                        double tau = survivalAfter[l] > 0 ? 1 - (1 - pooled) / survivalAfter[l] : 1;
                        double ties = d > 1 ? 1 - (d - 1) / (hSum * survivalBefore[l] - 1) : 1;
                        double q = ties * survivalBefore[l] * d / (hSum * atRisk[l]);
                        addVarianceTerm(l, q, tau, a);                                   // Eq. (6), first sum
                    }
                }
            }
            for (int l = 0; l < groupCount; l++) {
                if (other[l] > 0 && survivalAfter[l] > 0) {
                    double tau = (1 - pooled) / survivalAfter[l];
                    double ties = other[l] > 1 ? (atRisk[l] - other[l]) / (atRisk[l] - 1.0) : 1;
                    double q = ties * survivalBefore[l] * survivalBefore[l] * other[l]
                            / ((double) atRisk[l] * atRisk[l]);
                    addVarianceTerm(l, q, tau, null);                                    // Eq. (6), second sum
                }
            }
            survivalBefore = survivalAfter;
            incidenceBefore = incidenceAfter;
            pooledBefore = pooled;
        }

        /**
         * Adds q·[a_gl + τ(c_gl − c_glj)]·[a_g'l + τ(c_g'l − c_g'lj)] for all g, g', split into the parts known now
         * and those waiting for the final c_gl; {@code a} is null for events of other causes (a taken as 0).
         */
        private void addVarianceTerm(int l, double q, double tau, double[][] a) {
            double[] u = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                u[g] = (a == null ? 0 : a[g][l]) - tau * c[g][l];
                linear[g][l] += q * tau * u[g];
                for (int k = 0; k <= g; k++) {
                    quadratic[g][k] += q * u[g] * u[k];
                }
            }
            squared[l] += q * tau * tau;
        }

        Result result() {
            int df = groupCount - 1;
            double[][] sigma = new double[df][df];
            double largest = 0;
            for (int g = 0; g < df; g++) {
                for (int k = 0; k <= g; k++) {
                    double value = quadratic[g][k];
                    for (int l = 0; l < groupCount; l++) {
                        value += c[g][l] * c[k][l] * squared[l] + c[g][l] * linear[k][l] + c[k][l] * linear[g][l];
                    }
                    sigma[g][k] = value;                                                // Eq. (6)
                    sigma[k][g] = value;
                    largest = Math.max(largest, Math.abs(value));
                }
            }
            DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(sigma, false),
                    SINGULARITY_TOLERANCE * largest).getSolver();
            if (largest == 0 || !solver.isNonSingular()) {
                return new Result(Double.NaN, df, Double.NaN);
            }
            RealVector scores = new ArrayRealVector(Arrays.copyOf(z, df), false);
            double statistic = scores.dotProduct(solver.solve(scores));                // Eq. (7)
            double pValue = Gamma.regularizedGammaQ(df / 2.0, statistic / 2);          // Eq. (8)
            return new Result(statistic, df, pValue);
        }
    }
}
