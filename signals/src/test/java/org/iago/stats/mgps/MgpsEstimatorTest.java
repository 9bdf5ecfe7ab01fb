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

    @Test
    void failsLoudlyWhenNoTwoStartsAgree() {
        // 100 evaluations are far too few for BOBYQA in 5 dimensions to converge from any start
        MgpsEstimator starved = MgpsEstimator.withDefaults().withMaxEvaluations(100);
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
