package org.iago.synth;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Compact state of every case published so far: about ten bytes per case and no per-report objects, because a case's
 * content is regenerated from its caseid when a follow-up version is due. Cases are indexed in publication order,
 * which is also ascending caseid order.
 */
final class CaseRegistry {

    private static final byte NONE = -1;
    private static final CarTProduct[] PRODUCTS = CarTProduct.values();

    private int size;
    private int[] caseids = new int[1024];
    private byte[] versions = new byte[1024];
    private byte[] firstQuarters = new byte[1024];
    private byte[] products = new byte[1024];
    private byte[] signalMasks = new byte[1024];
    private byte[] dueQuarters = new byte[1024];
    private final BitSet deleted = new BitSet();
    /** Originals of planted duplicates: never deleted, so that each pair stays in the curated lake. */
    private final BitSet pinned = new BitSet();
    private final int[][] due;
    private final int[] dueCounts;

    CaseRegistry(int quarters) {
        due = new int[quarters][];
        dueCounts = new int[quarters];
        Arrays.setAll(due, q -> new int[16]);
    }

    int size() {
        return size;
    }

    /** Registers version 1 of a new case; {@code product} is null for a background case. */
    int add(int caseid, int quarterIndex, CarTProduct product, int signalMask) {
        if (size == caseids.length) {
            int capacity = size * 2;
            caseids = Arrays.copyOf(caseids, capacity);
            versions = Arrays.copyOf(versions, capacity);
            firstQuarters = Arrays.copyOf(firstQuarters, capacity);
            products = Arrays.copyOf(products, capacity);
            signalMasks = Arrays.copyOf(signalMasks, capacity);
            dueQuarters = Arrays.copyOf(dueQuarters, capacity);
        }
        caseids[size] = caseid;
        versions[size] = 1;
        firstQuarters[size] = (byte) quarterIndex;
        products[size] = product == null ? NONE : (byte) product.ordinal();
        signalMasks[size] = (byte) signalMask;
        dueQuarters[size] = NONE;
        return size++;
    }

    int caseid(int index) {
        return caseids[index];
    }

    int version(int index) {
        return versions[index];
    }

    int firstQuarter(int index) {
        return firstQuarters[index];
    }

    /** The case's CAR-T product, or null for a background case. */
    CarTProduct product(int index) {
        return products[index] == NONE ? null : PRODUCTS[products[index]];
    }

    /** {@link PlantedSignal#bit()}s of the planted PTs the case carries. */
    int signalMask(int index) {
        return signalMasks[index];
    }

    /** Whether a next version of the case is planned. */
    boolean followUpScheduled(int index) {
        return dueQuarters[index] != NONE;
    }

    /** Keeps the case off every later DELETE file. */
    void pin(int index) {
        pinned.set(index);
    }

    /** Plans the case's next version for a later quarter. */
    void scheduleFollowUp(int index, int quarterIndex) {
        dueQuarters[index] = (byte) quarterIndex;
        int[] list = due[quarterIndex];
        if (dueCounts[quarterIndex] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            due[quarterIndex] = list;
        }
        list[dueCounts[quarterIndex]++] = index;
    }

    /**
     * The cases whose next version is due in the quarter, in caseid order, at most {@code limit} of them; they are
     * moved to that version. Deleted cases are skipped and cases beyond the limit lose their follow-up.
     */
    int[] publishFollowUps(int quarterIndex, int limit) {
        int[] scheduled = Arrays.copyOf(due[quarterIndex], dueCounts[quarterIndex]);
        due[quarterIndex] = null;
        Arrays.sort(scheduled);
        int[] published = new int[Math.min(limit, scheduled.length)];
        int count = 0;
        for (int index : scheduled) {
            if (!deleted.get(index) && count < published.length) {
                versions[index]++;
                published[count++] = index;
            }
            dueQuarters[index] = NONE;
        }
        return Arrays.copyOf(published, count);
    }

    /**
     * Marks distinct, not yet deleted cases among the first {@code published} as deleted, sparing those due for a
     * follow-up in the quarter and the pinned ones, and returns their caseids in ascending order.
     */
    int[] delete(int published, int count, int quarterIndex, SplittableRandom rng) {
        int[] chosen = new int[count];
        int found = 0;
        // the spared cases are few, so rejection ends quickly; the attempt cap guards degenerate tiny extracts
        for (int attempt = 0; found < count && attempt < 100 * count; attempt++) {
            int index = rng.nextInt(published);
            if (!deleted.get(index) && dueQuarters[index] != quarterIndex && !pinned.get(index)) {
                deleted.set(index);
                chosen[found++] = caseids[index];
            }
        }
        int[] caseidsDeleted = Arrays.copyOf(chosen, found);
        Arrays.sort(caseidsDeleted);
        return caseidsDeleted;
    }

    int deletedCount() {
        return deleted.cardinality();
    }
}
