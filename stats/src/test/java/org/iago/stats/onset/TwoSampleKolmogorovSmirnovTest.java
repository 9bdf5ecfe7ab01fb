package org.iago.stats.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.iago.stats.ReferenceTables;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoSampleKolmogorovSmirnov} against R 4.2.2 {@code ks.test} ({@code reference/onset/ks_reference.R}; see
 * PROVENANCE.md there): exact p-values with and without ties, asymptotic ones with the series in full.
 */
class TwoSampleKolmogorovSmirnovTest {

    private static final TwoSampleKolmogorovSmirnov KS = TwoSampleKolmogorovSmirnov.withDefaults();

    @Test
    void equalsRsKsTest() {
        for (Map<String, String> row : ReferenceTables.read("/reference/onset/ks_reference.csv")) {
            String what = row.get("case");
            TwoSampleKolmogorovSmirnov.Result r = KS.test(sample(row.get("x")), sample(row.get("y")));
            assertEquals(Boolean.parseBoolean(row.get("exact")), r.exact(), what);
            assertEquals(Double.parseDouble(row.get("statistic")), r.statistic(), 1e-15, what);
            double rP = Double.parseDouble(row.get("p_r"));
            if (r.exact()) {
                ReferenceTables.assertRelative(rP, r.pValue(), 1e-12, what);
            } else {
                // R keeps one term of the x < 1 series: up to 3e-5 off; the full series agrees to rounding
                assertEquals(rP, r.pValue(), 5e-5, what);
                assertEquals(Double.parseDouble(row.get("p_full_series")), r.pValue(), 1e-12, what);
            }
        }
    }

    @Test
    void smallExactCaseByEnumeration() {
        // x = {1, 2}, y = {3}: D = 1; of the C(3, 1) = 3 equally likely orderings x x y and y x x reach D = 1,
        // x y x only ½, so p = 2/3
        TwoSampleKolmogorovSmirnov.Result r = KS.test(new double[] {1, 2}, new double[] {3});
        assertEquals(1, r.statistic());
        assertEquals(2.0 / 3, r.pValue(), 1e-15);
    }

    @Test
    void symmetricInItsSamplesAndTheirOrder() {
        double[] x = {5, 1, 3, 3, 8, 13, 2};
        double[] y = {4, 4, 9, 10, 2, 7, 21, 30};
        TwoSampleKolmogorovSmirnov.Result forward = KS.test(x, y);
        TwoSampleKolmogorovSmirnov.Result swapped = KS.test(y, x);
        assertEquals(forward.statistic(), swapped.statistic());
        assertEquals(forward.pValue(), swapped.pValue(), 1e-14);
        double[] reversed = x.clone();
        Arrays.sort(reversed);
        assertEquals(forward, KS.test(reversed, y));
        assertEquals(5, x[0], "the input is not sorted in place");
    }

    @Test
    void frequencyTablesGiveWhatTheSamplesGive() {
        // the onset_days case of the reference, as counts per day 0..45
        double[] x = {0, 1, 1, 2, 3, 5, 8, 8, 14};
        double[] y = {1, 2, 2, 4, 7, 9, 9, 15, 21, 30, 30, 45};
        long[] xCounts = new long[46];
        long[] yCounts = new long[46];
        Arrays.stream(x).forEach(d -> xCounts[(int) d]++);
        Arrays.stream(y).forEach(d -> yCounts[(int) d]++);
        assertEquals(KS.test(x, y), KS.testCounts(xCounts, yCounts));
    }

    @Test
    void upperTailIsContinuousWhereTheSeriesSwitch() {
        double below = TwoSampleKolmogorovSmirnov.kolmogorovUpperTail(Math.nextDown(1.0));
        double at = TwoSampleKolmogorovSmirnov.kolmogorovUpperTail(1.0);
        assertEquals(at, below, 1e-14);
        assertEquals(1, TwoSampleKolmogorovSmirnov.kolmogorovUpperTail(0));
        assertTrue(TwoSampleKolmogorovSmirnov.kolmogorovUpperTail(6) > 0, "a tiny p-value keeps its digits");
    }

    @Test
    void refusesAnEmptySample() {
        assertThrows(IllegalArgumentException.class, () -> KS.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> KS.test(new double[] {Double.NaN}, new double[] {1}));
    }

    private static double[] sample(String values) {
        return Arrays.stream(values.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
