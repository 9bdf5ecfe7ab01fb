package org.iago.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.IcahtGrade.Coverage;
import org.iago.grading.IcahtGrade.EarlyCriterion;
import org.iago.grading.IcahtGrade.EarlyGraded;
import org.iago.grading.IcahtGrade.EarlyResult;
import org.iago.grading.IcahtGrade.LateGraded;
import org.iago.grading.IcahtGrade.LateResult;
import org.iago.grading.IcahtGrade.Stretch;
import org.iago.grading.IcahtGrade.Ungradable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-worked series against the EHA/EBMT ICAHT tables of Rejeski et al. 2023 (doi:10.1182/blood.2023020578) and
 * the duration, recovery and interpolation rules of Liang's automated grading. Unless a test says otherwise the
 * series has a count every day 0–30, 1000/µL outside the neutropenic days, so durations are read off directly.
 */
class IcahtGradeTest {

    private static final double NORMAL = 1000;
    private static final double NEUTROPENIC = 300;
    private static final double PROFOUND = 50;

    private final IcahtGrade icaht = IcahtGrade.withDefaults();

    /** Days 0–30 at 1000/µL. */
    private static double[] normalMonth() {
        double[] daily = new double[31];
        Arrays.fill(daily, NORMAL);
        return daily;
    }

    private static double[] set(double[] daily, int firstDay, int lastDay, double anc) {
        Arrays.fill(daily, firstDay, lastDay + 1, anc);
        return daily;
    }

    private static List<AncMeasurement> everyDay(double[] daily) {
        List<AncMeasurement> measurements = new ArrayList<>();
        for (int day = 0; day < daily.length; day++) {
            measurements.add(new AncMeasurement(day, daily[day]));
        }
        return measurements;
    }

    private static List<AncMeasurement> counts(double... dayAndAnc) {
        List<AncMeasurement> measurements = new ArrayList<>();
        for (int i = 0; i < dayAndAnc.length; i += 2) {
            measurements.add(new AncMeasurement((int) dayAndAnc[i], dayAndAnc[i + 1]));
        }
        return measurements;
    }

    private EarlyGraded early(double[] daily) {
        return (EarlyGraded) icaht.early(everyDay(daily));
    }

    private static final Coverage FULL = new Coverage(0, 30, 0);

    // ---- early ICAHT: duration of ANC ≤ 500 ----

    @ParameterizedTest(name = "ANC ≤ 500 on days {0}-{1} -> grade {2}")
    @CsvSource({
            // 1 day: bottom of G1 (1–6 d)
            "5, 5, 1",
            // 6 days: top of G1
            "5, 10, 1",
            // 7 days: bottom of G2 (7–13 d)
            "5, 11, 2",
            // 13 days: top of G2
            "5, 17, 2",
            // 14 days: bottom of G3 (14–30 d)
            "5, 18, 3",
            // 30 days: top of G3; it ends on day 29 with day 30 above 500, so it lasts not to the last value
            "0, 29, 3",
    })
    void durationBoundaries(int firstDay, int lastDay, int grade) {
        EarlyGraded result = early(set(normalMonth(), firstDay, lastDay, NEUTROPENIC));
        assertEquals(new EarlyGraded(grade, EarlyCriterion.DAYS_AT_OR_BELOW_500,
                Optional.of(new Stretch(firstDay, lastDay)), Optional.empty(), FULL), result);
        assertEquals(lastDay - firstDay + 1, result.daysAtOrBelow500());
    }

    @Test
    void neverAtOrBelow500IsGrade0() {
        // 0 days ≤ 500; 501 is not ≤ 500
        EarlyGraded result = early(set(normalMonth(), 10, 12, 501));
        assertEquals(new EarlyGraded(0, EarlyCriterion.NEVER_AT_OR_BELOW_500, Optional.empty(), Optional.empty(),
                FULL), result);
    }

    @Test
    void thirtyOneDaysIsGrade4() {
        // 31 days, every day 0–30 ≤ 500: G4 by duration (it also never recovers)
        EarlyGraded result = early(set(normalMonth(), 0, 30, NEUTROPENIC));
        assertEquals(4, result.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_500, result.decidedBy());
        assertEquals(31, result.daysAtOrBelow500());
    }

    // ---- early ICAHT: duration of ANC ≤ 100 ----

