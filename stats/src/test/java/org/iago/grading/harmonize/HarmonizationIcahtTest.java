package org.iago.grading.harmonize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.harmonize.RegistryGrading.IcahtGrades;
import org.junit.jupiter.api.Test;

/**
 * Early and late ICAHT re-derived from small ANC series by the EHA/EBMT tables (Rejeski et al. 2023) as
 * {@code IcahtGrade} applies them: early, days 0–30, by the longest stretch of ANC ≤ 500 (1–6 days grade 1, 7–13
 * grade 2, ...); late, day 31 to min(day 100, end of follow-up), by the second-lowest count (≤ 1500 grade 1, ≤ 1000
 * grade 2, ≤ 500 grade 3, ≤ 100 grade 4). Counts are daily on days 0–30, 1000/µL unless a case says otherwise.
 */
class HarmonizationIcahtTest {

    private static final LocalDate ONSET = LocalDate.of(2024, 3, 5);

    private final RegistryGrading grading = RegistryGrading.withDefaults();

    /** Days 0–30 at 1000/µL but firstDay–lastDay at anc, then the extra day/count pairs. */
    private static List<AncMeasurement> series(int firstDay, int lastDay, double anc, double... extraDayAndAnc) {
        List<AncMeasurement> counts = new ArrayList<>();
        for (int day = 0; day <= 30; day++) {
            counts.add(new AncMeasurement(day, day >= firstDay && day <= lastDay ? anc : 1000));
        }
        for (int i = 0; i < extraDayAndAnc.length; i += 2) {
            counts.add(new AncMeasurement((int) extraDayAndAnc[i], extraDayAndAnc[i + 1]));
        }
        return counts;
    }

