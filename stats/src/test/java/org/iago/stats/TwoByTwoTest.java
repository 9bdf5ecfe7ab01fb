package org.iago.stats;

import static org.iago.stats.TwoByTwoReference.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TwoByTwoTest {

    /** N and E columns of two_by_two_reference.csv (R 4.2.2, E = (a+b)(a+c)/N). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.iago.stats.TwoByTwoReference#rows")
    void totalAndExpectedCountMatchR(TwoByTwoReference.Row row) {
        assertEquals((long) row.value("N"), row.table().n(), "N");
        assertRelative(row.value("E"), row.table().expected(), "E");
    }

    /** Norén et al. 2006, Table III: n11 = 25, n1. = 1126, n.1 = 87, N = 572,573, E = 0.1710908. */
    @Test
    void buildsTheTableFromMarginals() {
        TwoByTwo table = TwoByTwo.fromMarginals(25, 1126, 87, 572_573);
        assertEquals(new TwoByTwo(25, 1101, 62, 571_385), table);
        assertEquals(1126, table.drugReports());
        assertEquals(87, table.eventReports());
        assertEquals(572_573, table.n());
        assertEquals(0.1710908, table.expected(), 5e-8);
    }

    @Test
    void expectedCountDoesNotOverflowForLargeMarginals() {
        long big = 3_000_000_000L;
        TwoByTwo table = new TwoByTwo(big, big, big, big);
        assertEquals(2.0 * big * 2.0 * big / (4.0 * big), table.expected());
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(-1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(1, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(1, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(1, 1, 1, -1));
    }

    @Test
    void rejectsAnEmptyTableAndOverflow() {
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TwoByTwo(Long.MAX_VALUE, 1, 0, 0));
    }

    @Test
    void rejectsInconsistentMarginals() {
        // more reports of the pair than of the drug
        assertThrows(IllegalArgumentException.class, () -> TwoByTwo.fromMarginals(10, 5, 20, 100));
        // more reports of drug and event than in the database
        assertThrows(IllegalArgumentException.class, () -> TwoByTwo.fromMarginals(1, 60, 60, 100));
    }
}
