package org.iago.stats.onset;

import static org.iago.stats.ReferenceTables.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.iago.stats.onset.WeibullShapeTest.HazardPattern;
import org.iago.stats.onset.WeibullShapeTest.ZeroOnset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WeibullShapeTestTest {

    /** The brief asks for 1e-6; the fits agree with survreg (rel.tolerance 1e-13) to about 1e-13. */
    private static final double SURVREG_TOLERANCE = 1e-6;

    private final WeibullShapeTest wsp = WeibullShapeTest.withDefaults();

    static List<OnsetReference.Fit> fullPeriodFits() {
        return OnsetReference.fits().stream().filter(f -> f.text("period").equals("full")).toList();
    }

    static List<OnsetReference.Fit> halfPeriodFits() {
        return OnsetReference.fits().stream().filter(f -> f.text("period").equals("half")).toList();
    }

    /**
     * survreg(Surv(day, event) ~ 1, dist = "weibull") in R 4.2.2 / survival 3.5.3 (weibull_reference.csv): shape =
     * 1/scale, Weibull scale = exp(intercept), loglik, SE of Log(scale), the Wald interval exp(−(log σ ± z·SE)) and
     * survreg's p for Log(scale); quartiles from quantile(type = 7) of the recorded event days.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fullPeriodFits")
    void matchesSurvreg(OnsetReference.Fit fit) {
        OnsetReference.Fixture fixture = OnsetReference.fixture(fit.text("fixture"));
        WeibullShapeTest.Result r = wsp.withZeroOnset(zeroOnset(fit)).test(fixture.days(), fixture.events());
        assertMatches(fit, r);
    }

    /** The second fit of the double WSP test: survreg on the data censored at half the observation period. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("halfPeriodFits")
    void doubleTestMatchesSurvregOnDataCensoredAtHalfThePeriod(OnsetReference.Fit fit) {
        OnsetReference.Fixture fixture = OnsetReference.fixture(fit.text("fixture"));
        WeibullShapeTest.DoubleResult r = wsp.withZeroOnset(zeroOnset(fit))
                .testDouble(fixture.days(), fixture.events(), fit.value("observation_period"));
        assertEquals(wsp.withZeroOnset(zeroOnset(fit)).test(fixture.days(), fixture.events()), r.fullPeriod());
        assertTrue(r.halfPeriod().isPresent());
        assertMatches(fit, r.halfPeriod().get());
        assertEquals(r.fullPeriod().hazard() != HazardPattern.RANDOM
                || r.halfPeriod().get().hazard() != HazardPattern.RANDOM, r.signal());
    }

    @Test
    void classifiesTheThreeShapedSamples() {
        assertEquals(HazardPattern.EARLY, testFixture(wsp, "early").hazard());
        assertEquals(HazardPattern.RANDOM, testFixture(wsp, "constant").hazard());
        assertEquals(HazardPattern.WEAR_OUT, testFixture(wsp, "wearout").hazard());
        assertEquals(HazardPattern.WEAR_OUT, testFixture(wsp, "cohort").hazard());
    }

    @Test
    void excludingDayZeroOnsetsHidesTheEarlyPattern() {
        WeibullShapeTest.Result halfDay = testFixture(wsp, "early");
        WeibullShapeTest.Result excluded = testFixture(wsp.withZeroOnset(ZeroOnset.EXCLUDE), "early");
        assertEquals(11, halfDay.zeroDays());
        assertEquals(11, excluded.zeroDays());
        assertEquals(60, halfDay.observations());
        assertEquals(49, excluded.observations());
        assertTrue(excluded.shape() > halfDay.shape());
        assertEquals(HazardPattern.RANDOM, excluded.hazard());
    }

    @Test
    void intervalIsPositiveAndContainsTheShape() {
        for (String name : List.of("early", "constant", "wearout", "cohort")) {
            for (ZeroOnset zero : List.of(ZeroOnset.HALF_DAY, ZeroOnset.EXCLUDE)) {
                for (double level : new double[] {0.8, 0.95, 0.99}) {
                    WeibullShapeTest.Result r = testFixture(wsp.withZeroOnset(zero).withConfidenceLevel(level), name);
                    String what = name + ", " + zero + ", " + level + ": " + r;
                    assertTrue(0 < r.shapeLower() && r.shapeLower() < r.shape() && r.shape() < r.shapeUpper(), what);
                    assertTrue(r.standardErrorLogShape() > 0 && r.scale() > 0, what);
                    assertTrue(r.pValue() > 0 && r.pValue() <= 1, what);
                    // the interval excludes 1 exactly when the test rejects at 1 − level
                    assertEquals(r.hazard() != HazardPattern.RANDOM, r.pValue() < 1 - level, what);
                }
            }
        }
    }

    @Test
    void widerLevelGivesWiderInterval() {
        WeibullShapeTest.Result r95 = testFixture(wsp, "constant");
        WeibullShapeTest.Result r99 = testFixture(wsp.withConfidenceLevel(0.99), "constant");
        assertEquals(r95.shape(), r99.shape());
        assertTrue(r99.shapeLower() < r95.shapeLower() && r95.shapeUpper() < r99.shapeUpper());
    }

    /** Independent of R: ν̂ and λ̂ maximize (1), which is checked by moving each by 1e-4 either way. */
    @Test
    void estimatesMaximizeTheLikelihood() {
        OnsetReference.Fixture cohort = OnsetReference.fixture("cohort");
        WeibullShapeTest.Result r = wsp.test(cohort.days(), cohort.events());
        double best = logLikelihood(cohort, r.shape(), r.scale());
        assertRelative(r.logLikelihood(), best, 1e-12, "log-likelihood");
        for (double step : new double[] {1 - 1e-4, 1 + 1e-4}) {
            assertTrue(logLikelihood(cohort, r.shape() * step, r.scale()) < best, "shape x " + step);
            assertTrue(logLikelihood(cohort, r.shape(), r.scale() * step) < best, "scale x " + step);
        }
    }

    /** Changing the time unit (days to weeks) leaves ν̂ and its interval alone and rescales λ̂. */
    @Test
    void shapeDoesNotDependOnTheTimeUnit() {
        OnsetReference.Fixture wearout = OnsetReference.fixture("wearout");
        double[] weeks = Arrays.stream(wearout.days()).map(d -> d / 7).toArray();
        WeibullShapeTest.Result inDays = wsp.test(wearout.days());
        WeibullShapeTest.Result inWeeks = wsp.test(weeks);
        assertRelative(inDays.shape(), inWeeks.shape(), 1e-12, "shape");
        assertRelative(inDays.shapeLower(), inWeeks.shapeLower(), 1e-12, "lower");
        assertRelative(inDays.scale() / 7, inWeeks.scale(), 1e-12, "scale");
    }

    @Test
    void rejectsInputWithoutAnEstimate() {
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {7}));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {5, 5, 5, 5}));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> wsp.withZeroOnset(ZeroOnset.EXCLUDE).test(new double[] {0, 0, 4}));
        // no events, or every event at the longest follow-up time
        assertThrows(IllegalArgumentException.class,
                () -> wsp.test(new double[] {3, 8, 12}, new boolean[] {false, false, false}));
        assertThrows(IllegalArgumentException.class,
                () -> wsp.test(new double[] {3, 8, 12, 12}, new boolean[] {false, false, true, true}));
    }

    @Test
    void estimatesWithOneEventBeforeALongerCensoredTime() {
        WeibullShapeTest.Result r = wsp.test(new double[] {5, 5, 9}, new boolean[] {true, true, false});
        assertTrue(Double.isFinite(r.shape()) && r.shape() > 0, r.toString());
    }

    @Test
    void rejectsInvalidTimes() {
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {1, -2, 3}));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {1, Double.NaN, 3}));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {1, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> wsp.test(new double[] {1, 2}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class,
                () -> wsp.withZeroOnset(ZeroOnset.REJECT).test(new double[] {0, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> wsp.withConfidenceLevel(1));
        assertThrows(IllegalArgumentException.class, () -> wsp.testDouble(new double[] {1, 2, 30}, 20));
        assertThrows(IllegalArgumentException.class, () -> wsp.testDouble(new double[] {1, 2, 3}, 0));
    }

    @Test
    void doubleTestWithoutEventsBeforeHalfThePeriodKeepsOnlyTheFullTest() {
        WeibullShapeTest.DoubleResult r = wsp.testDouble(new double[] {60, 70, 80, 90, 95}, 100);
        assertEquals(Optional.empty(), r.halfPeriod());
        assertEquals(r.fullPeriod().hazard() != HazardPattern.RANDOM, r.signal());
    }

    @Test
    void quartilesKeepDayZeroAsRecorded() {
        WeibullShapeTest.Result r = wsp.test(new double[] {0, 0, 1, 3, 4, 10, 30});
        assertEquals(new WeibullShapeTest.OnsetQuartiles(0.5, 3, 7), r.onsetDays());
        assertEquals(6.5, r.onsetDays().interquartileRange());
    }

    private static void assertMatches(OnsetReference.Fit fit, WeibullShapeTest.Result r) {
        assertEquals(fit.count("n"), r.observations(), "n");
        assertEquals(fit.count("events"), r.events(), "events");
        assertEquals(fit.count("zero_onsets"), r.zeroDays(), "zero-day times");
        assertRelative(fit.value("shape"), r.shape(), SURVREG_TOLERANCE, "shape");
        assertRelative(fit.value("scale"), r.scale(), SURVREG_TOLERANCE, "scale");
        assertRelative(fit.value("loglik"), r.logLikelihood(), SURVREG_TOLERANCE, "loglik");
        assertRelative(fit.value("se_log_shape"), r.standardErrorLogShape(), SURVREG_TOLERANCE, "SE(log shape)");
        assertRelative(fit.value("shape_lower"), r.shapeLower(), SURVREG_TOLERANCE, "lower");
        assertRelative(fit.value("shape_upper"), r.shapeUpper(), SURVREG_TOLERANCE, "upper");
        assertRelative(fit.value("p_value"), r.pValue(), SURVREG_TOLERANCE, "p-value");
        assertEquals(fit.value("q1"), r.onsetDays().lowerQuartile(), 1e-12, "q1");
        assertEquals(fit.value("median"), r.onsetDays().median(), 1e-12, "median");
        assertEquals(fit.value("q3"), r.onsetDays().upperQuartile(), 1e-12, "q3");
    }

    private static ZeroOnset zeroOnset(OnsetReference.Fit fit) {
        return fit.text("zero_onset").equals("exclude") ? ZeroOnset.EXCLUDE : ZeroOnset.HALF_DAY;
    }

    private static WeibullShapeTest.Result testFixture(WeibullShapeTest test, String name) {
        OnsetReference.Fixture fixture = OnsetReference.fixture(name);
        return test.test(fixture.days(), fixture.events());
    }

    /** (1) evaluated directly from the Weibull density and survival function; the cohort has no day-0 time. */
    private static double logLikelihood(OnsetReference.Fixture f, double shape, double scale) {
        double sum = 0;
        for (int i = 0; i < f.days().length; i++) {
            double t = f.days()[i];
            double cumulativeHazard = Math.pow(t / scale, shape);
            sum += f.events()[i]
                    ? Math.log(shape / scale) + (shape - 1) * Math.log(t / scale) - cumulativeHazard
                    : -cumulativeHazard;
        }
        return sum;
    }
}
