package org.iago.stats.mgps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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

    /**
     * openEBGM 0.9.1's autoSquash with its defaults, worked by hand from R/f_dataSquashing.R: counts with more than
     * 101 points are squashed; the i-th of them keeps 100, 75, 50, 25, 25… points and bins the m others into
     * max(⌊m / s⌋, 2) points, s = 50 superpoints for m &lt; 500. N = 3 has 101 points and is skipped, so N = 7 is the
     * third count squashed (keeps 50), not the fourth.
     */
    @Test
    void autoSquashBinsEveryCountAsOpenEbgmsAutoSquash() {
        List<WeightedPoint> data = new ArrayList<>();
        addCount(data, 1, 700);   // keep 100; 600 in 75 superpoints (600 < 1,000) of 8
        addCount(data, 2, 150);   // keep 75; 75 in bins of max(⌊75/50⌋, 2) = 2: 37 of 2 and the remainder 1
        addCount(data, 3, 101);   // not more than 101 points: left as it is
        addCount(data, 4, 1);
        addCount(data, 7, 300);   // keep 50; 250 in bins of 5
        addCount(data, 9, 200);   // keep 25; 175 in bins of 3: 58 of 3 and 1
        addCount(data, 10, 127);  // keep 25 (the last keep_pts for every later count); 102 in 51 bins of 2
        Collections.shuffle(data, new Random(18));
        List<WeightedPoint> squashed = Squashing.autoSquash(data);

        assertWeights(squashed, 1, 75, 8, 0, 100);
        assertWeights(squashed, 2, 37, 2, 1, 75);
        assertWeights(squashed, 4, 0, 0, 0, 1);
        assertWeights(squashed, 7, 50, 5, 0, 50);
        assertWeights(squashed, 9, 58, 3, 1, 25);
        assertWeights(squashed, 10, 51, 2, 0, 25);
        List<WeightedPoint> threes = squashed.stream().filter(p -> p.actual() == 3).toList();
        assertEquals(data.stream().filter(p -> p.actual() == 3).toList(), threes, "unsquashed, in input order");
        for (int i = 1; i < squashed.size(); i++) {
            assertTrue(squashed.get(i - 1).actual() <= squashed.get(i).actual(), "sorted by N");
        }
        // E of N = 1 are 1/1000 … 700/1000: the first bin averages 1…8, the kept points are 601…700 in order
        List<WeightedPoint> ones = squashed.stream().filter(p -> p.actual() == 1).toList();
        assertEquals(4.5 / 1000, ones.get(0).expected(), 1e-15);
        assertEquals(596.5 / 1000, ones.get(74).expected(), 1e-13);
        assertEquals(WeightedPoint.of(1, 601.0 / 1000), ones.get(75));
        assertEquals(WeightedPoint.of(1, 700.0 / 1000), ones.get(174));
        // the 38th superpoint of N = 2 is the remainder: the 75th smallest E alone
        assertEquals(new WeightedPoint(2, 75.0 / 1000, 1), squashed.stream().filter(p -> p.actual() == 2).toList()
                .get(37));
        assertEquals(data.size(), squashed.stream().mapToInt(WeightedPoint::weight).sum());
    }

    @Test
    void autoSquashTakesTheSuperpointsOfTheFirstCutOffAboveThePointsToSquash() {
        List<WeightedPoint> data = new ArrayList<>();
        addCount(data, 1, 10_100);  // 10,000 to squash is not below 1e4: 500 superpoints of 20
        addCount(data, 2, 10_074);  // 9,999 to squash is below 1e4: bins of ⌊9999/150⌋ = 66, 151 full and one of 33
        List<WeightedPoint> squashed = Squashing.autoSquash(data);
        assertWeights(squashed, 1, 500, 20, 0, 100);
        assertWeights(squashed, 2, 151, 66, 33, 75);
    }

    @Test
    void autoSquashRefusesSquashedData() {
        List<WeightedPoint> squashed = Squashing.withDefaults().squash(CaersTable.points(CaersTable.pairs()), 1);
        assertThrows(IllegalArgumentException.class, () -> Squashing.autoSquash(squashed));
    }

    @Test
    void forEstimationSquashesAsTheVignetteUpToItsLimitAndEveryCountSixTimesFinerAbove() {
        List<WeightedPoint> caers = CaersTable.points(CaersTable.pairs());
        assertEquals(Squashing.asInVignette(caers), Squashing.forEstimation(caers), "CAERS keeps its reference");
        List<WeightedPoint> large = new ArrayList<>();
        addCount(large, 1, 98_000);                                           // 97,400 to squash: bins of 97,400/3,000
        addCount(large, 2, 2_001);                                            // 1,551 to squash: bins of 2 (not 1)
        addCount(large, 3, Squashing.VIGNETTE_SQUASHING_MAX_POINTS);          // the vignette keeps these as they are
        List<WeightedPoint> squashed = Squashing.forEstimation(large);
        assertTrue(Squashing.asInVignette(large).size() > Squashing.VIGNETTE_SQUASHING_MAX_POINTS);
        assertEquals(Squashing.autoSquash(large, new int[] {600, 450, 300, 150},
                new long[] {500, 1_000, 10_000, 100_000, 500_000, 1_000_000, 5_000_000},
                new int[] {300, 450, 900, 3_000, 4_500, 6_000, 12_000, 30_000}), squashed);
        assertWeights(squashed, 1, 3_043, 32, 24, 600);
        assertWeights(squashed, 2, 775, 2, 1, 450);
        List<WeightedPoint> fewerThrees = large.subList(0, large.size() - 4_000);
        assertTrue(Squashing.asInVignette(fewerThrees).size() <= Squashing.VIGNETTE_SQUASHING_MAX_POINTS);
        assertEquals(Squashing.asInVignette(fewerThrees), Squashing.forEstimation(fewerThrees),
                "a table the vignette squashes to at most the limit is squashed as the vignette does");
    }

    /** Count n: {@code full} superpoints of weight {@code bin}, then one of {@code remainder} if &gt; 0, then kept. */
    private static void assertWeights(List<WeightedPoint> points, int n, int full, int bin, int remainder, int kept) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < full; i++) {
            expected.add(bin);
        }
        if (remainder > 0) {
            expected.add(remainder);
        }
        for (int i = 0; i < kept; i++) {
            expected.add(1);
        }
        assertEquals(expected, points.stream().filter(p -> p.actual() == n).map(WeightedPoint::weight).toList(),
                "weights of N = " + n);
    }

    /** {@code size} points with count n and E = 1/1000 … size/1000. */
    private static void addCount(List<WeightedPoint> data, int n, int size) {
        for (int i = 1; i <= size; i++) {
            data.add(WeightedPoint.of(n, i / 1000.0));
        }
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
