package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * {@link FalseDiscoveryRate} against R: {@code p.adjust(p, "BH")} and PhViD's Bayesian FDR line, computed by
 * {@code reference/fdr/fdr_reference.R} (R 4.2.2; see PROVENANCE.md there), and hand-checked on small inputs.
 */
class FalseDiscoveryRateTest {

    /** Sums of up to 200 terms: a few units in the last place. */
    private static final double TOLERANCE = 1e-14;

    @Test
    void benjaminiHochbergEqualsRsPAdjust() {
        for (String set : List.of("mixed", "small")) {
            assertReference(set, "bh", FalseDiscoveryRateTest::bh);
        }
    }

    @Test
    void bayesianEqualsPhViDsCumulativeMean() {
        for (String set : List.of("mixed", "small")) {
            assertReference(set, "bayesian", FalseDiscoveryRateTest::bayesian);
        }
    }

    @Test
    void smallExamplesByHand() {
        // sorted 0.005 0.01 0.03 0.04 0.04 0.5; m·p(j)/j = 0.03 0.03 0.06 0.06 0.048 0.5; minimum from the right
        assertArrayEquals(new double[] {0.03, 0.048, 0.048, 0.03, 0.5, 0.048},
                bh(new double[] {0.01, 0.04, 0.03, 0.005, 0.5, 0.04}), 1e-15);
        // sorted 0.01 0.01 0.2 0.5 0.9; cumulative means 0.01 0.01 0.0733 0.18 0.324
        assertArrayEquals(new double[] {0.324, 0.01, 0.22 / 3, 0.01, 0.18},
                bayesian(new double[] {0.9, 0.01, 0.2, 0.01, 0.5}), 1e-15);
    }

    @Test
    void tiedPairsShareTheirFalseDiscoveryRateWhateverTheirOrder() {
        double[] forward = bayesian(new double[] {0.1, 0.3, 0.3, 0.3, 0.02});
        double[] backward = bayesian(new double[] {0.02, 0.3, 0.3, 0.3, 0.1});
        assertEquals(forward[1], forward[2]);
        assertEquals(forward[2], forward[3]);
        assertEquals((0.02 + 0.1 + 0.9) / 5, forward[3], 1e-15);
        assertEquals(forward[3], backward[1]);
    }

    @Test
    void undefinedValuesAreLeftOutOfTheRanking() {
        double[] q = bh(new double[] {0.01, Double.NaN, 0.02});
        assertTrue(Double.isNaN(q[1]));
        assertEquals(0.02, q[0], 1e-15);                   // m = 2, not 3
        assertEquals(0, bayesian(new double[0]).length);
        assertThrows(IllegalArgumentException.class, () -> FalseDiscoveryRate.bayesian(new double[] {0.5}).of(0.4),
                "a value outside the ranking");
    }

    @Test
    void rankingIsMonotoneAndWithinTheUnitInterval() {
        double[] p = new double[500];
        SplitMixGenerator random = new SplitMixGenerator(7);
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble() * random.nextDouble();
        }
        for (double[] q : List.of(bh(p), bayesian(p))) {
            for (int i = 0; i < p.length; i++) {
                assertTrue(q[i] >= 0 && q[i] <= 1);
                for (int j = 0; j < p.length; j++) {
                    assertTrue(p[i] > p[j] || q[i] <= q[j], "a smaller value never has a larger FDR");
                }
            }
        }
        for (int i = 0; i < p.length; i++) {
            assertTrue(bh(p)[i] >= p[i], "q ≥ p");
        }
    }

    /**
     * Rankings of one block and of many ({@link FalseDiscoveryRate#of} searches the first value of each block of 64,
     * then the block), with ties: every value gets the rate of (1) computed here from its definition, and a value
     * between two of the ranking, before the first or after the last is refused.
     */
    @Test
    void everyValueFindsItsRateWhateverTheBlockItFallsIn() {
        SplitMixGenerator random = new SplitMixGenerator(11);
        for (int m : new int[] {1, 63, 64, 65, 128, 129, 3000}) {
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                double u = random.nextDouble() * random.nextDouble();
                p[i] = i % 2 == 0 ? Math.round(u * 200) / 200.0 : u;        // half of them tied on a coarse grid
            }
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double[] q = bh(p);
            for (int i = 0; i < m; i++) {
                int last = 0;                                               // how many values are at most p[i]
                while (last < m && sorted[last] <= p[i]) {
                    last++;
                }
                double expected = 1;
                for (int j = last; j <= m; j++) {
                    expected = Math.min(expected, m * sorted[j - 1] / j);
                }
                assertEquals(expected, q[i], 0, "m = " + m + ", p = " + p[i]);
            }
            FalseDiscoveryRate ranking = FalseDiscoveryRate.benjaminiHochberg(p);
            for (int k = 0; k + 1 < m; k++) {
                if (sorted[k] < sorted[k + 1]) {
                    double between = (sorted[k] + sorted[k + 1]) / 2;
                    if (between > sorted[k] && between < sorted[k + 1]) {
                        assertThrows(IllegalArgumentException.class, () -> ranking.of(between));
                    }
                }
            }
            assertThrows(IllegalArgumentException.class, () -> ranking.of(Math.nextDown(sorted[0])));
            assertThrows(IllegalArgumentException.class, () -> ranking.of(Math.nextUp(sorted[m - 1])));
        }
    }

    @Test
    void refusesValuesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> FalseDiscoveryRate.benjaminiHochberg(new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> FalseDiscoveryRate.bayesian(new double[] {-0.1}));
    }

    private static double[] bh(double[] p) {
        return all(FalseDiscoveryRate.benjaminiHochberg(p), p);
    }

    private static double[] bayesian(double[] p) {
        return all(FalseDiscoveryRate.bayesian(p), p);
    }

    private static double[] all(FalseDiscoveryRate ranking, double[] values) {
        return Arrays.stream(values).map(ranking::of).toArray();
    }

    private static void assertReference(String set, String kind, Function<double[], double[]> estimator) {
        List<Map<String, String>> rows = ReferenceTables.read("/reference/fdr/fdr_reference.csv").stream()
                .filter(r -> r.get("set").equals(set) && r.get("kind").equals(kind))
                .toList();
        double[] values = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("value"))).toArray();
        double[] actual = estimator.apply(values);
        for (int i = 0; i < rows.size(); i++) {
            double expected = Double.parseDouble(rows.get(i).get("expected"));
            String what = set + " " + kind + " #" + rows.get(i).get("index");
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual[i]), what);
            } else {
                assertEquals(expected, actual[i], TOLERANCE * Math.max(1, expected), what);
            }
        }
    }
}