    @Test
    void profoundNeutropeniaBoundaries() {
        // ≤ 500 for 10 days (G2) with ≤ 100 for 6 days: 6 < 7, so still G2 by the ≤ 500 duration
        EarlyGraded six = early(set(set(normalMonth(), 5, 14, NEUTROPENIC), 6, 11, PROFOUND));
        assertEquals(2, six.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_500, six.decidedBy());
        assertEquals(6, six.daysAtOrBelow100());
        // ≤ 100 for 7 days: bottom of the ≤ 100 G3 (7–13 d), above the G2 of 10 days ≤ 500
        EarlyGraded seven = early(set(set(normalMonth(), 5, 14, NEUTROPENIC), 6, 12, PROFOUND));
        assertEquals(3, seven.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_100, seven.decidedBy());
        assertEquals(Optional.of(new Stretch(6, 12)), seven.longestAtOrBelow100());
        // ≤ 100 for 13 days, no other day ≤ 500: ≤ 500 alone would be G2, ≤ 100 gives G3
        EarlyGraded thirteen = early(set(normalMonth(), 5, 17, PROFOUND));
        assertEquals(3, thirteen.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_100, thirteen.decidedBy());
        // ≤ 100 for 14 days: G4, where the 14 days ≤ 500 alone would be G3
        EarlyGraded fourteen = early(set(normalMonth(), 5, 18, PROFOUND));
        assertEquals(4, fourteen.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_100, fourteen.decidedBy());
        assertEquals(14, fourteen.daysAtOrBelow100());
    }

    // ---- early ICAHT: recovery ----

    @Test
    void twoDaysAbove500DoNotEndTheStretch() {
        // 5 + 2 + 5 days: the 2-day recovery is not stable (< 3 days), so one stretch of 12 days, G2
        double[] daily = set(set(normalMonth(), 5, 9, NEUTROPENIC), 12, 16, NEUTROPENIC);
        EarlyGraded result = early(daily);
        assertEquals(2, result.grade());
        assertEquals(Optional.of(new Stretch(5, 16)), result.longestAtOrBelow500());
    }

    @Test
    void threeDaysAbove500EndTheStretch() {
        // 5 + 3 + 5 days: a stable recovery (3 consecutive days > 500) splits it; the longest is 5 days, G1
        double[] daily = set(set(normalMonth(), 5, 9, NEUTROPENIC), 13, 17, NEUTROPENIC);
        EarlyGraded result = early(daily);
        assertEquals(1, result.grade());
        assertEquals(Optional.of(new Stretch(5, 9)), result.longestAtOrBelow500());
    }

    @Test
    void profoundStretchesJoinAcrossTwoDaysAbove100() {
        // ≤ 100 on 5–8 and 11–13 with 300 on 9–10: joined to 9 days ≤ 100, G3 (≤ 500 alone, 9 days, is G2)
        double[] joined = set(set(set(normalMonth(), 5, 13, PROFOUND), 9, 10, NEUTROPENIC), 11, 13, PROFOUND);
        EarlyGraded result = early(joined);
        assertEquals(3, result.grade());
        assertEquals(Optional.of(new Stretch(5, 13)), result.longestAtOrBelow100());
        // 300 on 9–11, three days above 100: not joined, longest ≤ 100 is 4 days; 10 days ≤ 500 give G2
        double[] split = set(set(normalMonth(), 5, 14, PROFOUND), 9, 11, NEUTROPENIC);
        EarlyGraded splitResult = early(split);
        assertEquals(2, splitResult.grade());
        assertEquals(Optional.of(new Stretch(5, 8)), splitResult.longestAtOrBelow100());
    }

    // ---- early ICAHT: no recovery to the last value ----

    @Test
    void neutropeniaFromDay3ToTheLastValueIsGrade4() {
        // ≤ 500 from day 3 to day 30 (28 days, G3 by duration) and on day 35: started by day 3, never recovered: G4
        double[] daily = set(normalMonth(), 3, 30, NEUTROPENIC);
        List<AncMeasurement> measurements = new ArrayList<>(everyDay(daily));
        measurements.add(new AncMeasurement(35, NEUTROPENIC));
        EarlyGraded result = (EarlyGraded) icaht.early(measurements);
        assertEquals(4, result.grade());
        assertEquals(EarlyCriterion.NO_RECOVERY, result.decidedBy());
    }

