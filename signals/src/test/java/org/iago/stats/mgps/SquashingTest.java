package org.iago.stats.mgps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Squashing against the structure that openEBGM 0.9.1's tests (tests/testthat/testB_Squashing.R) check: 11 points
 * with N = 0, 10 with N = 1, 4 with N = 2 and 1 with N = 3. openEBGM draws E with rnorm; here E are fixed, listed in
 * a shuffled order so that the sort by E is exercised.
 */
class SquashingTest {

    private static final double[] E_ZEROES = {0.9, 0.1, 1.1, 0.5, 0.3, 0.7, 0.2, 1.0, 0.4, 0.8, 0.6};
    private static final double[] E_ONES = {1.9, 1.0, 1.4, 1.2, 1.8, 1.1, 1.3, 1.7, 1.5, 1.6};
    private static final double[] E_TWOS = {2.4, 2.1, 2.3, 2.2};

    private static final Squashing SMALL = Squashing.withDefaults().withMinBins(2).withMinPoints(2);

    @Test
    void weightsAreBinSizesWithTheRemainderLastAndKeptPointsUnsquashed() {
        // testB_Squashing.R, "do the weights make sense?": 11 zeroes in bins of 3
        assertEquals(weights(3, 3, 3, 2), zeroWeights(SMALL.withBinSize(3).withKeepPoints(0)));
        assertEquals(weights(3, 3, 2, 1, 1, 1), zeroWeights(SMALL.withBinSize(3).withKeepPoints(3)));
        assertEquals(weights(3, 2, 1, 1, 1, 1, 1, 1), zeroWeights(SMALL.withBinSize(3).withKeepPoints(6)));
    }

    @Test
    void binsAverageTheSortedExpectedCountsAndKeepTheLargest() {
        // testB_Squashing.R, "are the Es averaged correctly?": bins of 5, keep 5
        List<WeightedPoint> squashed = SMALL.withBinSize(5).withKeepPoints(5).squash(data(), 0);
        List<WeightedPoint> zeroes = squashed.stream().filter(p -> p.actual() == 0).toList();
        assertEquals(List.of(new WeightedPoint(0, 0.3, 5), new WeightedPoint(0, 0.6, 1), new WeightedPoint(0, 0.7, 1),
                        new WeightedPoint(0, 0.8, 1), new WeightedPoint(0, 0.9, 1), new WeightedPoint(0, 1.0, 1),
                        new WeightedPoint(0, 1.1, 1)),
                rounded(zeroes));
    }

    @Test
    void squashesIterativelyOneCountAtATimeAndSortsByCount() {
        // testB_Squashing.R, "correct number of rows": 21, 17 and 16 rows
        List<WeightedPoint> zeroes = SMALL.withBinSize(3).withKeepPoints(3).squash(data(), 0);
        List<WeightedPoint> ones = SMALL.withBinSize(2).withKeepPoints(2).squash(zeroes, 1);
        List<WeightedPoint> twos = SMALL.withBinSize(2).withKeepPoints(2).squash(ones, 2);
        assertEquals(21, zeroes.size());
        assertEquals(17, ones.size());
        assertEquals(16, twos.size());
        for (int i = 1; i < twos.size(); i++) {
            assertTrue(twos.get(i - 1).actual() <= twos.get(i).actual(), "sorted by N");
        }
        assertEquals(26, twos.stream().mapToInt(WeightedPoint::weight).sum(), "weights add up to the pairs");
        assertEquals(3, twos.get(twos.size() - 1).actual());
    }

    @Test
    void refusesWhatOpenEbgmRefuses() {
        List<WeightedPoint> data = data();
        assertThrows(IllegalArgumentException.class, () -> Squashing.withDefaults().withBinSize(1));
        assertThrows(IllegalArgumentException.class, () -> Squashing.withDefaults().withKeepPoints(-1));
        assertThrows(IllegalArgumentException.class, () -> SMALL.squash(data, -1));
        List<WeightedPoint> ones = SMALL.withBinSize(2).withKeepPoints(2).squash(data, 1);
        assertThrows(IllegalArgumentException.class, () -> SMALL.withBinSize(2).squash(ones, 1),
                "already squashed for this count");
        assertThrows(IllegalArgumentException.class, () -> Squashing.withDefaults().withMinBins(2).squash(data, 3),
                "not enough points (default minPoints = 500)");
        assertThrows(IllegalArgumentException.class, () -> SMALL.withBinSize(50).withKeepPoints(0).squash(data, 0),
                "not enough bins");
        assertThrows(IllegalArgumentException.class, () -> SMALL.withBinSize(2).withKeepPoints(12).squash(data, 0),
                "reduce binSize or keepPoints");
    }

    @Test
    void reproducesTheSizeAndFirstSuperpointOfTheCaersSquashingInOpenEbgmsVignette() {
        List<WeightedPoint> points = CaersTable.points(CaersTable.pairs());
        List<WeightedPoint> squashed = Squashing.withDefaults().squash(points, 1);
        // openEBGM hyperparameter vignette (2018 build): nrow(squashData(processed)) = 1568, and head() shows
        // (N = 1, E = 0.0002979738, weight = 50), E = 1·1/3356 for a drug and an event with one report each
        assertEquals(1568, squashed.size());
        assertEquals(1, squashed.get(0).actual());
        assertEquals(1.0 / 3356, squashed.get(0).expected(), 1e-15);
        assertEquals(50, squashed.get(0).weight());
        assertEquals(points.size(), squashed.stream().mapToInt(WeightedPoint::weight).sum());
    }

    /** The vignette's two steps on CAERS (N = 1 by default, N = 2 in bins of 10 keeping 50); small data unsquashed. */
    @Test
    void squashesAsTheVignetteWhereThereAreEnoughPoints() {
        List<WeightedPoint> points = CaersTable.points(CaersTable.pairs());
        List<WeightedPoint> byHand = Squashing.withDefaults().withBinSize(10).withKeepPoints(50)
                .squash(Squashing.withDefaults().squash(points, 1), 2);
        assertEquals(byHand, Squashing.asInVignette(points));
        assertTrue(byHand.size() < points.size());
        assertEquals(data(), Squashing.asInVignette(data()), "26 points are too few for either step");
    }

    private static List<Integer> zeroWeights(Squashing squashing) {
        return squashing.squash(data(), 0).stream()
                .filter(p -> p.actual() == 0)
                .map(WeightedPoint::weight)
                .toList();
    }

    private static List<Integer> weights(Integer... weights) {
        return List.of(weights);
    }

    /** Rounds E to 12 decimals so that bin means compare exactly. */
    private static List<WeightedPoint> rounded(List<WeightedPoint> points) {
        return points.stream()
                .map(p -> new WeightedPoint(p.actual(), Math.round(p.expected() * 1e12) / 1e12, p.weight()))
                .toList();
    }

    private static List<WeightedPoint> data() {
        List<WeightedPoint> points = new ArrayList<>();
        for (double e : E_ONES) {
            points.add(WeightedPoint.of(1, e));
        }
        for (double e : E_ZEROES) {
            points.add(WeightedPoint.of(0, e));
        }
        for (double e : E_TWOS) {
            points.add(WeightedPoint.of(2, e));
        }
        points.add(WeightedPoint.of(3, 3.0));
        return points;
    }
}
