package org.iago.grading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EHA/EBMT consensus grade of neutropenic immune effector cell-associated hematotoxicity (ICAHT), early (days 0–30)
 * and late (after day 30), from a patient's series of absolute neutrophil counts (ANC, cells/µL) by day after
 * infusion (Rejeski et al. 2023 [1]).
 *
 * <table>
 *   <caption>Early ICAHT, days 0–30 [1]</caption>
 *   <tr><th>grade</th><th>longest stretch with ANC ≤ 500/µL</th><th></th>
 *       <th>longest stretch with ANC ≤ 100/µL</th></tr>
 *   <tr><td>0</td><td>none</td><td></td><td></td></tr>
 *   <tr><td>1</td><td>1–6 days</td><td>and</td><td>&lt; 7 days</td></tr>
 *   <tr><td>2</td><td>7–13 days</td><td>and</td><td>&lt; 7 days</td></tr>
 *   <tr><td>3</td><td>14–30 days</td><td>or</td><td>7–13 days</td></tr>
 *   <tr><td>4</td><td>≥ 31 days (never above 500)</td><td>or</td><td>≥ 14 days</td></tr>
 * </table>
 * Grade 4 also: ANC ≤ 500/µL starting on days 0–3 and lasting to the last laboratory value [2] (no count recovery
 * before death or loss to follow-up, which the duration would under-grade).
 *
 * <table>
 *   <caption>Late ICAHT, after day 30 [1]; at least two measurements at or below the threshold</caption>
 *   <tr><th>grade</th><th>ANC</th></tr>
 *   <tr><td>1</td><td>≤ 1500/µL</td></tr>
 *   <tr><td>2</td><td>≤ 1000/µL</td></tr>
 *   <tr><td>3</td><td>≤ 500/µL</td></tr>
 *   <tr><td>4</td><td>≤ 100/µL</td></tr>
 * </table>
 *
 * <p>Early ICAHT as computed here, following the automated grading of Liang [2]:
 * <ol>
 *   <li>Several counts on one day: the lowest counts.</li>
 *   <li>Daily linear interpolation between consecutive measured days with at most 7 days between them without a
 *       count (zoo {@code na.approx(maxgap = 7)} [3]), so weekly draws are joined.
 *       Measurements before day 0 and after day 30 take part, as they bound the days in between. <b>Beyond the
 *       maximum gap</b> the days stay unobserved: they are neither neutropenic nor recovered, a stretch of ANC ≤ 500
 *       ends at them and is never joined across them, and the result counts them in
 *       {@link Coverage#unobservedDays()}. Days before the first or after the last measurement are unobserved too:
 *       counts are never extrapolated. Durations then count observed days only.</li>
 *   <li>Stretches of consecutive days with ANC ≤ 500 within days 0–30. Two stretches are joined, with the days
 *       between them counted in the duration, unless the count recovers above 500 for at least 3 consecutive days
 *       (CIBMTR neutrophil recovery [4]; heatwaveR {@code exceedance(joinAcrossGaps = TRUE, maxGap = 2)} [5]).
 *       Stretches of ANC ≤ 100 likewise, recovery meaning above 100 for 3 days, as in [2]: days between 101 and
 *       500 are not profound neutropenia, so they cannot keep a stretch ≤ 100 going for longer.</li>
 *   <li>The grade of the longest stretches by the table, and grade 4 when a stretch of ANC ≤ 500 starts on day 0–3
 *       and ends on the last observed day of days 0–30.</li>
 * </ol>
 *
 * <p>Late ICAHT as computed here: measured counts only (no interpolation) from day 31 to the end of the late window,
 * the earliest of day 100, the next line of therapy, relapse or progression and last follow-up, which the caller
 * supplies; several counts on one day count once, at the lowest. A grade needs two measurements at or below its
 * threshold (non-transient neutropenia), so it is the grade of the second-lowest count; the nadir alone decides
 * nothing. Fewer than two measurements in the window give {@link Ungradable}.
 *
 * <p>Differences from Liang [2]: interpolated counts are compared unrounded (Liang rounds them to the nearest 10,
 * which turns 504 into 500); leading and trailing days are not filled with the nearest count ({@code rule = 2});
 * counts after day 30 bound the interpolation into days 29–30; late ICAHT requires both of the two lowest counts
 * to reach the grade's threshold, where Liang grades the nadir when the second count is ≤ 1500 and grades a single
 * count.
 *
 * <p>References:
 * <ol>
 *   <li>Rejeski K, Subklewe M, Aljurf M, Bachy E, Balduzzi A, Barba P, et al. Immune effector cell-associated
 *       hematotoxicity: EHA/EBMT consensus grading and best practice recommendations. Blood.
 *       2023;142(10):865–877. doi:10.1182/blood.2023020578</li>
 *   <li>Liang EC. Automated approach to grade early and late ICAHT by EHA/EBMT criteria. 2024.
 *       https://github.com/emilyliangmd/automatedicahtgrading</li>
 *   <li>Zeileis A, Grothendieck G. zoo: S3 infrastructure for regular and irregular time series. J Stat Softw.
 *       2005;14(6):1–27. doi:10.18637/jss.v014.i06</li>
 *   <li>CIBMTR Forms Instructions Manual: initial ANC recovery, ANC ≥ 500/µL on three consecutive laboratory
 *       values on different days (here a count of exactly 500 is neutropenic by the ICAHT table, so recovery is
 *       &gt; 500). https://www.cibmtr.org/manuals/fim/1/en/topic/q8-11-initial-anc-recovery</li>
 *   <li>Schlegel RW, Smit AJ. heatwaveR: a central algorithm for the detection of heatwaves and cold-spells.
 *       J Open Source Softw. 2018;3(27):821. doi:10.21105/joss.00821</li>
 * </ol>
 */
public final class IcahtGrade {

    private static final IcahtGrade DEFAULT = new IcahtGrade();

    /** ANC (/µL) at or below which a day counts towards early ICAHT. */
    private static final double NEUTROPENIA = 500;

    /** ANC (/µL) at or below which a day counts as profound neutropenia. */
    private static final double PROFOUND_NEUTROPENIA = 100;

    private static final int EARLY_LAST_DAY = 30;

    /** Most consecutive days without a count that interpolation fills (zoo maxgap). */
    private static final int MAX_INTERPOLATED_DAYS = 7;

    /** Consecutive days above the threshold that end a stretch for good (CIBMTR recovery). */
    private static final int STABLE_RECOVERY_DAYS = 3;

    /** Latest day on which neutropenia lasting to the last laboratory value must start to be grade 4. */
    private static final int NO_RECOVERY_LATEST_ONSET = 3;

    private static final int LATE_FIRST_DAY = EARLY_LAST_DAY + 1;
    private static final int LATE_LAST_DAY = 100;

    /** Late thresholds (/µL) of grades 1 to 4. */
    private static final double[] LATE_THRESHOLDS = {1500, 1000, 500, 100};

    /**
     * One absolute neutrophil count.
     *
     * @param day                day after infusion (day 0 is the infusion; negative before it)
     * @param ancPerMicrolitre   neutrophils per µL
     */
    public record AncMeasurement(int day, double ancPerMicrolitre) {

        /**
         * Checks the count.
         *
         * @throws IllegalArgumentException if the count is negative, NaN or infinite
         */
        public AncMeasurement {
            if (!(ancPerMicrolitre >= 0) || Double.isInfinite(ancPerMicrolitre)) {
                throw new IllegalArgumentException("invalid ANC " + ancPerMicrolitre + " on day " + day);
            }
        }
    }

    /**
     * A stretch of days with ANC at or below a threshold, days of non-stable recovery inside it included.
     *
     * @param firstDay first day
     * @param lastDay  last day
     */
    public record Stretch(int firstDay, int lastDay) {

        /** @return its length in days, both ends counted */
        public int days() {
            return lastDay - firstDay + 1;
        }
    }

    /**
     * Which days 0–30 had a measured or interpolated count.
     *
     * @param firstObservedDay first such day
     * @param lastObservedDay  last such day, the "last laboratory value" of the no-recovery rule
     * @param unobservedDays   days 0–30 without one; when &gt; 0 the durations count observed days only
     */
    public record Coverage(int firstObservedDay, int lastObservedDay, int unobservedDays) {
    }

    /** The rule of the early table that gave the grade. */
    public enum EarlyCriterion {
        /** ANC never ≤ 500 on an observed day. */
        NEVER_AT_OR_BELOW_500,
        /** Duration of ANC ≤ 500. */
        DAYS_AT_OR_BELOW_500,
        /** Duration of ANC ≤ 100. */
        DAYS_AT_OR_BELOW_100,
        /** ANC ≤ 500 from day 0–3 to the last laboratory value. */
        NO_RECOVERY
    }

    /** An early ICAHT grade or the reason there is none. */
    public sealed interface EarlyResult permits EarlyGraded, Ungradable {
    }

    /** A late ICAHT grade or the reason there is none. */
    public sealed interface LateResult permits LateGraded, Ungradable {
    }

    /**
     * An early ICAHT grade.
     *
     * @param grade                0 to 4
     * @param decidedBy            the rule that gave it; for ties the first of the order ≤ 500 duration, ≤ 100
     *                             duration, no recovery
     * @param longestAtOrBelow500  the longest stretch of ANC ≤ 500 (the earliest of equals); empty if none
     * @param longestAtOrBelow100  the longest stretch of ANC ≤ 100 (the earliest of equals); empty if none
     * @param coverage             which days were observed
     */
    public record EarlyGraded(int grade, EarlyCriterion decidedBy, Optional<Stretch> longestAtOrBelow500,
                              Optional<Stretch> longestAtOrBelow100, Coverage coverage) implements EarlyResult {

        /** @return days of the longest stretch of ANC ≤ 500, 0 if none */
        public int daysAtOrBelow500() {
            return longestAtOrBelow500.map(Stretch::days).orElse(0);
        }

        /** @return days of the longest stretch of ANC ≤ 100, 0 if none */
        public int daysAtOrBelow100() {
            return longestAtOrBelow100.map(Stretch::days).orElse(0);
        }
    }

    /**
     * A late ICAHT grade.
     *
     * @param grade        0 to 4
     * @param nadir        the lowest count in the window
     * @param secondLowest the second-lowest count (another day), which decides the grade: both are at or below
     *                     its threshold
     * @param measurements days with a count in the window
     */
    public record LateGraded(int grade, double nadir, double secondLowest, int measurements) implements LateResult {
    }

    /**
     * No grade.
     *
     * @param reason what is missing
     */
    public record Ungradable(String reason) implements EarlyResult, LateResult {
    }

    private IcahtGrade() {
    }

    /**
     * Returns the EHA/EBMT 2023 grading; it has no options.
     *
     * @return the grading rule
     */
    public static IcahtGrade withDefaults() {
        return DEFAULT;
    }

    /**
     * Grades early ICAHT, days 0–30. Pass the counts up to death, the next line of therapy or progression: the
     * last of them is the "last laboratory value".
     *
     * @param measurements the patient's counts in any order; days outside 0–30 only bound interpolation
     * @return the grade with the stretches that decided it, or why it cannot be given
     */
    public EarlyResult early(List<AncMeasurement> measurements) {
        double[] daily = dailyCounts(lowestByDay(measurements));
        int first = -1;
        int last = -1;
        int unobserved = 0;
        for (int day = 0; day <= EARLY_LAST_DAY; day++) {
            if (Double.isNaN(daily[day])) {
                unobserved++;
            } else {
                first = first < 0 ? day : first;
                last = day;
            }
        }
        if (first < 0) {
            return new Ungradable("no ANC measured or interpolated on days 0-" + EARLY_LAST_DAY + " ("
                    + measurements.size() + " measurements)");
        }
        Coverage coverage = new Coverage(first, last, unobserved);
        List<Stretch> neutropenia = stretches(daily, NEUTROPENIA);
        Optional<Stretch> longest500 = longest(neutropenia);
        Optional<Stretch> longest100 = longest(stretches(daily, PROFOUND_NEUTROPENIA));
        int days500 = longest500.map(Stretch::days).orElse(0);
        int days100 = longest100.map(Stretch::days).orElse(0);
        boolean noRecovery = neutropenia.stream()
                .anyMatch(s -> s.firstDay() <= NO_RECOVERY_LATEST_ONSET && s.lastDay() == coverage.lastObservedDay());

        int grade;
        EarlyCriterion decidedBy;
        if (days500 >= 31) {
            grade = 4;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_500;
        } else if (days100 >= 14) {
            grade = 4;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_100;
        } else if (noRecovery) {
            grade = 4;
            decidedBy = EarlyCriterion.NO_RECOVERY;
        } else if (days500 >= 14) {
            grade = 3;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_500;
        } else if (days100 >= 7) {
            grade = 3;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_100;
        } else if (days500 >= 7) {
            grade = 2;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_500;
        } else if (days500 >= 1) {
            grade = 1;
            decidedBy = EarlyCriterion.DAYS_AT_OR_BELOW_500;
        } else {
            grade = 0;
            decidedBy = EarlyCriterion.NEVER_AT_OR_BELOW_500;
        }
        return new EarlyGraded(grade, decidedBy, longest500, longest100, coverage);
    }

    /**
     * Grades late ICAHT, day 31 to {@code lastDay}.
     *
     * @param measurements the patient's counts in any order; only days 31 to {@code lastDay} are used
     * @param lastDay      end of the late window: the earliest of day 100, the next line of therapy, relapse or
     *                     progression, and last follow-up
     * @return the grade with the counts that decided it, or why it cannot be given
     * @throws IllegalArgumentException if {@code lastDay} is after day 100, where the consensus window ends
     */
    public LateResult late(List<AncMeasurement> measurements, int lastDay) {
        if (lastDay > LATE_LAST_DAY) {
            throw new IllegalArgumentException(
                    "the late ICAHT window ends by day " + LATE_LAST_DAY + ", not " + lastDay);
        }
        if (lastDay < LATE_FIRST_DAY) {
            return new Ungradable("the late window ends on day " + lastDay + ", before day " + LATE_FIRST_DAY);
        }
        double[] counts = lowestByDay(measurements).entrySet().stream()
                .filter(e -> e.getKey() >= LATE_FIRST_DAY && e.getKey() <= lastDay)
                .mapToDouble(Map.Entry::getValue)
                .sorted()
                .toArray();
        if (counts.length < 2) {
            return new Ungradable(counts.length + " day(s) with an ANC on days " + LATE_FIRST_DAY + "-" + lastDay
                    + ": a late grade needs two measurements at or below its threshold");
        }
        double secondLowest = counts[1];
        int grade = 0;
        for (int g = 1; g <= LATE_THRESHOLDS.length; g++) {
            if (secondLowest <= LATE_THRESHOLDS[g - 1]) {
                grade = g;
            }
        }
        return new LateGraded(grade, counts[0], secondLowest, counts.length);
    }

    private static TreeMap<Integer, Double> lowestByDay(List<AncMeasurement> measurements) {
        TreeMap<Integer, Double> lowest = new TreeMap<>();
        for (AncMeasurement m : measurements) {
            lowest.merge(m.day(), m.ancPerMicrolitre(), Math::min);
        }
        return lowest;
    }

    /** Counts of days 0–30, measured or interpolated; NaN marks a day with neither. */
    private static double[] dailyCounts(TreeMap<Integer, Double> lowestByDay) {
        double[] daily = new double[EARLY_LAST_DAY + 1];
        Arrays.fill(daily, Double.NaN);
        Map.Entry<Integer, Double> previous = null;
        for (Map.Entry<Integer, Double> current : lowestByDay.entrySet()) {
            int day = current.getKey();
            if (day >= 0 && day <= EARLY_LAST_DAY) {
                daily[day] = current.getValue();
            }
            if (previous != null && day - previous.getKey() - 1 <= MAX_INTERPOLATED_DAYS) {
                int from = previous.getKey();
                double start = previous.getValue();
                double rise = current.getValue() - start;
                for (int d = Math.max(from + 1, 0); d < day && d <= EARLY_LAST_DAY; d++) {
                    daily[d] = start + rise * (d - from) / (day - from);
                }
            }
            previous = current;
        }
        return daily;
    }

    /**
     * Maximal stretches of observed days at or below the threshold, joined across fewer than three observed days
     * above it; an unobserved day is never bridged.
     */
    private static List<Stretch> stretches(double[] daily, double threshold) {
        List<Stretch> stretches = new ArrayList<>();
        int start = -1;
        for (int day = 0; day <= daily.length; day++) {
            boolean below = day < daily.length && daily[day] <= threshold;   // NaN compares false
            if (below && start < 0) {
                start = day;
            } else if (!below && start >= 0) {
                stretches.add(new Stretch(start, day - 1));
                start = -1;
            }
        }
        List<Stretch> joined = new ArrayList<>();
        for (Stretch next : stretches) {
            Stretch previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && unstableRecovery(daily, previous.lastDay() + 1, next.firstDay())) {
                joined.set(joined.size() - 1, new Stretch(previous.firstDay(), next.lastDay()));
            } else {
                joined.add(next);
            }
        }
        return joined;
    }

    /** Whether days [from, to) are all observed and too few to be a stable recovery. */
    private static boolean unstableRecovery(double[] daily, int from, int to) {
        if (to - from >= STABLE_RECOVERY_DAYS) {
            return false;
        }
        for (int day = from; day < to; day++) {
            if (Double.isNaN(daily[day])) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Stretch> longest(List<Stretch> stretches) {
        Stretch longest = null;
        for (Stretch s : stretches) {
            if (longest == null || s.days() > longest.days()) {
                longest = s;
            }
        }
        return Optional.ofNullable(longest);
    }
}
