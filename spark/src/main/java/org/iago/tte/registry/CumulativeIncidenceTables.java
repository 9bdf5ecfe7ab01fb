package org.iago.tte.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.tte.CumulativeIncidence;
import org.iago.stats.tte.GraysTest;
import org.iago.vocabulary.RunLayout;

/**
 * Cumulative incidence of each event with competing events ({@link CumulativeIncidence}: Aalen–Johansen estimate,
 * {@code cmprsk::cuminc} variance, pointwise log(−log) 95% interval): {@code cumulative_incidence} with the curve of
 * the event and of each competing cause on one time grid, {@code cumulative_incidence_summary} at days 30, 100 and 365,
 * and {@code grays_test} ({@link GraysTest}, ρ = 0) of equal incidence across targets and across products.
 */
final class CumulativeIncidenceTables {

    static final StructType CURVE = Columns.of("event", Columns.TEXT, "group_by", Columns.TEXT,
            "group", Columns.TEXT, "cause", Columns.TEXT, "time", Columns.INTEGER, "at_risk", Columns.INTEGER,
            "events", Columns.INTEGER, "estimate", Columns.NUMBER, "variance", Columns.NUMBER,
            "lower", Columns.NUMBER, "upper", Columns.NUMBER);

    private static final int[] SUMMARY_DAYS = {30, 100, 365};

    static final StructType SUMMARY = summarySchema();

    static final StructType GRAYS_TEST = Columns.of("event", Columns.TEXT, "group_by", Columns.TEXT,
            "groups", Columns.INTEGER, "group_labels", Columns.TEXT, "statistic", Columns.NUMBER,
            "df", Columns.INTEGER, "p_value", Columns.NUMBER);

    /** Gray's test compares the groups of these kinds. */
    private static final List<String> TESTED_GROUPINGS = List.of(AnalysisGroup.PRODUCT, AnalysisGroup.TARGET);

    private final List<CompetingRisksSample> samples;
    private final List<CompetingCause> causes;
    private final List<CumulativeIncidence.Result> estimates = new ArrayList<>();

    /** @param samples sorted by event, then group */
    CumulativeIncidenceTables(List<CompetingRisksSample> samples, boolean competingRelapse) {
        this.samples = List.copyOf(samples);
        this.causes = competingRelapse ? List.of(CompetingCause.values())
                : List.of(CompetingCause.EVENT, CompetingCause.DEATH);
        for (CompetingRisksSample s : this.samples) {
            estimates.add(CumulativeIncidence.withDefaults().estimate(s.days(), s.causes()));
        }
    }

    OutputTable curves() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            CompetingRisksSample sample = samples.get(i);
            for (CompetingCause cause : causes) {
                for (CumulativeIncidence.Step s : estimates.get(i).curve(cause.code()).steps()) {
                    rows.add(OutputTable.row(sample.event(), sample.group().groupBy(), sample.group().group(),
                            cause.label(), (long) s.time(), (long) s.atRisk(), (long) s.events(), s.estimate(),
                            s.variance(), s.lower(), s.upper()));
                }
            }
        }
        return new OutputTable(RunLayout.CUMULATIVE_INCIDENCE, CURVE, rows);
    }

    OutputTable summary() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            CompetingRisksSample sample = samples.get(i);
            long[] byCause = new long[CompetingCause.values().length + 1];
            for (int cause : sample.causes()) {
                byCause[cause]++;
            }
            List<Object> values = new ArrayList<>(List.of(sample.event(), sample.group().groupBy(),
                    sample.group().group(), (long) sample.days().length, byCause[CompetingCause.EVENT.code()],
                    byCause[CompetingCause.DEATH.code()], byCause[CompetingCause.RELAPSE.code()]));
            List<CumulativeIncidence.Step> steps = estimates.get(i).curve(CompetingCause.EVENT.code()).steps();
            for (int day : SUMMARY_DAYS) {
                values.addAll(at(steps, day));
            }
            rows.add(OutputTable.row(values.toArray()));
        }
        return new OutputTable(RunLayout.CUMULATIVE_INCIDENCE_SUMMARY, SUMMARY, rows);
    }

    /** One test per event and kind of grouping with at least two groups. */
    OutputTable graysTests() {
        List<Row> rows = new ArrayList<>();
        for (String event : samples.stream().map(CompetingRisksSample::event).distinct().toList()) {
            for (String groupBy : TESTED_GROUPINGS) {
                List<CompetingRisksSample> groups = samples.stream()
                        .filter(s -> s.event().equals(event) && s.group().groupBy().equals(groupBy)).toList();
                if (groups.size() < 2) {
                    continue;
                }
                int n = groups.stream().mapToInt(s -> s.days().length).sum();
                double[] days = new double[n];
                int[] causeCodes = new int[n];
                String[] labels = new String[n];
                int k = 0;
                for (CompetingRisksSample s : groups) {
                    for (int j = 0; j < s.days().length; j++, k++) {
                        days[k] = s.days()[j];
                        causeCodes[k] = s.causes()[j];
                        labels[k] = s.group().group();
                    }
                }
                GraysTest.Result test = GraysTest.withDefaults().test(days, causeCodes, labels,
                        CompetingCause.EVENT.code());
                rows.add(OutputTable.row(event, groupBy, (long) groups.size(),
                        String.join(";", groups.stream().map(s -> s.group().group()).toList()), test.statistic(),
                        (long) test.degreesOfFreedom(), test.pValue()));
            }
        }
        return new OutputTable(RunLayout.GRAYS_TEST, GRAYS_TEST, rows);
    }

    /** Incidence and its interval at a day; 0 before the first observed time, undefined beyond the last. */
    private static List<Double> at(List<CumulativeIncidence.Step> steps, int day) {
        if (!StepLookup.withinFollowUp(steps, CumulativeIncidence.Step::time, day)) {
            return List.of(Double.NaN, Double.NaN, Double.NaN);
        }
        CumulativeIncidence.Step s = StepLookup.atOrBefore(steps, CumulativeIncidence.Step::time, day);
        return s == null ? List.of(0.0, 0.0, 0.0) : List.of(s.estimate(), s.lower(), s.upper());
    }

    private static StructType summarySchema() {
        StructType schema = Columns.of("event", Columns.TEXT, "group_by", Columns.TEXT, "group", Columns.TEXT,
                "patients", Columns.INTEGER, "events", Columns.INTEGER, "competing_deaths", Columns.INTEGER,
                "competing_relapses", Columns.INTEGER);
        for (int day : SUMMARY_DAYS) {
            schema = Columns.withInterval(schema, "cif_" + day + "d");
        }
        return schema;
    }
}
