package org.iago.stats.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.iago.stats.ReferenceTables;
import org.junit.jupiter.api.Test;

/**
 * {@link AndersonDarlingKSample} against R package kSamples 1.2-9 {@code ad.test(..., method = "asymptotic")} on R
 * 4.2.2 ({@code reference/onset/ad_reference.R}; see PROVENANCE.md there): both versions, T and the asymptotic
 * p-values, with ties, without, for k = 2 and 3, inside and beyond the p-value table (observed agreement: about 1e-13
 * relative, 2e-11 for the p-value of 1e-64 that ad.pval extrapolates far beyond its table).
 */
class AndersonDarlingKSampleTest {

    private static final AndersonDarlingKSample AD = AndersonDarlingKSample.withDefaults();
    private static final double RELATIVE = 1e-10;

    @Test
    void equalsKSamplesAdTest() {
        for (Map<String, String> row : ReferenceTables.read("/reference/onset/ad_reference.csv")) {
            String what = row.get("case");
            double[][] samples = Arrays.stream(row.get("samples").split(" \\| "))
                    .map(s -> Arrays.stream(s.trim().split(" ")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
            AndersonDarlingKSample.Result r = AD.test(samples);
            assertEquals(Integer.parseInt(row.get("k")), samples.length, what);
            ReferenceTables.assertRelative(number(row, "sigma"), r.sigma(), RELATIVE, what + " sigma");
            ReferenceTables.assertRelative(number(row, "akn2"), r.version1().statistic(), RELATIVE, what + " A2kN");
            ReferenceTables.assertRelative(number(row, "t1"), r.version1().standardized(), RELATIVE, what + " T1");
            ReferenceTables.assertRelative(number(row, "p1"), r.version1().pValue(), RELATIVE, what + " p1");
            ReferenceTables.assertRelative(number(row, "aakn2"), r.version2().statistic(), RELATIVE, what + " A2akN");
            ReferenceTables.assertRelative(number(row, "t2"), r.version2().standardized(), RELATIVE, what + " T2");
            ReferenceTables.assertRelative(number(row, "p2"), r.version2().pValue(), RELATIVE, what + " p2");
        }
    }

    @Test
    void twoSampleStatisticByHand() {
        // x = {1}, y = {2}: N = 2, L = 2. (1): only j = 1, l = 1, M = 1, B = 1: (2·1 − 1·1)²/(1·1) = 1 for x and
        // (2·0 − 1·1)² = 1 for y; A²kN = (1/2)(1 + 1) = 1. N = 2: σ = 0, T undefined, p = 1 (kSamples: AD 1, p 1).
        AndersonDarlingKSample.Result r = AD.test(new double[] {1}, new double[] {2});
        assertEquals(1, r.version1().statistic(), 1e-15);
        assertEquals(0, r.sigma());
        assertTrue(Double.isNaN(r.version1().standardized()));
        assertEquals(1, r.version1().pValue());
        assertEquals(1, r.version2().pValue());
    }

    @Test
    void allValuesTiedLeaveVersionTwoUndefined() {
        // kSamples stops here (ad_reference.Rout.txt): A2akN is 0/0
        AndersonDarlingKSample.Result r = AD.test(new double[] {3, 3, 3}, new double[] {3, 3, 3, 3});
        assertEquals(0, r.version1().statistic());
        assertTrue(r.version1().pValue() > 0.5, "no difference: " + r.version1());
        assertTrue(Double.isNaN(r.version2().statistic()));
        assertTrue(Double.isNaN(r.version2().pValue()));
    }

    @Test
    void symmetricInItsSamplesAndTheirOrder() {
        double[] x = {5, 1, 3, 3, 8, 13, 2};
        double[] y = {4, 4, 9, 10, 2, 7, 21, 30};
        AndersonDarlingKSample.Result forward = AD.test(x, y);
        AndersonDarlingKSample.Result swapped = AD.test(y, x);
        assertEquals(forward.version1().statistic(), swapped.version1().statistic(), 1e-14);
        assertEquals(forward.version2().pValue(), swapped.version2().pValue(), 1e-14);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        assertEquals(forward, AD.test(sorted, y));
        assertEquals(5, x[0], "the input is not sorted in place");
    }

    @Test
    void frequencyTablesGiveWhatTheSamplesGive() {
        // the onset_days case of the reference, as counts per day 0..47 (days 46, 47 in neither sample)
        double[] x = {0, 1, 1, 2, 3, 5, 8, 8, 14};
        double[] y = {1, 2, 2, 4, 7, 9, 9, 15, 21, 30, 30, 45};
        long[] xCounts = new long[48];
        long[] yCounts = new long[48];
        Arrays.stream(x).forEach(d -> xCounts[(int) d]++);
        Arrays.stream(y).forEach(d -> yCounts[(int) d]++);
        assertEquals(AD.test(x, y), AD.testCounts(xCounts, yCounts));
    }

    @Test
    void sigmaInLinearTimeEqualsTheDoubleSum() {
        // kSamples sums g over i and j; the suffix sums of sigma() must give the same
        long[] sizes = {37, 250};
        int n = 287;
        double g = 0;
        for (int i = 1; i <= n - 2; i++) {
            double inner = 0;
            for (int j = i + 1; j <= n - 1; j++) {
                inner += 1.0 / j;
            }
            g += inner / (n - i);
        }
        double h = 0;
        for (int i = 1; i <= n - 1; i++) {
            h += 1.0 / i;
        }
        double bigH = 1.0 / 37 + 1.0 / 250;
        double a = (4 * g - 6) + (10 - 6 * g) * bigH;
        double b = (2 * g - 4) * 4 + 16 * h + (2 * g - 14 * h - 4) * bigH - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * 4 + (4 * h - 4 * g + 6) * 2 + (2 * h - 6) * bigH + 4 * h;
        double d = (2 * h + 6) * 4 - 8 * h;
        double expected = Math.sqrt((a * n * n * n + b * n * n + c * n + d) / ((n - 1.0) * (n - 2) * (n - 3)));
        ReferenceTables.assertRelative(expected, AndersonDarlingKSample.sigma(sizes, n, 2), 1e-13, "sigma");
    }

    @Test
    void refusesWhatKSamplesRefuses() {
        assertThrows(IllegalArgumentException.class, () -> AD.test(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> AD.test(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> AD.test(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> AD.testCounts(new long[] {1, 2}, new long[] {1}));
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }
}
