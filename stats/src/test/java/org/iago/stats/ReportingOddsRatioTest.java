package org.iago.stats;

import static org.iago.stats.TwoByTwoReference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportingOddsRatioTest {

    private final ReportingOddsRatio ror = ReportingOddsRatio.withDefaults();

    /** Columns ROR, ROR_lo95, ROR_hi95 of two_by_two_reference.csv (R 4.2.2, bounds with qnorm(0.975)). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.TwoByTwoReference#rows")
    void matchesR(TwoByTwoReference.Row row) {
        ReportingOddsRatio.Result result = ror.compute(row.table());
        assertRelative(row.value("ROR"), result.ror(), "ROR");
        assertRelative(row.value("ROR_lo95"), result.lower(), "ROR_lo95");
        assertRelative(row.value("ROR_hi95"), result.upper(), "ROR_hi95");
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
                        ReportingOddsRatio.Result r = ror.compute(new TwoByTwo(a, b, c, d));
                        if (!Double.isNaN(r.ror())) {
                            String table = a + "," + b + "," + c + "," + d + ": " + r;
                            assertTrue(r.lower() <= r.ror() && r.ror() <= r.upper(), table);
                            assertTrue(r.lower() >= 0, table);
                        }
                    }
                }
            }
        }
    }

    @Test
    void anEmptyOffDiagonalCellGivesInfinity() {
        // b = 0 and c = 0 alone: ad/0 with ad > 0
        assertEquals(new ReportingOddsRatio.Result(Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY),
                ror.compute(new TwoByTwo(5, 0, 50, 9945)));
        assertEquals(new ReportingOddsRatio.Result(Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY),
                ror.compute(new TwoByTwo(3, 97, 0, 9900)));
    }

    @Test
    void anEmptyDiagonalCellGivesZero() {
        // a = 0 and d = 0 alone: 0/bc with bc > 0
        assertEquals(new ReportingOddsRatio.Result(0, 0, Double.POSITIVE_INFINITY),
                ror.compute(new TwoByTwo(0, 100, 50, 9850)));
        assertEquals(new ReportingOddsRatio.Result(0, 0, Double.POSITIVE_INFINITY),
                ror.compute(new TwoByTwo(5, 95, 50, 0)));
    }

    @Test
    void zeroOverZeroIsNaN() {
        ReportingOddsRatio.Result nan = new ReportingOddsRatio.Result(Double.NaN, Double.NaN, Double.NaN);
        assertEquals(nan, ror.compute(new TwoByTwo(0, 0, 5, 95)), "drug never reported");
        assertEquals(nan, ror.compute(new TwoByTwo(0, 10, 0, 90)), "event never reported");
        assertEquals(nan, ror.compute(new TwoByTwo(5, 0, 50, 0)), "b = d = 0");
        assertEquals(nan, ror.compute(new TwoByTwo(5, 95, 0, 0)), "c = d = 0");
    }
}
