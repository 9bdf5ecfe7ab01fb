package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionShrinkageTest {

    private static final String REFERENCE = "/reference/interaction/omega_reference.csv";
    private static final List<String> VALUES =
            List.of("f00", "f10", "f01", "f11", "g11", "E111", "omega", "omega025", "omega975");

    private final InteractionShrinkage omega = InteractionShrinkage.withDefaults();

    static List<Map<String, String>> rows() {
        return ReferenceTables.read(REFERENCE);
    }

    /** Every row of omega_reference.csv (R 4.2.2, the formula transcribed in omega_reference.R; PROVENANCE.md). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesR(Map<String, String> row) {
        InteractionShrinkage.Result r = omega.compute(counts(row));
        double[] actual = {r.f00(), r.f10(), r.f01(), r.f11(), r.g11(), r.expected(), r.omega(), r.omega025(),
            r.omega975()};
        for (int i = 0; i < VALUES.size(); i++) {
            String column = VALUES.get(i);
            ReferenceTables.assertRelative(Double.parseDouble(row.get(column)), actual[i], 1e-12,
                    row.get("case") + " " + column);
        }
    }

    /** The reference covers the published examples and every special case it claims to. */
    @Test
    void referenceHoldsThePublishedExamplesAndTheSpecialCases() {
        List<String> cases = rows().stream().map(row -> row.get("case")).toList();
        assertTrue(cases.containsAll(List.of("noren2008_table2", "diana_sample", "hand", "all_f_zero", "f10_one",
                "f00_one", "f11_one", "n11_zero", "n10_zero", "n00_zero")), cases.toString());
        assertEquals(52, cases.size());
    }

    /**
     * By hand: f00 = 100/1000 = 1/10, f10 = 20/100 = 1/5, f01 = 10/40 = 1/4, so the odds are 1/9, 1/4, 1/3;
     * g11 = 1 − 1/(1/4 + 1/3 − 1/9 + 1) = 1 − 36/53 = 17/53; E111 = 20·17/53 = 340/53;
     * Ω = log2(10.5/(340/53 + 0.5)) = log2(1113/733).
     */
    @Test
    void handCheckedTable() {
        InteractionShrinkage.Result r = omega.compute(new InteractionShrinkage.Counts(10, 20, 20, 100, 10, 40, 100,
                1000));
        assertEquals(0.1, r.f00(), 1e-15);
        assertEquals(0.2, r.f10(), 1e-15);
        assertEquals(0.25, r.f01(), 1e-15);
        assertEquals(0.5, r.f11(), 1e-15);
        assertEquals(17.0 / 53, r.g11(), 1e-15);
        assertEquals(340.0 / 53, r.expected(), 1e-13);
        assertEquals(Math.log(1113.0 / 733) / Math.log(2), r.omega(), 1e-13);
        assertTrue(r.omega025() < 0, "10 reports against 6.4 expected are not enough: " + r.omega025());
        assertFalse(omega.signal(10, r));
    }

    /** The max terms: a drug whose own fraction is below the background's counts as the background. */
    @Test
    void aDrugAloneNeverLowersTheExpectation() {
        InteractionShrinkage.Result below = omega.compute(new InteractionShrinkage.Counts(5, 12, 1, 200, 9, 30, 80,
                1000));
        InteractionShrinkage.Result atBackground = omega.compute(new InteractionShrinkage.Counts(5, 12, 16, 200, 9, 30,
                80, 1000));
        assertEquals(atBackground.g11(), below.g11(), 1e-15);
        assertEquals(0.3, below.g11(), 1e-15, "g11 = f01 when only D2 raises the odds");
    }

    @Test
    void aFractionOfOneInAComparisonGroupPredictsTheEventOnEveryReport() {
        InteractionShrinkage.Result r = omega.compute(new InteractionShrinkage.Counts(4, 5, 7, 7, 1, 30, 10, 500));
        assertEquals(1, r.g11());
        assertEquals(5, r.expected());
        assertTrue(r.omega() < 0);
    }

    @Test
    void anEmptyGroupLeavesOmegaUndefinedAndNeverSignals() {
        InteractionShrinkage.Result none = omega.compute(new InteractionShrinkage.Counts(0, 0, 3, 20, 2, 30, 10, 500));
        assertTrue(Double.isNaN(none.f11()) && Double.isNaN(none.omega()) && Double.isNaN(none.omega025()));
        assertFalse(omega.signal(0, none));
        InteractionShrinkage.Result noD1Alone = omega.compute(new InteractionShrinkage.Counts(9, 10, 0, 0, 2, 30, 10,
                500));
        assertTrue(Double.isNaN(noD1Alone.f10()) && Double.isNaN(noD1Alone.g11()));
        assertFalse(omega.signal(9, noD1Alone));
    }

    /**
     * The rule: Ω025 &gt; 0 and at least 3 reports. With the shrinkage of ½, two reports cannot bound Ω above 0 even
     * when nothing is expected (as DiAna's {@code omega_analysis} notes), so the minimum bites only when set above 3.
     */
    @Test
    void theSignalRuleNeedsOmega025AboveZeroAndEnoughReports() {
        InteractionShrinkage.Result two = omega.compute(new InteractionShrinkage.Counts(2, 2, 0, 500, 0, 500, 1,
                100_000));
        assertTrue(two.omega025() < 0, "two reports against E111 ≈ 0: " + two.omega025());
        assertFalse(omega.withMinReports(0).signal(2, two));
        InteractionShrinkage.Result three = omega.compute(new InteractionShrinkage.Counts(3, 4, 0, 500, 0, 500, 1,
                100_000));
        assertTrue(three.omega025() > 0, "three reports against E111 ≈ 0: " + three.omega025());
        assertTrue(omega.signal(3, three));
        assertFalse(omega.withMinReports(4).signal(3, three));
        assertEquals(3, InteractionShrinkage.withDefaults().minReports());
    }

    @Test
    void refusesCountsThatCannotComeFromOneSetOfReports() {
        assertThrows(IllegalArgumentException.class, () -> new InteractionShrinkage.Counts(3, 2, 0, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InteractionShrinkage.Counts(0, 2, -1, 1, 0, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> omega.withMinReports(-1));
    }

    private static InteractionShrinkage.Counts counts(Map<String, String> row) {
        return new InteractionShrinkage.Counts(whole(row, "n111"), whole(row, "n11"), whole(row, "n101"),
                whole(row, "n10"), whole(row, "n011"), whole(row, "n01"), whole(row, "n001"), whole(row, "n00"));
    }

    private static long whole(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }
}
