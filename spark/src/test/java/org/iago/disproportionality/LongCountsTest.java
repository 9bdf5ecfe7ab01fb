package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** {@link PairCounts}' open-addressing map: counts by long key, drained as rows (key, stratum, c). */
class LongCountsTest {

    @Test
    void insertingCountsEachKeyAndSaysWhetherItIsNew() {
        LongCounts counts = new LongCounts(8);
        assertEquals(1, counts.add(5));
        assertEquals(0, counts.add(5));
        assertEquals(1, counts.add(PairCounts.pairKey(2, 3), 4));
        assertEquals(0, counts.add(PairCounts.pairKey(2, 3), 6));
        assertEquals(1, counts.add(PairCounts.REPORTS_KEY));
        assertEquals(Map.of(5L, 2L, PairCounts.pairKey(2, 3), 10L, PairCounts.REPORTS_KEY, 1L),
                drained(counts, "F|<18"));
    }

    @Test
    void growingKeepsEveryCount() {
        // capacity 2 doubles at its second key, and again every time a quarter of the slots' longs are keys
        LongCounts counts = new LongCounts(2);
        Map<Long, Long> expected = new HashMap<>();
        for (long key = 0; key < 5000; key++) {
            long k = key * 1_000_003L;
            for (long c = 0; c <= key % 3; c++) {
                counts.add(k);
            }
            expected.put(k, key % 3 + 1);
        }
        assertEquals(expected, drained(counts, null));
    }

    @Test
    void keysOfOneHomeSlotAreCountedApart() {
        long[] empty = LongCounts.emptySlots(8);
        long first = 7;
        long second = first + 1;
        while (LongCounts.find(empty, second) != LongCounts.find(empty, first)) {
            second++;
        }
        LongCounts counts = new LongCounts(8);
        assertEquals(1, counts.add(first));
        assertEquals(1, counts.add(second), "a colliding key is a new key, not the first one");
        counts.add(first);
        counts.add(second, 5);
        counts.add(first);
        assertEquals(Map.of(first, 3L, second, 6L), drained(counts, null));
    }

    @Test
    void drainingGivesEveryCountWithItsStratumAndEmptiesTheMap() {
        LongCounts counts = new LongCounts(4);
        counts.add(1, 2);
        counts.add(9, 3);
        Iterator<Row> rows = counts.drain("M|18-64");
        List<Row> read = List.of(rows.next(), rows.next());
        assertFalse(rows.hasNext());
        assertThrows(NoSuchElementException.class, rows::next);
        for (Row r : read) {
            assertEquals("M|18-64", r.getString(1));
            assertEquals(r.getLong(0) == 1 ? 2L : 3L, r.getLong(2));
        }
        assertNotEquals(read.get(0).getLong(0), read.get(1).getLong(0));
        assertFalse(counts.drain("M|18-64").hasNext(), "drained once, the map is empty");
        assertEquals(1, counts.add(1), "and a key drained is new again");
        assertEquals(Map.of(1L, 1L), drained(counts, null));
    }

    /** Every count as key → c, the stratum checked on each row. */
    private static Map<Long, Long> drained(LongCounts counts, String stratum) {
        Map<Long, Long> byKey = new HashMap<>();
        counts.drain(stratum).forEachRemaining(r -> {
            assertEquals(stratum, r.getString(1));
            assertEquals(null, byKey.put(r.getLong(0), r.getLong(2)), "a key drained twice");
        });
        return byKey;
    }
}