    private static RegistryToxicity icaht(String category, Integer grade, String system) {
        return new RegistryToxicity(category, ONSET, null, grade, system, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void earlyByDurationAndLateBySecondLowestCount() {
        // ANC 300 on days 5-11: 7 days ≤ 500 -> early 2; late counts 1200 (day 40) and 1400 (day 60) -> 1
        IcahtGrades grades = grading.icaht(series(5, 11, 300, 40, 1200, 60, 1400), 365);
        assertEquals(new DerivedGrade.Graded(2, "DAYS_AT_OR_BELOW_500"), grades.early());
        assertEquals(new DerivedGrade.Graded(1, "SECOND_LOWEST_ANC"), grades.late());

        // 6 days -> early 1; late 900 and 950 -> 2
        grades = grading.icaht(series(5, 10, 300, 45, 950, 35, 900), 365);
        assertEquals(new DerivedGrade.Graded(1, "DAYS_AT_OR_BELOW_500"), grades.early());
        assertEquals(new DerivedGrade.Graded(2, "SECOND_LOWEST_ANC"), grades.late());

        // never ≤ 500 -> early 0; late 400 and 450 -> 3
        grades = grading.icaht(series(0, -1, 0, 50, 450, 70, 400), 365);
        assertEquals(new DerivedGrade.Graded(0, "NEVER_AT_OR_BELOW_500"), grades.early());
        assertEquals(new DerivedGrade.Graded(3, "SECOND_LOWEST_ANC"), grades.late());

        // ANC 50 on days 8-14: 7 days ≤ 100 -> early 3; late 80 and 90 -> 4
        grades = grading.icaht(series(8, 14, 50, 33, 80, 48, 90), 365);
        assertEquals(new DerivedGrade.Graded(3, "DAYS_AT_OR_BELOW_100"), grades.early());
        assertEquals(new DerivedGrade.Graded(4, "SECOND_LOWEST_ANC"), grades.late());
    }

    /**
     * Day 30 belongs to early ICAHT, day 31 to late: ANC 80 on day 30 is one day ≤ 500 (early 1) and is not a late
     * count, so the late counts are 90 (day 31) and 1400 (day 60), second-lowest 1400, grade 1. Were day 30 a late
     * count, the second-lowest would be 90, grade 4; were day 31 an early one, the stretch would be 2 days.
     */
    @Test
    void dayThirtyIsEarlyAndDayThirtyOneLate() {
        IcahtGrades grades = grading.icaht(series(30, 30, 80, 31, 90, 60, 1400), 365);
        assertEquals(new DerivedGrade.Graded(1, "DAYS_AT_OR_BELOW_500"), grades.early());
        assertEquals(new DerivedGrade.Graded(1, "SECOND_LOWEST_ANC"), grades.late());
    }

    @Test
    void followUpEndBoundsTheLateWindow() {
        List<AncMeasurement> counts = series(0, -1, 0, 31, 700, 40, 1200, 90, 400, 120, 50);
        // the window stops at day 100: 400, 700, 1200 -> second-lowest 700 -> grade 2 (with day 120's 50: 400, 3)
        assertEquals(new DerivedGrade.Graded(2, "SECOND_LOWEST_ANC"), grading.icaht(counts, 400).late());
        // follow-up ending on day 40: 700, 1200 -> 1200 -> grade 1 (with day 90's 400: 700, 2)
        assertEquals(new DerivedGrade.Graded(1, "SECOND_LOWEST_ANC"), grading.icaht(counts, 40).late());
        // day 100 is the last late day: 1200 and 300 -> grade 1 (without day 100 one count; with day 101: 300, 3)
        assertEquals(new DerivedGrade.Graded(1, "SECOND_LOWEST_ANC"),
                grading.icaht(series(0, -1, 0, 31, 1200, 100, 300, 101, 200), 400).late());
        // ending on day 31: one count, a late grade needs two
        assertTrue(((DerivedGrade.Ungradable) grading.icaht(counts, 31).late()).reason()
                .startsWith("1 day(s) with an ANC on days 31-31"));
        // ending on day 30: no late window at all
        assertEquals(new DerivedGrade.Ungradable("the late window ends on day 30, before day 31"),
                grading.icaht(counts, 30).late());
    }

    /**
     * ANC 300 from day 0 to day 12, 1000 afterwards: 13 days ≤ 500, early 2. When follow-up ends on day 12 (death,
     * relapse or next therapy) the later counts are not the patient's course any more: the neutropenia lasts to the
     * last laboratory value and started by day 3, early 4.
     */
    @Test
    void followUpEndIsTheLastLaboratoryValueOfEarlyIcaht() {
        List<AncMeasurement> counts = series(0, 12, 300);
        assertEquals(new DerivedGrade.Graded(2, "DAYS_AT_OR_BELOW_500"), grading.icaht(counts, 365).early());
        assertEquals(new DerivedGrade.Graded(4, "NO_RECOVERY"), grading.icaht(counts, 12).early());
    }

    @Test
    void noCountsNoGrade() {
        IcahtGrades grades = grading.icaht(List.of(), 365);
        assertFalse(grades.early().optionalGrade().isPresent());
        assertFalse(grades.late().optionalGrade().isPresent());
        // counts only before day 0 and after follow-up
        grades = grading.icaht(List.of(new AncMeasurement(-5, 2000), new AncMeasurement(20, 100)), 10);
        assertEquals(new DerivedGrade.Ungradable("no ANC measured or interpolated on days 0-30 (1 measurements)"),
                grades.early());
    }

    @Test
    void recordedRowsMeetTheirWindow() {
        IcahtGrades grades = grading.icaht(series(5, 11, 300, 40, 1200, 60, 1400), 365);
        HarmonizedEpisode early = grading.icaht(icaht("ICAHT_EARLY", 2, "EHA2023"), grades);
        assertEquals(GradedToxicity.ICAHT_EARLY, early.toxicity());
        assertEquals(grades.early(), early.derived());
        assertEquals(OptionalInt.of(2), early.recordedGrade());
        assertTrue(early.comparable());

        HarmonizedEpisode late = grading.icaht(icaht("ICAHT_LATE", 3, "CTCAE5"), grades);
        assertEquals(GradedToxicity.ICAHT_LATE, late.toxicity());
        assertEquals(grades.late(), late.derived());
        assertFalse(late.comparable());

        assertFalse(grading.icaht(icaht("ICAHT_LATE", null, "EHA2023"), grades).comparable());
        assertThrows(IllegalArgumentException.class, () -> grading.icaht(icaht("CRS", 2, "ASTCT"), grades));
        assertThrows(IllegalArgumentException.class, () -> grading.icaht(icaht("ICAHT", 2, "EHA2023"), grades));
        assertThrows(IllegalArgumentException.class, () -> grading.icaht(List.of(), -1));
    }
}
