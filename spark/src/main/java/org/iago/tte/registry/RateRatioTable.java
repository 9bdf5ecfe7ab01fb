package org.iago.tte.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.rates.PersonTimeCount;
import org.iago.stats.rates.RateRatio;
import org.iago.stats.rates.StratifiedRateRatio;
import org.iago.vocabulary.RunLayout;

/**
 * {@code rate_ratios}: for each {@link RateComparison} and group, the incidence rate ratio of the index arm to the
 * reference arm in each window (exact conditional interval and p, {@link RateRatio}) and stratified by window
 * (Mantel–Haenszel with the Greenland–Robins interval and Wald p, {@link StratifiedRateRatio}), which removes the
 * confounding of exposure by time since infusion (prophylaxis is mostly early, infections too).
 */
final class RateRatioTable {

    static final String STRATIFIED = "stratified";

    static final StructType SCHEMA = Columns.of("comparison", Columns.TEXT, "group_by", Columns.TEXT,
            "group", Columns.TEXT, "window", Columns.TEXT, "index_events", Columns.INTEGER,
            "index_patient_days", Columns.INTEGER, "reference_events", Columns.INTEGER,
            "reference_patient_days", Columns.INTEGER, "rate_ratio", Columns.NUMBER, "lower", Columns.NUMBER,
            "upper", Columns.NUMBER, "p_value", Columns.NUMBER);

    /** One arm of a comparison in one group and window. */
    private record ArmKey(RateComparison comparison, AnalysisGroup group, FollowUpWindow window, boolean index) {
    }

    private RateRatioTable() {
    }

    static OutputTable of(List<RateComparison> comparisons, List<PersonTimeCell> personTime,
            List<EventCell> cells) {
        SortedSet<AnalysisGroup> groups = new TreeSet<>();
        Map<ArmKey, Long> days = new HashMap<>();
        Map<ArmKey, Long> events = new HashMap<>();
        for (PersonTimeCell c : personTime) {
            for (AnalysisGroup g : AnalysisGroup.of(c.target(), c.product())) {
                groups.add(g);
                for (RateComparison comparison : comparisons) {
                    if (comparison.compares(c.exposure())) {
                        days.merge(new ArmKey(comparison, g, c.window(), comparison.index(c.exposure())),
                                c.patientDays(), Long::sum);
                    }
                }
            }
        }
        for (EventCell c : cells) {
            if (!c.event().equals(RegistryFollowUp.INFECTION)) {
                continue;
            }
            for (RateComparison comparison : comparisons) {
                if (comparison.compares(c.exposure()) && comparison.counts(c.infection())) {
                    for (AnalysisGroup g : AnalysisGroup.of(c.target(), c.product())) {
                        events.merge(new ArmKey(comparison, g, c.window(), comparison.index(c.exposure())),
                                c.events(), Long::sum);
                    }
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        for (RateComparison comparison : comparisons.stream().sorted(Comparator.comparing(RateComparison::label))
                .toList()) {
            for (AnalysisGroup g : groups) {
                List<StratifiedRateRatio.Stratum> strata = new ArrayList<>();
                for (FollowUpWindow w : FollowUpWindow.values()) {
                    ArmKey index = new ArmKey(comparison, g, w, true);
                    ArmKey reference = new ArmKey(comparison, g, w, false);
                    PersonTimeCount indexCount = new PersonTimeCount(events.getOrDefault(index, 0L),
                            days.getOrDefault(index, 0L));
                    PersonTimeCount referenceCount = new PersonTimeCount(events.getOrDefault(reference, 0L),
                            days.getOrDefault(reference, 0L));
                    strata.add(new StratifiedRateRatio.Stratum(indexCount, referenceCount));
                    rows.add(windowRow(comparison, g, w, indexCount, referenceCount));
                }
                rows.add(stratifiedRow(comparison, g, strata));
            }
        }
        return new OutputTable(RunLayout.RATE_RATIOS, SCHEMA, rows);
    }

    /** The exact ratio; undefined when either arm has no patient-days in the window. */
    private static Row windowRow(RateComparison comparison, AnalysisGroup g, FollowUpWindow w,
            PersonTimeCount index, PersonTimeCount reference) {
        if (index.personTime() == 0 || reference.personTime() == 0) {
            return row(comparison, g, w.label(), index, reference, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        RateRatio.Result r = RateRatio.withDefaults().compute(index, reference);
        return row(comparison, g, w.label(), index, reference, r.ratio(), r.lower(), r.upper(), r.pValue());
    }

    /** Mantel–Haenszel over the windows, with the arms' totals. */
    private static Row stratifiedRow(RateComparison comparison, AnalysisGroup g,
            List<StratifiedRateRatio.Stratum> strata) {
        long indexEvents = 0;
        long indexDays = 0;
        long referenceEvents = 0;
        long referenceDays = 0;
        for (StratifiedRateRatio.Stratum s : strata) {
            indexEvents += s.index().events();
            indexDays += (long) s.index().personTime();
            referenceEvents += s.reference().events();
            referenceDays += (long) s.reference().personTime();
        }
        StratifiedRateRatio.Result r = StratifiedRateRatio.withDefaults().compute(strata);
        return row(comparison, g, STRATIFIED, new PersonTimeCount(indexEvents, indexDays),
                new PersonTimeCount(referenceEvents, referenceDays), r.ratio(), r.lower(), r.upper(), r.pValue());
    }

    private static Row row(RateComparison comparison, AnalysisGroup g, String window, PersonTimeCount index,
            PersonTimeCount reference, double ratio, double lower, double upper, double p) {
        return OutputTable.row(comparison.label(), g.groupBy(), g.group(), window, index.events(),
                (long) index.personTime(), reference.events(), (long) reference.personTime(), ratio, lower, upper, p);
    }
}
