package org.iago.tte.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.rates.IncidenceRate;
import org.iago.vocabulary.RunLayout;

/**
 * {@code incidence_rates}: events per 100 at-risk patient-days with the exact Poisson 95% interval
 * ({@link IncidenceRate}) in each window, for every infection (recurrent infections each count) broken down by
 * {@link RateDimension}, and for every episode of each toxicity category. Every level of a dimension seen anywhere is
 * reported in every group and window, with 0 events where there were none.
 */
final class IncidenceRateTable {

    static final StructType SCHEMA = Columns.of("event", Columns.TEXT, "dimension", Columns.TEXT,
            "level", Columns.TEXT, "group_by", Columns.TEXT, "group", Columns.TEXT, "window", Columns.TEXT,
            "events", Columns.INTEGER, "patient_days", Columns.INTEGER, "rate", Columns.NUMBER,
            "lower", Columns.NUMBER, "upper", Columns.NUMBER);

    /** Patient-days of one group and window, of one level of a dimension that splits them. */
    private record DaysKey(AnalysisGroup group, FollowUpWindow window, RateDimension dimension, String level) {
    }

    private record EventKey(String event, DaysKey days) {
    }

    private IncidenceRateTable() {
    }

    /** @param events the events to report: {@code INFECTION} and the toxicity categories */
    static OutputTable of(List<String> events, List<PersonTimeCell> personTime, List<EventCell> cells) {
        SortedSet<AnalysisGroup> groups = new TreeSet<>();
        Map<DaysKey, Long> days = new HashMap<>();
        for (PersonTimeCell c : personTime) {
            for (AnalysisGroup g : AnalysisGroup.of(c.target(), c.product())) {
                groups.add(g);
                for (RateDimension d : RateDimension.values()) {
                    if (d == RateDimension.ALL || d.splitsPatientDays()) {
                        String level = d == RateDimension.ALL ? RateDimension.ALL_LEVEL : d.levelOf(c.exposure());
                        days.merge(new DaysKey(g, c.window(), d, level), c.patientDays(), Long::sum);
                    }
                }
            }
        }
        Map<EventKey, Long> counts = new HashMap<>();
        Map<String, Map<RateDimension, SortedSet<String>>> levels = new HashMap<>();
        for (EventCell c : cells) {
            for (RateDimension d : RateDimension.values()) {
                if (d.appliesTo(c)) {
                    String level = d.levelOf(c);
                    levels.computeIfAbsent(c.event(), e -> new HashMap<>())
                            .computeIfAbsent(d, k -> new TreeSet<>()).add(level);
                    for (AnalysisGroup g : AnalysisGroup.of(c.target(), c.product())) {
                        counts.merge(new EventKey(c.event(), new DaysKey(g, c.window(), d, level)), c.events(),
                                Long::sum);
                    }
                }
            }
        }

        List<Row> rows = new ArrayList<>();
        for (String event : new TreeSet<>(events)) {
            for (RateDimension d : dimensions(event)) {
                for (String level : levels(d, levels.getOrDefault(event, Map.of()).get(d))) {
                    for (AnalysisGroup g : groups) {
                        for (FollowUpWindow w : FollowUpWindow.values()) {
                            DaysKey key = new DaysKey(g, w, d, level);
                            DaysKey denominator = d.splitsPatientDays() ? key
                                    : new DaysKey(g, w, RateDimension.ALL, RateDimension.ALL_LEVEL);
                            rows.add(row(event, key, counts.getOrDefault(new EventKey(event, key), 0L),
                                    days.getOrDefault(denominator, 0L)));
                        }
                    }
                }
            }
        }
        return new OutputTable(RunLayout.INCIDENCE_RATES, SCHEMA, rows);
    }

    /** Infections are broken down by every dimension, toxicity episodes not. */
    private static List<RateDimension> dimensions(String event) {
        return event.equals(RegistryFollowUp.INFECTION) ? List.of(RateDimension.values())
                : List.of(RateDimension.ALL);
    }

    /** A split of patient-days has both levels; any other dimension the levels its events had, if any. */
    private static SortedSet<String> levels(RateDimension d, SortedSet<String> seen) {
        if (d == RateDimension.ALL) {
            return new TreeSet<>(List.of(RateDimension.ALL_LEVEL));
        }
        if (d.splitsPatientDays()) {
            return new TreeSet<>(List.of(RateDimension.ON, RateDimension.OFF));
        }
        return seen == null ? new TreeSet<>() : seen;
    }

    /** Without patient-days the rate is undefined. */
    private static Row row(String event, DaysKey key, long events, long patientDays) {
        Object[] head = {event, key.dimension().label(), key.level(), key.group().groupBy(), key.group().group(),
            key.window().label(), events, patientDays};
        if (patientDays == 0) {
            return OutputTable.row(concat(head, null, null, null));
        }
        IncidenceRate.Result r = IncidenceRate.withDefaults().compute(events, patientDays);
        return OutputTable.row(concat(head, r.rate(), r.lower(), r.upper()));
    }

    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
