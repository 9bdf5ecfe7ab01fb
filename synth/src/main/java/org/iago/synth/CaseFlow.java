package org.iago.synth;

import java.util.List;
import java.util.SplittableRandom;
import org.iago.vocabulary.Quarter;

/**
 * Which cases each quarter publishes: the follow-up versions that are due, new cases (a few of them CAR-T, some with
 * planted PTs) and the earlier caseids FDA deletes. All draws come from one stream, in publication order.
 */
final class CaseFlow {

    /** Share of new cases whose primary suspect is a CAR-T product. */
    static final double CART_SHARE = 0.02;
    /** Share of published versions that get a next version in a later quarter. */
    static final double FOLLOW_UP_SHARE = 0.10;
    /** Share of earlier, still listed caseids that a quarter's DELETE file removes. */
    static final double DELETE_SHARE = 0.002;
    /** Caseids start here plus a seed-dependent offset below one million and grow by 1..MAX_CASEID_GAP. */
    static final int FIRST_CASEID = 20_000_000;
    static final int MAX_CASEID_GAP = 5;
    /**
     * Keeps caseids at 8 digits and below the range reserved for defect lines: gaps average 3, so 25M cases end near
     * 21M + 75M = 96M (standard deviation about 7,000); {@link #newCase} still checks every caseid.
     */
    static final int MAX_CASES = 25_000_000;

    private final int quarters;
    private final SplittableRandom rng;
    private final CaseRegistry cases;
    private final SignalPlanter planter;
    private int lastCaseid;

    CaseFlow(long seed, List<Quarter> quarters) {
        this.quarters = quarters.size();
        this.rng = Seeds.stream(seed, Seeds.CASE_FLOW);
        this.cases = new CaseRegistry(quarters.size());
        this.lastCaseid = FIRST_CASEID + rng.nextInt(1_000_000);
        this.planter = new SignalPlanter(rng);
    }

    CaseRegistry cases() {
        return cases;
    }

    /** Caseids of earlier quarters deleted in this one, ascending; none in the first quarter. */
    int[] deletions(int quarterIndex) {
        int published = cases.size();
        int listed = published - cases.deletedCount();
        if (quarterIndex == 0 || listed == 0) {
            return new int[0];
        }
        int count = Math.max(1, (int) Math.round(DELETE_SHARE * listed));
        return cases.delete(published, count, quarterIndex, rng);
    }

    /** Case indices whose next version the quarter publishes, ascending caseid. */
    int[] followUps(int quarterIndex, int reports) {
        return cases.publishFollowUps(quarterIndex, reports);
    }

    /** Registers a new case first reported in the quarter and returns its index. */
    int newCase(int quarterIndex, List<CarTProduct> marketed) {
        nextCaseid();
        CarTProduct product = null;
        if (!marketed.isEmpty() && rng.nextDouble() < CART_SHARE) {
            product = CarTProduct.pick(marketed, rng);
        }
        int signals = product == null ? planter.backgroundMask() : planter.plantedMask(product, quarterIndex);
        return cases.add(lastCaseid, quarterIndex, product, signals);
    }

    /**
     * The caseid of a planted duplicate, drawn like a new case's so that caseids keep rising; the copy is not
     * registered, so it never gets a follow-up version and is never deleted.
     */
    int newCopyCaseid() {
        return nextCaseid();
    }

    private int nextCaseid() {
        lastCaseid += 1 + rng.nextInt(MAX_CASEID_GAP);
        if (lastCaseid >= Defects.DEFECT_CASEID) {
            throw new IllegalStateException("caseid " + lastCaseid + " reached the range of defect lines ("
                    + Defects.DEFECT_CASEID + "); generate fewer reports");
        }
        return lastCaseid;
    }

    /** After a version is published: maybe plan the next one, mostly for the next quarter. */
    void planNextVersion(int index, int quarterIndex) {
        if (rng.nextDouble() >= FOLLOW_UP_SHARE) {
            return;
        }
        int x = rng.nextInt(100);
        int target = quarterIndex + (x < 75 ? 1 : x < 95 ? 2 : 3);
        if (target < quarters) {
            cases.scheduleFollowUp(index, target);
        }
    }
}
