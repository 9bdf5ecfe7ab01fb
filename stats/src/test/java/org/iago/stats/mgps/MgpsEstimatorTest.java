package org.iago.stats.mgps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Estimator behaviour; the fits against openEBGM's CAERS results are in {@link CaersEndToEndTest}. */
class MgpsEstimatorTest {

    @Test
    void likelihoodIsTheWeightedSumOfTheTruncatedMixture() {
        // N* = 1: L = P·f1/(1 − f1(0)) + (1 − P)·f2/(1 − f2(0)), Eq. 5 evaluated directly with Γ
        assertLikelihood(1, List.of(new WeightedPoint(1, 0.0003, 50), WeightedPoint.of(2, 0.04),
                WeightedPoint.of(16, 0.4064), new WeightedPoint(3, 2.5, 7)));
    }

    @Test
    void truncationAboveOneUsesTheNegativeBinomialUpperTail() {
        // N* = 2: L = P·f1/(1 − f1(0) − f1(1)) + (1 − P)·f2/(1 − f2(0) − f2(1))
        assertLikelihood(2, List.of(new WeightedPoint(2, 0.3, 4), WeightedPoint.of(3, 1.7), WeightedPoint.of(7, 12.5)));
    }

    /**
     * Issue 18 made the likelihood cheaper and stops after the first two starts when they agree; the optimum must be
     * no worse than the one the four full starts reached before (commit 8e52a6b: 4161.9301533644 on the vignette's
     * squashed CAERS points, 4162.4557103793 on all 17,189 pairs). The likelihood's terms are now formed in another
     * order, so −ℓ may differ in the 13th digit: 1e-9 is allowed.
     */
    @Test
    void reachesTheOptimumOfTheFourStartFit() {
        List<WeightedPoint> points = CaersTable.points(CaersTable.pairs());
        assertTrue(MgpsEstimator.withDefaults().fit(CaersTable.vignetteSquashed(points)).negativeLogLikelihood()
                <= 4161.9301533644 + 1e-9);
        assertTrue(MgpsEstimator.withDefaults().fit(points).negativeLogLikelihood() <= 4162.4557103793 + 1e-9);
    }

    /**
     * Real FAERS data: pvLRT's 2022Q3 statin/GBCA case table (111,118 pairs as {@code processRaw} counts them, squashed
     * as the vignette does by {@link Squashing#forEstimation}: 33,933 points). Before the Newton fit (commit 745c84a,
     * BOBYQA) the prior reached −ℓ = 172507.3772251378 on every pair (172506.0207532592 on the points fitted); the fit
     * must reach no worse on every pair. On the points fitted both optimisers end within 3·10<sup>−9</sup> of each
     * other (2·10<sup>−14</sup> relative, the rounding of the sum), so that is allowed there.
     */
    @Test
    void fitsTheFaers2022q3TableNoWorseThanBobyqa() {
        List<WeightedPoint> pairs = CaersTable.points(ReferenceCounts.count(CaersTable.caseLinesFromResource(
                "/reference/pvlrt/faers_2022q3_ps_statin_gbca_cases.csv.gz")));
        assertEquals(111_118, pairs.size());
        List<WeightedPoint> points = Squashing.forEstimation(pairs);
        assertEquals(33_933, points.size());
        MgpsFit fit = MgpsEstimator.withDefaults().fit(points);
        assertTrue(fit.negativeLogLikelihood() <= 172506.0207532592 + 3e-9, fit.toString());
        assertTrue(MgpsEstimator.withDefaults().negativeLogLikelihood(fit.prior(), pairs) <= 172507.3772251378,
                fit.toString());
    }

    @Test
    void failsLoudlyWhenNoTwoStartsAgree() {
        // 3 evaluations are too few for Newton to converge from any start (CAERS needs 13)
        MgpsEstimator starved = MgpsEstimator.withDefaults().withMaxEvaluations(3);
        List<WeightedPoint> squashed = CaersTable.vignetteSquashed(CaersTable.points(CaersTable.pairs()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> starved.fit(squashed));
        assertTrue(e.getMessage().contains("0 of 4 starts converged"), e.getMessage());
    }

    @Test
    void rejectsPointsBelowTheTruncationAndBadStarts() {
        List<WeightedPoint> withZero = new ArrayList<>(List.of(WeightedPoint.of(1, 0.2), WeightedPoint.of(2, 0.5)));
        withZero.add(WeightedPoint.of(0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> MgpsEstimator.withDefaults().fit(withZero));
        assertThrows(IllegalArgumentException.class, () -> MgpsEstimator.withDefaults().fit(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> MgpsEstimator.withDefaults().withStarts(List.of(MgpsEstimator.DEFAULT_STARTS.get(0))));
        assertThrows(IllegalArgumentException.class, () -> MgpsEstimator.withDefaults().withStarts(
                List.of(new MgpsPrior(200, 1, 1, 1, 0.5), MgpsEstimator.DEFAULT_STARTS.get(0))), "alpha1 beyond 100");
        assertThrows(IllegalArgumentException.class, () -> MgpsEstimator.withDefaults().withMinimumCount(0));
        assertThrows(IllegalArgumentException.class, () -> WeightedPoint.of(1, 0));
    }

    private static void assertLikelihood(int minimumCount, List<WeightedPoint> data) {
        MgpsPrior theta = new MgpsPrior(1.5, 0.8, 3, 2.5, 0.2);
        double expected = 0;
        for (WeightedPoint point : data) {
            double first = truncated(point, 1.5, 0.8, minimumCount);
            double second = truncated(point, 3, 2.5, minimumCount);
            expected -= point.weight() * Math.log(0.2 * first + 0.8 * second);
        }
        double actual = MgpsEstimator.withDefaults().withMinimumCount(minimumCount).negativeLogLikelihood(theta, data);
        assertEquals(expected, actual, 1e-12 * Math.abs(expected));
    }

    /** f(N) / (1 − Σ<sub>k &lt; N*</sub> f(k)). */
    private static double truncated(WeightedPoint point, double alpha, double beta, int minimumCount) {
        double below = 0;
        for (int k = 0; k < minimumCount; k++) {
            below += MgpsPosteriorTest.negativeBinomial(k, alpha, beta, point.expected());
        }
        return MgpsPosteriorTest.negativeBinomial(point.actual(), alpha, beta, point.expected()) / (1 - below);
    }
}
