package org.iago.disproportionality;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Open-addressing counts by non-negative long key, without boxing. Each key sits next to its count in one array,
 * so that an update touches one cache line: the tables outgrow the processor's caches.
 */
final class LongCounts {

    private static final long EMPTY = -1;

    /** key, count, key, count…: capacity pairs, the capacity a power of two */
    private long[] slots;
    private int size;

    LongCounts(int capacity) {
        slots = emptySlots(capacity);
    }

    /** Adds one to the key's count; returns 1 if the key is new, else 0. */
    int add(long key) {
        return add(key, 1);
    }

    int add(long key, long delta) {
        int i = find(slots, key);
        slots[i + 1] += delta;
        if (slots[i] == key) {
            return 0;
        }
        slots[i] = key;
        if (++size * 4 > slots.length) {
            grow();
        }
        return 1;
    }

    /** The counts as rows (key, stratum, c), emptying the map as they are read. */
    Iterator<Row> drain(String stratum) {
        return new Iterator<>() {
            private int next = advance(0);

            @Override
            public boolean hasNext() {
                return next < slots.length;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = RowFactory.create(slots[next], stratum, slots[next + 1]);
                slots[next] = EMPTY;
                slots[next + 1] = 0;
                size--;
                next = advance(next + 2);
                return row;
            }

            private int advance(int from) {
                int i = from;
                while (i < slots.length && slots[i] == EMPTY) {
                    i += 2;
                }
                return i;
            }
        };
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length);
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] != EMPTY) {
                int i = find(slots, old[j]);
                slots[i] = old[j];
                slots[i + 1] = old[j + 1];
            }
        }
    }

    /** Package-private, as {@link #find}, for the test of collisions. */
    static long[] emptySlots(int capacity) {
        long[] slots = new long[2 * capacity];
        for (int i = 0; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        return slots;
    }

    /** The index of the key's slot, or of the empty slot where it goes (linear probing). */
    static int find(long[] slots, long key) {
        int mask = slots.length / 2 - 1;
        long x = key ^ (key >>> 33);
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        int i = (int) x & mask;
        while (slots[2 * i] != EMPTY && slots[2 * i] != key) {
            i = (i + 1) & mask;
        }
        return 2 * i;
    }
}
