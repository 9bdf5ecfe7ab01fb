package org.iago.stats;

import static org.iago.stats.TwoByTwoReference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProportionalReportingRatioTest {

    private final ProportionalReportingRatio prr = ProportionalReportingRatio.withDefaults();

    /**
     * Columns PRR, PRR_lo95, PRR_hi95, chisq_yates, chisq_uncorrected of two_by_two_reference.csv, computed in
     * R 4.2.2 from reference/statistics.md (bounds with qnorm(0.975)).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.TwoByTwoReference#rows")
    void matchesR(TwoByTwoReference.Row row) {
        ProportionalReportingRatio.Result result = prr.compute(row.table());
        assertRelative(row.value("PRR"), result.prr(), "PRR");
        assertRelative(row.value("PRR_lo95"), result.lower(), "PRR_lo95");
        assertRelative(row.value("PRR_hi95"), result.upper(), "PRR_hi95");
        assertRelative(row.value("chisq_yates"), result.chiSquaredYates(), "chisq_yates");
        assertRelative(row.value("chisq_uncorrected"), result.chiSquared(), "chisq_uncorrected");
    }

    @Test
    void boundsEncloseThePointEstimate() {
        long[] counts = {0, 1, 2, 3, 10, 1000, 5_000_000};
        for (long a : counts) {
            for (long b : counts) {
                for (long c : counts) {
                    for (long d : counts) {
                        if (a + b + c + d == 0) {
                            continue;
                        }
                        ProportionalReportingRatio.Result r = prr.compute(new TwoByTwo(a, b, c, d));
                        if (!Double.isNaN(r.prr())) {
                            String table = a + "," + b + "," + c + "," + d + ": " + r;
                            assertTrue(r.lower() <= r.prr() && r.prr() <= r.upper(), table);
                            assertTrue(r.lower() >= 0, table);
                        }
                        assertTrue(Double.isNaN(r.chiSquared()) || r.chiSquaredYates() <= r.chiSquared(),
                                "Yates' correction never increases chi-squared");
                    }
                }
            }
        }
    }

    @Test
    void noReportOfTheEventWithAnotherDrugGivesInfinity() {
        // c = 0: x/0, as openEBGM returns Inf
        ProportionalReportingRatio.Result r = prr.compute(new TwoByTwo(3, 97, 0, 9900));
        assertEquals(Double.POSITIVE_INFINITY, r.prr());
        assertEquals(0, r.lower());
        assertEquals(Double.POSITIVE_INFINITY, r.upper());
        assertTrue(r.chiSquaredYates() > 0 && Double.isFinite(r.chiSquaredYates()));
    }

    @Test
    void noReportOfThePairGivesZeroWithAnUninformativeInterval() {
        ProportionalReportingRatio.Result r = prr.compute(new TwoByTwo(0, 100, 50, 9850));
        assertEquals(0, r.prr());
        assertEquals(0, r.lower());
        assertEquals(Double.POSITIVE_INFINITY, r.upper());
        // E = 0.5: no report against half a report expected, within the continuity correction
        assertEquals(0, r.chiSquaredYates());
        // N (ad - bc)^2 / [(a+b)(c+d)(a+c)(b+d)] with ad - bc = -5000
        assertEquals(10_000.0 * 5000 * 5000 / (100.0 * 9900 * 50 * 9950), r.chiSquared(), 1e-12);
    }

    @Test
    void emptyDrugOrOtherDrugCellsNeedNoSpecialCase() {
        // b = 0: every report of the drug has the event; PRR = (c+d)/c and SE(ln PRR) = sqrt(1/c - 1/(c+d))
        ProportionalReportingRatio.Result noB = prr.compute(new TwoByTwo(5, 0, 50, 9945));
        assertEquals(9995.0 / 50, noB.prr(), 1e-12);
        assertTrue(noB.lower() > 1 && Double.isFinite(noB.upper()));
        // d = 0: every report without the drug has the event; PRR = a/(a+b)
        ProportionalReportingRatio.Result noD = prr.compute(new TwoByTwo(5, 95, 50, 0));
        assertEquals(0.05, noD.prr(), 1e-15);
        assertTrue(noD.lower() < noD.prr() && noD.upper() > noD.prr());
    }

    @Test
    void undefinedRatiosAreNaN() {
        // a + b = 0: the drug was never reported
        assertAllNaN(prr.compute(new TwoByTwo(0, 0, 5, 95)));
        // c + d = 0: no report of another drug
        assertAllNaN(prr.compute(new TwoByTwo(5, 95, 0, 0)));
        // a = c = 0: the event was never reported; chi-squared is 0/0 too
        ProportionalReportingRatio.Result noEvent = prr.compute(new TwoByTwo(0, 10, 0, 90));
        assertAllNaN(noEvent);
    }

    @Test
    void chiSquaredIsNaNWhenOnlyTheNoEventMarginIsEmpty() {
        // b = d = 0: every report has the event; PRR = 1 but chi-squared is 0/0
        ProportionalReportingRatio.Result r = prr.compute(new TwoByTwo(5, 0, 50, 0));
        assertEquals(1, r.prr());
        assertEquals(1, r.lower());
        assertEquals(1, r.upper());
        assertTrue(Double.isNaN(r.chiSquared()) && Double.isNaN(r.chiSquaredYates()));
    }

    @Test
    void yatesCorrectionStopsAtZero() {
        // ad - bc = 9000 - 9090 = -90, less than N/2 = 550.5: the corrected statistic is 0, as R's chisq.test
        ProportionalReportingRatio.Result r = prr.compute(new TwoByTwo(10, 90, 101, 900));
        assertEquals(0, r.chiSquaredYates());
        assertTrue(r.chiSquared() > 0);
    }

    private static void assertAllNaN(ProportionalReportingRatio.Result r) {
        assertTrue(Double.isNaN(r.prr()) && Double.isNaN(r.lower()) && Double.isNaN(r.upper()), r.toString());
        assertTrue(Double.isNaN(r.chiSquared()) && Double.isNaN(r.chiSquaredYates()), r.toString());
    }
}
