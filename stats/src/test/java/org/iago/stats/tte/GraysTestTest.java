package org.iago.stats.tte;

import static org.iago.stats.ReferenceTables.assertRelative;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GraysTestTest {

    /** Tolerance against R: 1e-8 relative. */
    private static final double TOLERANCE = 1e-8;

    private final GraysTest gray = GraysTest.withDefaults();

    /** The rows of grays_test.csv: comparison (A-B-C or A-B), rho, cause, stat, pv, df, pv.upper. */
    static Stream<TteReference.Row> cumincTests() {
        return TteReference.table("grays_test.csv").stream();
    }

    /**
     * grays_test.csv: {@code cuminc(time, status, product, rho = ρ)$Tests} (cmprsk 2.2.11) on the cohort (three
     * products) and on products A and B, for ρ = 0 and 1 and causes 1 and 2; {@code pv.upper} is
     * {@code pchisq(stat, df, lower.tail = FALSE)}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cumincTests")
    void matchesCumincTests(TteReference.Row row) {
        TteReference.Subjects subjects = comparison(row.text("comparison"));
        int cause = Integer.parseInt(row.text("cause"));
        GraysTest.Result result = gray.withRho(row.number("rho"))
                .test(subjects.times(), subjects.causes(), subjects.products(), cause);
        String what = row.text("comparison") + " rho=" + row.text("rho") + " cause " + cause + " ";
        assertAll(
                () -> assertRelative(row.number("stat"), result.statistic(), TOLERANCE, what + "stat"),
                () -> assertEquals((int) row.number("df"), result.degreesOfFreedom(), what + "df"),
                () -> assertRelative(row.number("pv"), result.pValue(), TOLERANCE, what + "pv"),
                () -> assertRelative(row.number("pv.upper"), result.pValue(), TOLERANCE, what + "upper tail"));
    }

    @Test
    void doesNotDependOnGroupLabelsOrSubjectOrder() {
        TteReference.Subjects cohort = TteReference.subset("all");
        GraysTest.Result reference = gray.test(cohort.times(), cohort.causes(), cohort.products(), 1);
        // relabel so that the sorted order of the groups changes (C first, A last)
        String[] relabelled = Arrays.stream(cohort.products())
                .map(p -> switch (p) { case "A" -> "z"; case "B" -> "y"; default -> "a"; }).toArray(String[]::new);
        GraysTest.Result renamed = gray.test(cohort.times(), cohort.causes(), relabelled, 1);
        int n = cohort.times().length;
        int[] reversed = IntStream.range(0, n).map(i -> n - 1 - i).toArray();
        GraysTest.Result shuffled = gray.test(
                Arrays.stream(reversed).mapToDouble(i -> cohort.times()[i]).toArray(),
                Arrays.stream(reversed).map(i -> cohort.causes()[i]).toArray(),
                Arrays.stream(reversed).mapToObj(i -> cohort.products()[i]).toArray(String[]::new), 1);
        assertRelative(reference.statistic(), renamed.statistic(), 1e-12, "relabelled groups");
        assertRelative(reference.statistic(), shuffled.statistic(), 1e-12, "reversed subjects");
    }

    @Test
    void identicalGroupsGiveZero() {
        TteReference.Subjects product = TteReference.subset("A");
        int n = product.times().length;
        double[] times = new double[2 * n];
        int[] causes = new int[2 * n];
        String[] groups = new String[2 * n];
        for (int i = 0; i < n; i++) {
            times[i] = product.times()[i];
            times[n + i] = product.times()[i];
            causes[i] = product.causes()[i];
            causes[n + i] = product.causes()[i];
            groups[i] = "first";
            groups[n + i] = "copy";
        }
        GraysTest.Result result = gray.test(times, causes, groups, 1);
        assertEquals(0, result.statistic(), 1e-12);
        assertEquals(1, result.pValue(), 1e-12);
    }

    @Test
    void singularCovarianceGivesNaN() {
        // group B is censored at 0, before any event: nobody of B is ever at risk; cuminc reports stat -1, pv 1
        double[] times = {0, 0, 1, 2, 3, 4, 5};
        int[] causes = {0, 0, 1, 1, 2, 1, 0};
        String[] groups = {"B", "B", "A", "A", "A", "A", "A"};
        GraysTest.Result result = gray.test(times, causes, groups, 1);
        assertTrue(Double.isNaN(result.statistic()) && Double.isNaN(result.pValue()), result.toString());
        assertEquals(1, result.degreesOfFreedom());
        // a cause that never occurs cannot be tested either
        assertTrue(Double.isNaN(gray.test(times, causes, groups, 3).statistic()));
    }

    @Test
    void rejectsInvalidInput() {
        double[] times = {1, 2, 3};
        int[] causes = {1, 2, 0};
        String[] groups = {"A", "B", "A"};
        assertAll(
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(new double[0], new int[0], new String[0], 1), "empty"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(times, causes, new String[] {"A", "A", "A"}, 1), "one group"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(times, causes, new String[] {"A", null, "B"}, 1), "null group"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(times, causes, new String[] {"A", "B"}, 1), "lengths differ"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(times, causes, groups, 0), "cause 0 is censoring"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(new double[] {1, -1, 3}, causes, groups, 1), "negative time"),
                () -> assertThrows(IllegalArgumentException.class,
                        () -> gray.test(times, new int[] {1, -2, 0}, groups, 1), "negative cause"),
                () -> assertThrows(IllegalArgumentException.class, () -> gray.withRho(Double.NaN), "rho NaN"));
    }

    /** "A-B-C": the whole cohort; "A-B": products A and B only. */
    private static TteReference.Subjects comparison(String name) {
        TteReference.Subjects cohort = TteReference.subset("all");
        if (name.equals("A-B-C")) {
            return cohort;
        }
        List<String> products = Arrays.asList(name.split("-"));
        int[] keep = IntStream.range(0, cohort.times().length)
                .filter(i -> products.contains(cohort.products()[i])).toArray();
        return new TteReference.Subjects(name,
                Arrays.stream(keep).mapToDouble(i -> cohort.times()[i]).toArray(),
                Arrays.stream(keep).map(i -> cohort.causes()[i]).toArray(),
                Arrays.stream(keep).mapToObj(i -> cohort.products()[i]).toArray(String[]::new));
    }
}
