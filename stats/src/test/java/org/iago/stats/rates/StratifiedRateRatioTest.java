package org.iago.stats.rates;

import static org.iago.stats.ReferenceTables.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.iago.stats.rates.StratifiedRateRatio.Stratum;
import org.junit.jupiter.api.Test;

class StratifiedRateRatioTest {

    private final StratifiedRateRatio mantelHaenszel = StratifiedRateRatio.withDefaults();

    /** The three windows of mantel_haenszel_strata.csv: day 0–30, 31–100, &gt;100; prophylaxis vs none. */
    private static List<Stratum> windows() {
        List<Stratum> strata = new ArrayList<>();
        for (RatesReference.Row row : RatesReference.read("mantel_haenszel_strata.csv")) {
            strata.add(new Stratum(new PersonTimeCount(row.count("x1"), row.value("t1")),
                    new PersonTimeCount(row.count("x2"), row.value("t2"))));
        }
        return strata;
    }

    /**
     * The Greenland–Robins formulas evaluated by hand in R 4.2.2 (rates_reference.R, mantel_haenszel_reference.csv).
     * Rounded: R_MH = 0.4846 (0.2855–0.8225), SE(ln R_MH) = 0.2700, p = 0.0073.
     */
    @Test
    void matchesTheHandComputationInR() {
        for (RatesReference.Row row : RatesReference.read("mantel_haenszel_reference.csv")) {
            StratifiedRateRatio.Result r =
                    mantelHaenszel.withConfidenceLevel(row.value("conf_level")).compute(windows());
            String level = " at " + row.value("conf_level");
            assertRelative(row.value("rate_ratio"), r.ratio(), 1e-12, "ratio" + level);
            assertRelative(row.value("se_log"), r.standardErrorLogRatio(), 1e-12, "SE" + level);
            assertRelative(row.value("lower"), r.lower(), 1e-9, "lower" + level);
            assertRelative(row.value("upper"), r.upper(), 1e-9, "upper" + level);
            assertRelative(row.value("p_value"), r.pValue(), 1e-9, "p-value" + level);
        }
    }

    @Test
    void oneStratumIsTheCrudeRatioWithTheWaldVariance() {
        StratifiedRateRatio.Result r = mantelHaenszel.compute(
                List.of(new Stratum(new PersonTimeCount(12, 1650), new PersonTimeCount(25, 1580))));
        assertRelative((12 / 1650.0) / (25 / 1580.0), r.ratio(), 1e-14, "ratio");
        assertRelative(Math.sqrt(1 / 12.0 + 1 / 25.0), r.standardErrorLogRatio(), 1e-14, "SE");
    }

    @Test
    void identicalStrataPoolLikeOneStratumWithTheirSums() {
        Stratum window = new Stratum(new PersonTimeCount(6, 2900), new PersonTimeCount(11, 2650));
        StratifiedRateRatio.Result split = mantelHaenszel.compute(List.of(window, window, window));
        StratifiedRateRatio.Result pooled = mantelHaenszel.compute(
                List.of(new Stratum(new PersonTimeCount(18, 8700), new PersonTimeCount(33, 7950))));
        assertRelative(pooled.ratio(), split.ratio(), 1e-14, "ratio");
        assertRelative(pooled.standardErrorLogRatio(), split.standardErrorLogRatio(), 1e-14, "SE");
    }

    @Test
    void emptyGroupsAndStrataContributeNothing() {
        List<Stratum> padded = new ArrayList<>(windows());
        padded.add(new Stratum(new PersonTimeCount(0, 0), new PersonTimeCount(0, 0)));
        padded.add(new Stratum(new PersonTimeCount(0, 0), new PersonTimeCount(5, 300)));
        assertEquals(mantelHaenszel.compute(windows()), mantelHaenszel.compute(padded));
    }

    @Test
    void specialCases() {
        Stratum noIndexEvent = new Stratum(new PersonTimeCount(0, 100), new PersonTimeCount(4, 100));
        Stratum noReferenceEvent = new Stratum(new PersonTimeCount(4, 100), new PersonTimeCount(0, 100));
        Stratum noEvent = new Stratum(new PersonTimeCount(0, 100), new PersonTimeCount(0, 100));
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(new StratifiedRateRatio.Result(0, 0, inf, inf, Double.NaN),
                mantelHaenszel.compute(List.of(noIndexEvent, noEvent)));
        assertEquals(new StratifiedRateRatio.Result(inf, 0, inf, inf, Double.NaN),
                mantelHaenszel.compute(List.of(noReferenceEvent)));
        assertEquals(new StratifiedRateRatio.Result(Double.NaN, 0, inf, inf, Double.NaN),
                mantelHaenszel.compute(List.of(noEvent)));
    }

    @Test
    void intervalContainsTheRatio() {
        StratifiedRateRatio.Result r = mantelHaenszel.compute(windows());
        assertTrue(0 < r.lower() && r.lower() < r.ratio() && r.ratio() < r.upper(), r.toString());
    }

    @Test
    void rejectsNoStrata() {
        assertThrows(IllegalArgumentException.class, () -> mantelHaenszel.compute(List.of()));
        assertThrows(IllegalArgumentException.class, () -> mantelHaenszel.withConfidenceLevel(-0.1));
    }
}