    @Test
    void neutropeniaFromDay4ToTheLastValueIsGradedByDuration() {
        // onset on day 4 is after days 0–3: the 27 days ≤ 500 give G3
        EarlyGraded result = early(set(normalMonth(), 4, 30, NEUTROPENIC));
        assertEquals(3, result.grade());
        assertEquals(EarlyCriterion.DAYS_AT_OR_BELOW_500, result.decidedBy());
    }

    @Test
    void deathBeforeRecoveryIsGrade4() {
        // counts end on day 16 (death) with ANC ≤ 500 since day 2: 15 days would be G3, no recovery makes it G4
        double[] daily = set(normalMonth(), 2, 16, NEUTROPENIC);
        EarlyGraded result = (EarlyGraded) icaht.early(everyDay(Arrays.copyOf(daily, 17)));
        assertEquals(4, result.grade());
        assertEquals(EarlyCriterion.NO_RECOVERY, result.decidedBy());
        assertEquals(new Coverage(0, 16, 14), result.coverage());
        // the same with onset on day 4: 13 days, G2
        double[] later = set(normalMonth(), 4, 16, NEUTROPENIC);
        assertEquals(2, ((EarlyGraded) icaht.early(everyDay(Arrays.copyOf(later, 17)))).grade());
    }

    // ---- early ICAHT: interpolation ----

    @Test
    void weeklyCountsAreInterpolated() {
        // 4→12 has 7 days without a count (filled): 700, 650, 600, 550, 500 on day 8; 19→22: 466.7 on day 20,
        // 633.3 on day 21; 22→30 has 7 days without a count (filled). ≤ 500 on days 8–20, 13 days: G2
        List<AncMeasurement> weekly = counts(0, 1000, 4, 700, 12, 300, 19, 300, 22, 800, 30, 1500);
        assertEquals(new EarlyGraded(2, EarlyCriterion.DAYS_AT_OR_BELOW_500, Optional.of(new Stretch(8, 20)),
                Optional.empty(), FULL), icaht.early(weekly));
    }

    @Test
    void aGapOfSevenDaysIsFilledAndOfEightIsNot() {
        // 3→11: 7 days without a count, filled at 400; ≤ 500 on days 3–11, 9 days: G2
        List<AncMeasurement> sevenDayGap = counts(0, 1000, 3, 400, 11, 400, 12, 1000, 19, 1000, 26, 1000, 30, 1000);
        EarlyGraded filled = (EarlyGraded) icaht.early(sevenDayGap);
        assertEquals(2, filled.grade());
        assertEquals(Optional.of(new Stretch(3, 11)), filled.longestAtOrBelow500());
        assertEquals(FULL, filled.coverage());
        // 3→12: 8 days without a count stay unobserved; day 3 and day 12 are separate 1-day stretches, never
        // joined across unobserved days: G1, with the 8 days reported
        List<AncMeasurement> eightDayGap = counts(0, 1000, 3, 400, 12, 400, 13, 1000, 20, 1000, 27, 1000, 30, 1000);
        EarlyGraded notFilled = (EarlyGraded) icaht.early(eightDayGap);
        assertEquals(1, notFilled.grade());
        assertEquals(Optional.of(new Stretch(3, 3)), notFilled.longestAtOrBelow500());
        assertEquals(new Coverage(0, 30, 8), notFilled.coverage());
    }

    @Test
    void interpolatedCountsAreNotRounded() {
        // day 11 interpolates to 504 between 508 and 500: above 500, so only day 12 counts, 1 day, G1
        double[] daily = normalMonth();
        daily[10] = 508;
        daily[12] = 500;
        List<AncMeasurement> measurements = new ArrayList<>(everyDay(daily));
        measurements.remove(11);
        EarlyGraded result = (EarlyGraded) icaht.early(measurements);
        assertEquals(Optional.of(new Stretch(12, 12)), result.longestAtOrBelow500());
        assertEquals(1, result.grade());
    }

    @Test
    void countsAfterDay30BoundTheLastDays() {
        // 28→32: 500 on day 29 and 400 on day 30 (onset after day 3, so no-recovery does not apply): 2 days, G1
        EarlyGraded result = (EarlyGraded) icaht.early(counts(0, 1000, 7, 1000, 14, 1000, 21, 1000, 28, 600, 32, 200));
        assertEquals(Optional.of(new Stretch(29, 30)), result.longestAtOrBelow500());
        assertEquals(1, result.grade());
    }

