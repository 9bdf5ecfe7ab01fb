package org.iago.stats.tte;

import static org.iago.stats.ReferenceTables.assertRelative;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KaplanMeierTest {

    /** Tolerance against R: 1e-8 relative, far above the ~1e-15 the two differ by in summation order. */
    private static final double TOLERANCE = 1e-8;

    private final KaplanMeier km = KaplanMeier.withDefaults();

    /**
     * km.csv: {@code survfit(Surv(time, status > 0) ~ 1)} (survival 3.5.3, conf.type "log", conf.int 0.95) for the
     * cohort, each product and each edge case; every step's counts, surv, std.err, lower and upper.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void matchesSurvfitAtEveryTime(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        List<KaplanMeier.Step> steps = km.estimate(subjects.times(), subjects.anyEvent()).steps();
        List<TteReference.Row> expected = TteReference.rows("km.csv", subset);
        assertEquals(expected.size(), steps.size(), "number of distinct times");
        for (int j = 0; j < steps.size(); j++) {
            KaplanMeier.Step step = steps.get(j);
            TteReference.Row row = expected.get(j);
            String at = subset + " t=" + row.text("time") + " ";
            assertEquals(row.number("time"), step.time(), at + "time");
            assertEquals((int) row.number("n.risk"), step.atRisk(), at + "n.risk");
            assertEquals((int) row.number("n.event"), step.events(), at + "n.event");
            assertEquals((int) row.number("n.censor"), step.censored(), at + "n.censor");
            assertRelative(row.number("surv"), step.survival(), TOLERANCE, at + "surv");
            assertRelative(row.number("std.err"), step.standardError(), TOLERANCE, at + "std.err");
            assertRelative(row.number("lower"), step.lower(), TOLERANCE, at + "lower");
            assertRelative(row.number("upper"), step.upper(), TOLERANCE, at + "upper");
        }
    }

    /** km_median.csv: {@code quantile(fit, 0.5)} (quantile.survfit): median with its lower and upper bound. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void medianMatchesQuantileSurvfit(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        KaplanMeier.Median median = km.estimate(subjects.times(), subjects.anyEvent()).median();
        TteReference.Row row = TteReference.rows("km_median.csv", subset).get(0);
        assertAll(
                () -> assertRelative(row.number("median"), median.estimate(), TOLERANCE, subset + " median"),
                () -> assertRelative(row.number("lower"), median.lower(), TOLERANCE, subset + " median lower"),
                () -> assertRelative(row.number("upper"), median.upper(), TOLERANCE, subset + " median upper"));
    }

    /** km_cohort_conf90.csv: the cohort's curve with {@code conf.int = 0.90}. */
    @Test
    void confidenceLevelMatchesSurvfit() {
        TteReference.Subjects cohort = TteReference.subset("all");
        List<KaplanMeier.Step> steps = km.withConfidenceLevel(0.90)
                .estimate(cohort.times(), cohort.anyEvent()).steps();
        List<TteReference.Row> expected = TteReference.rows("km_cohort_conf90.csv", "all");
        assertEquals(expected.size(), steps.size());
        for (int j = 0; j < steps.size(); j++) {
            String at = "t=" + expected.get(j).text("time") + " ";
            assertRelative(expected.get(j).number("lower"), steps.get(j).lower(), TOLERANCE, at + "lower 90%");
            assertRelative(expected.get(j).number("upper"), steps.get(j).upper(), TOLERANCE, at + "upper 90%");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void isNonIncreasingWithinItsInterval(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        double previous = 1;
        for (KaplanMeier.Step step : km.estimate(subjects.times(), subjects.anyEvent()).steps()) {
            String at = subset + " " + step;
            assertTrue(step.survival() <= previous && step.survival() >= 0, at);
            if (step.survival() > 0) {
                assertTrue(step.lower() <= step.survival() && step.survival() <= step.upper() && step.upper() <= 1, at);
            }
            previous = step.survival();
        }
    }

    @Test
    void survivalAtIsRightContinuous() {
        // events at 2 and 5, censoring at 3: Ŝ = 1 before 2, 3/4 on [2, 5), 3/4·1/2 = 3/8 from 5 on
        KaplanMeier.Result fit = km.estimate(new double[] {2, 3, 5, 8}, new boolean[] {true, false, true, false});
        assertEquals(1, fit.survivalAt(-1), "before any time");
        assertEquals(1, fit.survivalAt(1.999), "just before the first event");
        assertEquals(0.75, fit.survivalAt(2), "at the first event");
        assertEquals(0.75, fit.survivalAt(4.5), "after a censoring");
        assertEquals(0.375, fit.survivalAt(5), 1e-15, "at the second event");
        assertEquals(0.375, fit.survivalAt(100), 1e-15, "after the last follow-up");
        assertThrows(IllegalArgumentException.class, () -> fit.survivalAt(Double.NaN));
    }

    @Test
    void varianceIsGreenwoodsOnTheSurvivalScale() {
        // n = 4, one event at 1: Ŝ = 3/4, σ² = 1/(4·3), Var Ŝ = (3/4)²/12 = 3/64
        KaplanMeier.Step step = km.estimate(new double[] {1, 2, 2, 3}, new boolean[] {true, false, true, false})
                .steps().get(0);
        assertEquals(3.0 / 64, step.variance(), 1e-17);
    }

    @Test
    void allCensoredStaysAtOneWithoutMedian() {
        KaplanMeier.Result fit = km.estimate(new double[] {5, 5, 7}, new boolean[] {false, false, false});
        for (KaplanMeier.Step step : fit.steps()) {
            assertEquals(List.of(1.0, 0.0, 1.0, 1.0),
                    List.of(step.survival(), step.standardError(), step.lower(), step.upper()), step.toString());
        }
        assertTrue(Double.isNaN(fit.median().estimate()), "median not reached");
    }

    @Test
    void singleSubjectWithAnEventDropsToZero() {
        KaplanMeier.Result fit = km.estimate(new double[] {5}, new boolean[] {true});
        KaplanMeier.Step step = fit.steps().get(0);
        assertEquals(0, step.survival());
        assertEquals(Double.POSITIVE_INFINITY, step.standardError());
        assertTrue(Double.isNaN(step.lower()) && Double.isNaN(step.upper()) && Double.isNaN(step.variance()));
        assertEquals(5, fit.median().estimate(), "survfit's median of a single failure");
    }

    @Test
    void singleCensoredSubjectHasOneStep() {
        KaplanMeier.Result fit = km.estimate(new double[] {0}, new boolean[] {false});
        assertEquals(List.of(new KaplanMeier.Step(0, 1, 0, 1, 1, 0, 1, 1)), fit.steps());
    }

    @Test
    void eventsComeBeforeCensoringsAtTheSameTime() {
        // at t = 0 one event and one censoring among 3: n = 3, Ŝ = 2/3; the censored subject is still at risk
        KaplanMeier.Step step = km.estimate(new double[] {0, 0, 4}, new boolean[] {false, true, true})
                .steps().get(0);
        assertEquals(3, step.atRisk());
        assertEquals(1, step.events());
        assertEquals(1, step.censored());
        assertEquals(2.0 / 3, step.survival(), 1e-16);
    }

    @Test
    void rejectsInvalidInput() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(new double[0], new boolean[0]), "empty"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(null, new boolean[0]), "null times"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(new double[] {1, -1}, new boolean[] {true, true}), "negative time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(new double[] {Double.NaN}, new boolean[] {true}), "NaN time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(new double[] {Double.POSITIVE_INFINITY}, new boolean[] {false}),
                        "infinite time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.estimate(new double[] {1, 2}, new boolean[] {true}), "lengths differ"),
                () -> assertThrows(IllegalArgumentException.class, () -> km.withConfidenceLevel(1), "level 1"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> km.withConfidenceLevel(Double.NaN), "level NaN"));
    }
}
