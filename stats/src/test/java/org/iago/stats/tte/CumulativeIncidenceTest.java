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

class CumulativeIncidenceTest {

    /** Tolerance against R: 1e-8 relative, far above the ~1e-15 the two differ by in summation order. */
    private static final double TOLERANCE = 1e-8;

    private final CumulativeIncidence cif = CumulativeIncidence.withDefaults();

    /**
     * cuminc.csv: {@code cuminc(time, status, cencode = 0)} (cmprsk 2.2.11) for the cohort, each product and each
     * edge case with an event; for each cause, est and var after every jump (and at 0 and the last follow-up), with
     * the log(−log) interval of the class documentation evaluated in R. Both ways: every R time against
     * {@code at(t)} and the step in effect, and every step of ours against R's step function at that time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void matchesCumincAtEveryTime(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        CumulativeIncidence.Result result = cif.estimate(subjects.times(), subjects.causes());
        List<TteReference.Row> expected = TteReference.rows("cuminc.csv", subset);
        assertEquals(expected.stream().map(r -> Integer.parseInt(r.text("cause"))).distinct().toList(),
                result.causes(), subset + " observed causes");
        for (int cause : result.causes()) {
            CumulativeIncidence.Curve curve = result.curve(cause);
            List<TteReference.Row> rows = expected.stream()
                    .filter(r -> r.text("cause").equals(Integer.toString(cause))).toList();
            for (TteReference.Row row : rows) {
                double time = row.number("time");
                String at = subset + " cause " + cause + " t=" + row.text("time") + " ";
                assertRelative(row.number("est"), curve.at(time), TOLERANCE, at + "est via at(t)");
                CumulativeIncidence.Step step = stepAt(curve, time);
                if (step == null) {
                    assertEquals(0, row.number("est"), at + "R's start of the curve");
                    assertEquals(0, row.number("var"), at + "R's start of the curve");
                    continue;
                }
                assertRelative(row.number("est"), step.estimate(), TOLERANCE, at + "est");
                assertRelative(row.number("var"), step.variance(), TOLERANCE, at + "var");
                assertRelative(row.number("lower"), step.lower(), TOLERANCE, at + "lower");
                assertRelative(row.number("upper"), step.upper(), TOLERANCE, at + "upper");
            }
            for (CumulativeIncidence.Step step : curve.steps()) {
                TteReference.Row row = rows.stream().filter(r -> r.number("time") <= step.time())
                        .reduce((earlier, later) -> later).orElseThrow();
                String at = subset + " cause " + cause + " step t=" + step.time() + " ";
                assertRelative(row.number("est"), step.estimate(), TOLERANCE, at + "est");
                assertRelative(row.number("var"), step.variance(), TOLERANCE, at + "var");
            }
        }
    }

    /**
     * aalen_johansen.csv: the state probabilities of {@code survfit(Surv(time, factor(status)) ~ 1)}, the
     * multi-state Aalen–Johansen estimator: pstate1, pstate2 are the CIFs, pstate0 the all-cause Kaplan–Meier.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void matchesMultiStateSurvfitAtEveryTime(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        CumulativeIncidence.Result result = cif.estimate(subjects.times(), subjects.causes());
        KaplanMeier.Result survival = KaplanMeier.withDefaults().estimate(subjects.times(), subjects.anyEvent());
        List<TteReference.Row> expected = TteReference.rows("aalen_johansen.csv", subset);
        List<CumulativeIncidence.Step> toxicity = result.curve(1).steps();
        List<CumulativeIncidence.Step> death = result.curve(2).steps();
        assertEquals(expected.size(), toxicity.size(), subset + " number of distinct times");
        for (int j = 0; j < expected.size(); j++) {
            TteReference.Row row = expected.get(j);
            String at = subset + " t=" + row.text("time") + " ";
            assertEquals(row.number("time"), toxicity.get(j).time(), at + "time");
            assertRelative(row.number("pstate1"), toxicity.get(j).estimate(), TOLERANCE, at + "pstate 1");
            assertRelative(row.number("pstate2"), death.get(j).estimate(), TOLERANCE, at + "pstate 2");
            assertRelative(row.number("pstate0"), survival.steps().get(j).survival(), TOLERANCE, at + "pstate 0");
        }
    }

    /** Σ_k F̂_k + Ŝ = 1 with Ŝ the all-cause Kaplan–Meier; each F̂_k non-decreasing in [0, 1], inside its interval. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.tte.TteReference#allSubsets")
    void incidencesAndSurvivalAddUpToOne(String subset) {
        TteReference.Subjects subjects = TteReference.subset(subset);
        CumulativeIncidence.Result result = cif.estimate(subjects.times(), subjects.causes());
        List<KaplanMeier.Step> survival = KaplanMeier.withDefaults()
                .estimate(subjects.times(), subjects.anyEvent()).steps();
        List<CumulativeIncidence.Step> toxicity = result.curve(1).steps();
        List<CumulativeIncidence.Step> death = result.curve(2).steps();
        for (int j = 0; j < survival.size(); j++) {
            double total = toxicity.get(j).estimate() + death.get(j).estimate() + survival.get(j).survival();
            assertEquals(1, total, 1e-14, subset + " t=" + survival.get(j).time());
        }
        for (List<CumulativeIncidence.Step> curve : List.of(toxicity, death)) {
            double previous = 0;
            for (CumulativeIncidence.Step step : curve) {
                String at = subset + " " + step;
                assertTrue(step.estimate() >= previous && step.estimate() <= 1, at);
                assertTrue(step.variance() >= 0, at);
                if (step.estimate() < 1) {
                    assertTrue(step.lower() <= step.estimate() && step.estimate() <= step.upper(), at);
                    assertTrue(step.lower() >= 0 && step.upper() <= 1, at);
                }
                previous = step.estimate();
            }
        }
    }

    @Test
    void narrowerLevelGivesANarrowerInterval() {
        TteReference.Subjects cohort = TteReference.subset("all");
        List<CumulativeIncidence.Step> wide = cif.estimate(cohort.times(), cohort.causes()).curve(1).steps();
        List<CumulativeIncidence.Step> narrow = cif.withConfidenceLevel(0.90)
                .estimate(cohort.times(), cohort.causes()).curve(1).steps();
        for (int j = 0; j < wide.size(); j++) {
            assertEquals(wide.get(j).estimate(), narrow.get(j).estimate());
            assertTrue(wide.get(j).lower() <= narrow.get(j).lower() && narrow.get(j).upper() <= wide.get(j).upper(),
                    wide.get(j) + " vs " + narrow.get(j));
        }
    }

    @Test
    void allCensoredGivesZeroCurves() {
        // cuminc stops with an error here; every cause's curve is 0
        CumulativeIncidence.Result result = cif.estimate(new double[] {5, 5, 7}, new int[] {0, 0, 0});
        assertEquals(List.of(), result.causes());
        for (CumulativeIncidence.Step step : result.curve(1).steps()) {
            assertEquals(List.of(0.0, 0.0, 0.0, 0.0),
                    List.of(step.estimate(), step.variance(), step.lower(), step.upper()), step.toString());
        }
        assertEquals(0, result.curve(1).at(100));
    }

    @Test
    void singleSubjectFailingHasVarianceOne() {
        // cuminc(5, 1): est 1, var 1 (no tie correction for a single event); the log(-log) interval is undefined
        CumulativeIncidence.Step step = cif.estimate(new double[] {5}, new int[] {1}).curve(1).steps().get(0);
        assertEquals(1, step.estimate());
        assertEquals(1, step.variance());
        assertTrue(Double.isNaN(step.lower()) && Double.isNaN(step.upper()));
    }

    @Test
    void causeWithoutEventsIsZeroAndOthersAreUnaffected() {
        CumulativeIncidence.Result result = cif.estimate(new double[] {1, 2, 3}, new int[] {1, 0, 1});
        assertEquals(List.of(1), result.causes());
        assertTrue(result.curve(2).steps().stream().allMatch(s -> s.estimate() == 0 && s.variance() == 0));
        assertTrue(result.curve(7).steps().stream().allMatch(s -> s.estimate() == 0 && s.variance() == 0));
        // with one cause the CIF is 1 − Kaplan–Meier: 1/3 after the first event, 1 when the last subject fails
        assertEquals(1.0 / 3, result.curve(1).at(2.5), 1e-15);
        assertEquals(1, result.curve(1).at(3), 1e-15);
    }

    @Test
    void eventsAtTimeZeroCount() {
        // edge case "zero" of cuminc.csv: all four subjects at t = 0; two toxicities, one death, one censoring
        CumulativeIncidence.Result result = cif.estimate(new double[] {0, 0, 0, 0}, new int[] {1, 2, 0, 1});
        assertEquals(0, result.curve(1).at(-1e-300), "before t = 0");
        assertEquals(0.5, result.curve(1).at(0));
        assertEquals(0.25, result.curve(2).at(0));
    }

    @Test
    void rejectsInvalidInput() {
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[0], new int[0]), "empty"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {1, -2}, new int[] {1, 0}), "negative time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {Double.NaN}, new int[] {1}), "NaN time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {1}, new int[] {-1}), "negative cause"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {1, 2}, new int[] {1}), "lengths differ"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {1}, new int[] {1}).curve(0), "cause 0 is censoring"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> cif.estimate(new double[] {1}, new int[] {1}).curve(1).at(Double.NaN), "NaN time"),
                () -> assertThrows(IllegalArgumentException.class, () -> cif.withConfidenceLevel(0), "level 0"));
    }

    /** The step in effect at {@code time}, or null before the first observed time. */
    private static CumulativeIncidence.Step stepAt(CumulativeIncidence.Curve curve, double time) {
        return curve.steps().stream().filter(s -> s.time() <= time).reduce((earlier, later) -> later).orElse(null);
    }
}