    @Test
    void theLowestCountOfADayIsUsed() {
        // day 10 has 600 and 400: 400 counts, 1 day ≤ 500, G1
        List<AncMeasurement> measurements = new ArrayList<>(everyDay(normalMonth()));
        measurements.add(new AncMeasurement(10, 600));
        measurements.add(new AncMeasurement(10, 400));
        assertEquals(1, ((EarlyGraded) icaht.early(measurements)).grade());
    }

    @Test
    void noCountOnDays0To30IsUngradable() {
        // nothing measured, counts only after day 30, or too far apart to interpolate: nothing to grade
        assertTrue(icaht.early(List.of()) instanceof Ungradable);
        assertTrue(icaht.early(counts(40, 300, 50, 300)) instanceof Ungradable);
        EarlyResult farApart = icaht.early(counts(-20, 1000, 45, 300));
        assertTrue(((Ungradable) farApart).reason().startsWith("no ANC measured or interpolated on days 0-30"),
                farApart.toString());
    }

    @Test
    void invalidCountsAreRejected() {
        // a count is a non-negative number
        assertThrows(IllegalArgumentException.class, () -> new AncMeasurement(3, -1));
        assertThrows(IllegalArgumentException.class, () -> new AncMeasurement(3, Double.NaN));
    }

    // ---- late ICAHT ----

    @ParameterizedTest(name = "two counts of {0} -> grade {1}")
    @CsvSource({
            // 1501 is above every threshold
            "1501, 0",
            // 1500 is ≤ 1500: G1
            "1500, 1",
            // 1001 is above 1000: still G1
            "1001, 1",
            // 1000 is ≤ 1000: G2
            "1000, 2",
            // 501 is above 500: still G2
            "501, 2",
            // 500 is ≤ 500: G3
            "500, 3",
            // 101 is above 100: still G3
            "101, 3",
            // 100 is ≤ 100: G4
            "100, 4",
    })
    void lateThresholdBoundariesWithTwoCounts(double anc, int grade) {
        assertEquals(new LateGraded(grade, anc, anc, 3), icaht.late(counts(45, anc, 60, anc, 90, 3000), 100));
    }

    @ParameterizedTest(name = "nadir 100 and second count {0} -> grade {1}")
    @CsvSource({
            // only one count ≤ 1500: transient, G0
            "1501, 0",
            // two counts ≤ 1500 but only one ≤ 1000: G1
            "1500, 1",
            // two ≤ 1000, one ≤ 500: G2
            "1000, 2",
            // two ≤ 500, one ≤ 100: G3
            "500, 3",
            // two ≤ 100: G4
            "100, 4",
    })
    void aSingleLowCountIsTransient(double second, int grade) {
        assertEquals(new LateGraded(grade, 100, second, 2), icaht.late(counts(40, 100, 70, second), 100));
    }

    @Test
    void lateWindowRunsFromDay31ToTheGivenEnd() {
        // day 30 belongs to early ICAHT and day 61 is after the next therapy (window end 60): only days 31 and 60
        // count, 400 and 900, two ≤ 1000 and one ≤ 500: G2
        LateResult result = icaht.late(counts(30, 50, 31, 400, 60, 900, 61, 50), 60);
        assertEquals(new LateGraded(2, 400, 900, 2), result);
    }

    @Test
    void lateNeedsTwoDaysWithACount() {
        // a single count, however low, cannot show non-transient neutropenia
        LateResult single = icaht.late(counts(45, 50), 100);
        assertTrue(((Ungradable) single).reason().startsWith("1 day(s) with an ANC"), single.toString());
        // two counts on the same day are one measurement (the lowest)
        assertTrue(icaht.late(counts(45, 50, 45, 80), 100) instanceof Ungradable);
        // no count at all
        assertTrue(icaht.late(List.of(), 100) instanceof Ungradable);
        // next therapy on day 20: there is no late window
        assertTrue(icaht.late(counts(45, 50, 60, 50), 20) instanceof Ungradable);
    }

    @Test
    void lateWindowEndsByDay100() {
        // the consensus late window ends at day 100; a later end is a caller error, not a grade
        assertThrows(IllegalArgumentException.class, () -> icaht.late(counts(45, 50, 60, 50), 101));
    }
}
