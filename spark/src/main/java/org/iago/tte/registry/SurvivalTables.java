package org.iago.tte.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.tte.KaplanMeier;

/**
 * Overall survival by group ({@link KaplanMeier}, Greenwood standard error, log-scale 95% intervals as R's
 * {@code survfit}): the curve, {@code survival}, and {@code survival_summary} with the median and the survival at 100
 * days, 1 year (day 365) and 2 years (day 730).
 */
final class SurvivalTables {

    static final StructType CURVE = Columns.of("group_by", Columns.TEXT, "group", Columns.TEXT,
            "time", Columns.INTEGER, "at_risk", Columns.INTEGER, "events", Columns.INTEGER,
            "censored", Columns.INTEGER, "survival", Columns.NUMBER, "std_error", Columns.NUMBER,
            "lower", Columns.NUMBER, "upper", Columns.NUMBER);

    /** Day and column prefix of each landmark in the summary. */
    private static final int[] LANDMARK_DAYS = {100, 365, 730};
    private static final String[] LANDMARK_NAMES = {"survival_100d", "survival_1y", "survival_2y"};

    static final StructType SUMMARY = summarySchema();

    private final List<GroupSurvival> groups;
    private final List<KaplanMeier.Result> curves = new ArrayList<>();

    SurvivalTables(List<GroupSurvival> groups) {
        this.groups = List.copyOf(groups);
        for (GroupSurvival g : this.groups) {
            curves.add(KaplanMeier.withDefaults().estimate(g.days(), g.died()));
        }
    }

    OutputTable curves() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            AnalysisGroup g = groups.get(i).group();
            for (KaplanMeier.Step s : curves.get(i).steps()) {
                rows.add(OutputTable.row(g.groupBy(), g.group(), (long) s.time(), (long) s.atRisk(),
                        (long) s.events(), (long) s.censored(), s.survival(), s.standardError(), s.lower(),
                        s.upper()));
            }
        }
        return new OutputTable("survival", CURVE, rows);
    }

    OutputTable summary() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupSurvival g = groups.get(i);
            KaplanMeier.Result curve = curves.get(i);
            long deaths = 0;
            for (boolean died : g.died()) {
                deaths += died ? 1 : 0;
            }
            KaplanMeier.Median median = curve.median();
            List<Object> values = new ArrayList<>(List.of(g.group().groupBy(), g.group().group(),
                    (long) g.days().length, deaths, median.estimate(), median.lower(), median.upper()));
            for (int day : LANDMARK_DAYS) {
                values.addAll(at(curve, day));
            }
            rows.add(OutputTable.row(values.toArray()));
        }
        return new OutputTable("survival_summary", SUMMARY, rows);
    }

    /** Survival and its interval at a day; 1 before the first observed time, undefined beyond the last. */
    private static List<Double> at(KaplanMeier.Result curve, int day) {
        List<KaplanMeier.Step> steps = curve.steps();
        if (!StepLookup.withinFollowUp(steps, KaplanMeier.Step::time, day)) {
            return List.of(Double.NaN, Double.NaN, Double.NaN);
        }
        KaplanMeier.Step s = StepLookup.atOrBefore(steps, KaplanMeier.Step::time, day);
        return s == null ? List.of(1.0, 1.0, 1.0) : List.of(s.survival(), s.lower(), s.upper());
    }

    private static StructType summarySchema() {
        StructType schema = Columns.of("group_by", Columns.TEXT, "group", Columns.TEXT, "patients",
                Columns.INTEGER, "deaths", Columns.INTEGER);
        schema = Columns.withInterval(schema, "median");
        for (String name : LANDMARK_NAMES) {
            schema = Columns.withInterval(schema, name);
        }
        return schema;
    }
}
