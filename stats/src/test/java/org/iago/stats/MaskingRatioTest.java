package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MaskingRatioTest {

    private static final String REFERENCE = "/reference/masking/masking_reference.csv";

    private final MaskingRatio masking = MaskingRatio.withDefaults();

    static List<Map<String, String>> rows() {
        return ReferenceTables.read(REFERENCE);
    }

    /** Every row of masking_reference.csv (R 4.2.2, masking_reference.R; PROVENANCE.md). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesR(Map<String, String> row) {
        TwoByTwo table = new TwoByTwo(whole(row, "a"), whole(row, "b"), whole(row, "c"), whole(row, "d"));
        MaskingRatio.Removal removal = new MaskingRatio.Removal(whole(row, "ar"), whole(row, "br"), whole(row, "cr"),
                whole(row, "dr"));
        MaskingRatio.Result r = masking.compute(table, removal);
        String what = row.get("case") + " ";
        ReferenceTables.assertRelative(number(row, "prr"), r.prr(), 1e-12, what + "prr");
        ReferenceTables.assertRelative(number(row, "ror"), r.ror(), 1e-12, what + "ror");
        ReferenceTables.assertRelative(number(row, "prr_after"), r.prrAfter().prr(), 1e-12, what + "prr_after");
        ReferenceTables.assertRelative(number(row, "ror_after"), r.rorAfter().ror(), 1e-12, what + "ror_after");
        ReferenceTables.assertRelative(number(row, "ror_lower_after"), r.rorAfter().lower(), 1e-12,
                what + "ror_lower_after");
        ReferenceTables.assertRelative(number(row, "ror_upper_after"), r.rorAfter().upper(), 1e-12,
                what + "ror_upper_after");
        ReferenceTables.assertRelative(number(row, "masking_ratio"), r.maskingRatio(), 1e-12, what + "masking_ratio");
        ReferenceTables.assertRelative(number(row, "ror_ratio"), r.rorRatio(), 1e-12, what + "ror_ratio");
        long cr = whole(row, "cr");
        ReferenceTables.assertRelative(number(row, "masking_ratio_approx"),
                masking.approximate(table.c(), table.d(), cr, cr + whole(row, "dr")), 1e-12, what + "approx");
    }

    @Test
    void referenceHoldsTheSpecialCases() {
        List<String> cases = rows().stream().map(row -> row.get("case")).toList();
        assertTrue(cases.containsAll(List.of("hand", "hand_overlap", "competition", "nothing_removed", "c_emptied",
                "d_itself", "event_emptied", "a_zero", "c_zero", "unmasks_nothing")), cases.toString());
        assertEquals(40, cases.size());
    }

    /**
     * By hand: a = 10, b = 90, c = 50, d = 850; the masker has 40 of E's 50 background reports and 60 others.
     * PRR = (10/100)/(50/900) = 9/5; without it PRR' = (10/100)/(10/800) = 8, so MR = 8/(9/5) = 40/9, which is (5):
     * (50/900)/(10/800) = 40/9. ROR = 10·850/(90·50) = 17/9, ROR' = 10·790/(90·10) = 79/9, their ratio 79/17.
     */
    @Test
    void handCheckedTable() {
        MaskingRatio.Result r = masking.compute(new TwoByTwo(10, 90, 50, 850), new MaskingRatio.Removal(0, 0, 40, 60));
        assertEquals(new TwoByTwo(10, 90, 10, 790), r.after());
        assertEquals(1.8, r.prr(), 1e-15);
        assertEquals(8, r.prrAfter().prr(), 1e-14);
        assertEquals(40.0 / 9, r.maskingRatio(), 1e-14);
        assertEquals(40.0 / 9, masking.approximate(50, 850, 40, 100), 1e-14);
        assertEquals(17.0 / 9, r.ror(), 1e-15);
        assertEquals(79.0 / 9, r.rorAfter().ror(), 1e-14);
        assertEquals(79.0 / 17, r.rorRatio(), 1e-14);
        assertTrue(r.rorAfter().lower() > 1, "unmasked: the ROR's lower bound rises above 1");
    }

    /** Reports naming D and the masker leave D's row too, so the exact ratio differs from (5). */
    @Test
    void theExactRemovalTakesTheReportsNamingBothDrugsFromDsRow() {
        MaskingRatio.Result exact = masking.compute(new TwoByTwo(10, 90, 50, 850),
                new MaskingRatio.Removal(2, 2, 40, 60));
        assertEquals(new TwoByTwo(8, 88, 10, 790), exact.after());
        assertEquals((8.0 / 96) / (10.0 / 800) / 1.8, exact.maskingRatio(), 1e-14);
        assertTrue(exact.maskingRatio() < masking.approximate(50, 850, 40, 100));
    }

    @Test
    void competingEventsLeaveOnlyTheComparatorColumn() {
        MaskingRatio.Result r = masking.compute(new TwoByTwo(10, 90, 50, 850), MaskingRatio.Removal.competing(30,
                100));
        assertEquals(new TwoByTwo(10, 60, 50, 750), r.after());
        assertEquals((10.0 / 70) / (50.0 / 800) / 1.8, r.maskingRatio(), 1e-14);
    }

    @Test
    void specialCases() {
        TwoByTwo table = new TwoByTwo(10, 90, 50, 850);
        assertEquals(Double.POSITIVE_INFINITY, masking.compute(table, new MaskingRatio.Removal(0, 0, 50, 100))
                .maskingRatio(), "the masker held every background report of E");
        assertTrue(Double.isNaN(masking.compute(table, new MaskingRatio.Removal(10, 90, 0, 0)).maskingRatio()),
                "the masker is D itself");
        assertTrue(Double.isNaN(masking.compute(table, new MaskingRatio.Removal(10, 0, 50, 0)).maskingRatio()),
                "every report of E removed");
        assertTrue(Double.isNaN(masking.compute(new TwoByTwo(10, 90, 0, 900), MaskingRatio.Removal.NONE)
                .maskingRatio()), "PRR = +inf on all reports: nothing to unmask");
        MaskingRatio.Result everything = masking.compute(table, new MaskingRatio.Removal(10, 90, 50, 850));
        assertNull(everything.after());
        assertTrue(Double.isNaN(everything.maskingRatio()) && Double.isNaN(everything.rorAfter().ror()));
        assertEquals(Double.POSITIVE_INFINITY, masking.approximate(50, 850, 50, 80));
        assertTrue(Double.isNaN(masking.approximate(0, 850, 0, 80)));
        assertTrue(Double.isNaN(masking.approximate(50, 850, 50, 900)));
    }

    @Test
    void refusesRemovalsThatDoNotFitTheTable() {
        TwoByTwo table = new TwoByTwo(10, 90, 50, 850);
        assertThrows(IllegalArgumentException.class, () -> masking.compute(table,
                new MaskingRatio.Removal(11, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new MaskingRatio.Removal(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> masking.approximate(50, 850, 51, 60));
        assertThrows(IllegalArgumentException.class, () -> masking.approximate(50, 850, 10, 900));
    }

    private static long whole(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column).replace("Inf", "Infinity"));
    }
}
