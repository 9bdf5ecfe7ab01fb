package org.iago.tte;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iago.stats.onset.AndersonDarlingKSample;
import org.iago.stats.onset.TwoSampleKolmogorovSmirnov;

/**
 * The onsets of a drug–event pair compared with two backgrounds by the two-sample Kolmogorov–Smirnov and
 * Anderson–Darling tests (Van Holle et al. 2012): the same event under every other drug, and the same drug's other
 * events. A pair whose onsets differ from both is one whose timing, not only its frequency, points at the drug.
 * Anderson–Darling gives the tails more weight than Kolmogorov–Smirnov; of its two versions for tied data, the
 * midrank one (A²akN, kSamples' version 2) is used, onset days being continuous times rounded to the day.
 * <p>
 * The samples never share a report: a background leaves out the pair's own reports (FAERS has one event date per
 * report, so a report's events share its onset, and a report with two primary suspects of one event would otherwise
 * count on both sides). The other-events background counts each report of the drug once. Samples are frequency tables
 * over the onset days seen anywhere, so a background of many reports costs its number of distinct days.
 */
final class OnsetComparison {

    /** Both samples need at least this many onsets: fewer say nothing about a distribution. */
    static final int MIN_ONSETS = OnsetJob.MIN_ONSETS;

    /** One drug–event pair's onsets, each with its report. */
    record Onsets(String drug, String event, int[] days, Object[] reports) {
    }

    /**
     * A comparison, null when either sample is too small: the background's size, Kolmogorov–Smirnov's D and p,
     * Anderson–Darling's A²akN and asymptotic p (NaN when every onset of both falls on one day: A²akN is 0/0).
     */
    record Comparison(long backgroundOnsets, double ksStatistic, double ksPValue, double adStatistic,
            double adPValue) {
    }

    /** The pair's comparisons with the event's other drugs and with the drug's other events. */
    record Result(Comparison otherDrugs, Comparison otherEvents) {
    }

    private final TwoSampleKolmogorovSmirnov ks = TwoSampleKolmogorovSmirnov.withDefaults();
    private final AndersonDarlingKSample ad = AndersonDarlingKSample.withDefaults();
    private final int[] distinctDays;
    /** Per event and report, the onset under each drug (most reports have one primary suspect). */
    private final Map<String, Map<Object, Map<String, Integer>>> byEvent = new HashMap<>();
    /** Per event, the frequency table of every drug's onsets. */
    private final Map<String, long[]> eventTables = new HashMap<>();
    /** Per drug, the frequency table of its reports' onsets, each report once. */
    private final Map<String, long[]> drugTables = new HashMap<>();

    OnsetComparison(List<Onsets> pairs) {
        distinctDays = pairs.stream().flatMapToInt(p -> Arrays.stream(p.days())).sorted().distinct().toArray();
        Map<String, Map<Object, Integer>> byDrug = new HashMap<>();
        for (Onsets p : pairs) {
            long[] eventTable = eventTables.computeIfAbsent(p.event(), e -> new long[distinctDays.length]);
            for (int k = 0; k < p.days().length; k++) {
                eventTable[index(p.days()[k])]++;
                byEvent.computeIfAbsent(p.event(), e -> new HashMap<>())
                        .computeIfAbsent(p.reports()[k], r -> new HashMap<>()).put(p.drug(), p.days()[k]);
                byDrug.computeIfAbsent(p.drug(), d -> new HashMap<>()).put(p.reports()[k], p.days()[k]);
            }
        }
        byDrug.forEach((drug, reports) -> {
            long[] table = new long[distinctDays.length];
            reports.values().forEach(day -> table[index(day)]++);
            drugTables.put(drug, table);
        });
    }

    /** The pair's two comparisons; the backgrounds are the tables above less the pair's own reports. */
    Result compare(Onsets pair) {
        if (pair.days().length < MIN_ONSETS) {
            return new Result(null, null);
        }
        long[] own = new long[distinctDays.length];
        long[] otherDrugs = eventTables.get(pair.event()).clone();
        long[] otherEvents = drugTables.get(pair.drug()).clone();
        Map<Object, Map<String, Integer>> eventReports = byEvent.get(pair.event());
        for (int k = 0; k < pair.days().length; k++) {
            int day = index(pair.days()[k]);
            own[day]++;
            otherEvents[day]--;
            // the report under every drug, this one included, leaves the event's background
            for (int other : eventReports.get(pair.reports()[k]).values()) {
                otherDrugs[index(other)]--;
            }
        }
        return new Result(compare(own, otherDrugs), compare(own, otherEvents));
    }

    private Comparison compare(long[] own, long[] background) {
        long pairOnsets = Arrays.stream(own).sum();
        long backgroundOnsets = Arrays.stream(background).sum();
        if (pairOnsets < MIN_ONSETS || backgroundOnsets < MIN_ONSETS) {
            return null;
        }
        TwoSampleKolmogorovSmirnov.Result d = ks.testCounts(own, background);
        AndersonDarlingKSample.Version a = ad.testCounts(own, background).version2();
        return new Comparison(backgroundOnsets, d.statistic(), d.pValue(), a.statistic(), a.pValue());
    }

    private int index(int day) {
        return Arrays.binarySearch(distinctDays, day);
    }
}
