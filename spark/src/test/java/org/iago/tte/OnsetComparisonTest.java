package org.iago.tte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.iago.stats.onset.AndersonDarlingKSample;
import org.iago.stats.onset.TwoSampleKolmogorovSmirnov;
import org.junit.jupiter.api.Test;

/** {@link OnsetComparison}: the backgrounds it builds, and a planted onset difference found. */
class OnsetComparisonTest {

    @Test
    void backgroundsLeaveOutThePairsOwnReportsAndCountADrugsReportOnce() {
        // report r1 has two primary suspects of CRS (A and B); r2 has A with CRS and ICANS (one onset, day 2)
        OnsetComparison.Onsets aCrs = onsets("A", "CRS", new int[] {1, 2, 3}, "r1", "r2", "r3");
        OnsetComparison.Onsets bCrs = onsets("B", "CRS", new int[] {5, 6, 7, 8}, "r1", "r4", "r5", "r6");
        OnsetComparison.Onsets aIcans = onsets("A", "ICANS", new int[] {2, 9, 10, 11}, "r2", "r7", "r8", "r9");
        OnsetComparison comparison = new OnsetComparison(List.of(aCrs, bCrs, aIcans));

        OnsetComparison.Result crs = comparison.compare(aCrs);
        assertEquals(3, crs.otherDrugs().backgroundOnsets(), "B's CRS without r1, which A's sample holds");
        assertEquals(3, crs.otherEvents().backgroundOnsets(), "A's ICANS without r2, which A's CRS sample holds");
        // A's CRS {1, 2, 3} against B's {6, 7, 8}: D = 1, exact p = 2 / C(6, 3) = 0.1
        assertEquals(1, crs.otherDrugs().ksStatistic());
        assertEquals(0.1, crs.otherDrugs().ksPValue(), 1e-15);
        assertEquals(TwoSampleKolmogorovSmirnov.withDefaults().test(new double[] {1, 2, 3},
                new double[] {9, 10, 11}).pValue(), crs.otherEvents().ksPValue(), 0);
        // Anderson–Darling's midrank version on the same samples: {1, 2, 3} against {6, 7, 8}, no ties
        AndersonDarlingKSample.Version ad = AndersonDarlingKSample.withDefaults()
                .test(new double[] {1, 2, 3}, new double[] {6, 7, 8}).version2();
        assertEquals(ad.statistic(), crs.otherDrugs().adStatistic(), 1e-14);
        assertEquals(ad.pValue(), crs.otherDrugs().adPValue(), 1e-14);

        assertNull(comparison.compare(bCrs).otherEvents(), "B has no other event");
    }

    @Test
    void findsAPlantedOnsetDifference() {
        // the pair's onsets within a week, the event's other drugs and the drug's other events spread over months
        int[] early = IntStream.range(0, 40).map(i -> i % 7).toArray();
        int[] late = IntStream.range(0, 200).map(i -> 20 + (i * 37) % 150).toArray();
        int[] similar = IntStream.range(0, 60).map(i -> (i * 3) % 7).toArray();
        OnsetComparison.Onsets pair = onsets("CD19", "CRS", early, ids("p", early.length));
        OnsetComparison comparison = new OnsetComparison(List.of(pair,
                onsets("other", "CRS", late, ids("o", late.length)),
                onsets("CD19", "ICANS", similar, ids("s", similar.length))));
        OnsetComparison.Result r = comparison.compare(pair);
        assertTrue(r.otherDrugs().ksPValue() < 1e-10, "against the late background: " + r.otherDrugs());
        assertTrue(r.otherEvents().ksPValue() > 0.05, "against a background like itself: " + r.otherEvents());
        assertTrue(r.otherDrugs().adPValue() < 1e-10, "Anderson–Darling, late background: " + r.otherDrugs());
        assertTrue(r.otherEvents().adPValue() > 0.05, "Anderson–Darling, background like itself: " + r.otherEvents());
    }

    @Test
    void onsetsAllOnOneDayHaveNoAndersonDarlingTest() {
        // every onset of the pair and of its background on day 0: A²akN is 0/0 (kSamples stops), D = 0 and p = 1
        OnsetComparison.Onsets pair = onsets("A", "CRS", new int[] {0, 0, 0}, "r1", "r2", "r3");
        OnsetComparison comparison = new OnsetComparison(List.of(pair,
                onsets("B", "CRS", new int[] {0, 0, 0, 0}, "r4", "r5", "r6", "r7")));
        OnsetComparison.Comparison c = comparison.compare(pair).otherDrugs();
        assertEquals(0, c.ksStatistic());
        assertEquals(1, c.ksPValue());
        assertTrue(Double.isNaN(c.adStatistic()) && Double.isNaN(c.adPValue()), c.toString());
    }

    private static OnsetComparison.Onsets onsets(String drug, String event, int[] days, Object... reports) {
        return new OnsetComparison.Onsets(drug, event, days, reports);
    }

    private static Object[] ids(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray();
    }
}
