package org.iago.disproportionality;

import static org.iago.disproportionality.PairCounts.REPORTS_KEY;
import static org.iago.disproportionality.PairCounts.drugKey;
import static org.iago.disproportionality.PairCounts.eventKey;
import static org.iago.disproportionality.PairCounts.pairKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * {@link PairCounts}' marginals join, on five reports counted by hand. Drugs A (0) and B (1), events x (0) and y (1):
 * <pre>
 * stratum "Male":   report 1 {A; x}, report 2 {A, B; y}, report 3 {B; x}
 * stratum "female": report 4 {A; x, y}, report 5 {A; y}
 *
 *            Male  female  all
 * reports      3      2     5
 * A            2      2     4
 * B            2      0     2
 * x            2      1     3
 * y            1      2     3
 * </pre>
 * Pairs: A–x in reports 1 and 4 (a = 2), A–y in 2, 4, 5 (a = 3), B–x in 3 and B–y in 2 (a = 1 each).
 */
class MarginalsTest {

    private static final KeyNames DRUGS = KeyNames.numbering(List.of("A", "B"), DataTypes.StringType);
    private static final KeyNames EVENTS = KeyNames.numbering(List.of("x", "y"), DataTypes.StringType);
    private static final int A = 0;
    private static final int B = 1;
    private static final int X = 0;
    private static final int Y = 1;

    @Test
    void aPairGetsTheOverallMarginals() {
        // unstratified: one row per key, stratum null
        Marginals marginals = Marginals.of(List.of(count(REPORTS_KEY, null, 5), count(drugKey(A), null, 4),
                count(drugKey(B), null, 2), count(eventKey(X), null, 3), count(eventKey(Y), null, 3)).iterator(),
                DRUGS, EVENTS);
        assertEquals(RowFactory.create("A", "y", 3L, 4L, 3L, 5L), marginals.pair(pairKey(A, Y), 3, false));
        assertEquals(RowFactory.create("B", "x", 1L, 2L, 3L, 5L), marginals.pair(pairKey(B, X), 1, false));
    }

    @Test
    void overallMarginalsAreTheSumsOfTheStrataAndAPairKeepsTheStrataItsDrugAndEventShare() {
        Marginals marginals = Marginals.of(List.of(
                count(REPORTS_KEY, "female", 2), count(drugKey(A), "female", 2), count(eventKey(X), "female", 1),
                count(eventKey(Y), "female", 2),
                count(REPORTS_KEY, "Male", 3), count(drugKey(A), "Male", 2), count(drugKey(B), "Male", 2),
                count(eventKey(X), "Male", 2), count(eventKey(Y), "Male", 1)).iterator(), DRUGS, EVENTS);

        Row ay = marginals.pair(pairKey(A, Y), 3, true);
        assertEquals(List.of("A", "y", 3L, 4L, 3L, 5L), List.of(ay.get(0), ay.get(1), ay.get(2), ay.get(3), ay.get(4),
                ay.get(5)));
        // strata in Spark's binary string order: "Male" (M = 0x4D) before "female" (f = 0x66)
        assertEquals(List.of(RowFactory.create("Male", 2L, 1L, 3L), RowFactory.create("female", 2L, 2L, 2L)),
                ay.getList(6));

        Row bx = marginals.pair(pairKey(B, X), 1, true);
        assertEquals(List.of("B", "x", 1L, 2L, 3L, 5L), List.of(bx.get(0), bx.get(1), bx.get(2), bx.get(3), bx.get(4),
                bx.get(5)));
        assertEquals(List.of(RowFactory.create("Male", 2L, 2L, 3L)), bx.getList(6), "B has no report in female");
    }

    private static Row count(long key, String stratum, long c) {
        return RowFactory.create(key, stratum, c);
    }
}
