package org.iago.tte.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.onset.WeibullShapeTest;
import org.iago.tte.OnsetJob;
import org.iago.vocabulary.RunLayout;

/**
 * Onset of each event's first episode by group: median and quartiles of the onset days and the Weibull shape test
 * ({@link WeibullShapeTest}, day 0 as half a day) of whether the hazard falls (EARLY), is constant (RANDOM) or rises
 * (WEAR_OUT) after infusion, on the onset days alone, as {@link OnsetJob} does for FAERS; and the onset days
 * themselves, one per patient, for the report's histograms.
 */
final class OnsetTable {

    static final StructType SCHEMA = Columns.of("event", Columns.TEXT, "group_by", Columns.TEXT,
            "group", Columns.TEXT, "onsets", Columns.INTEGER, "onset_median", Columns.NUMBER,
            "onset_q1", Columns.NUMBER, "onset_q3", Columns.NUMBER, "weibull_shape", Columns.NUMBER,
            "weibull_shape_lower", Columns.NUMBER, "weibull_shape_upper", Columns.NUMBER,
            "weibull_scale", Columns.NUMBER, "weibull_p", Columns.NUMBER, "hazard", Columns.TEXT,
            "note", Columns.TEXT);

    /** Product and target rather than analysis groups: a patient is one row, and every group can be read off it. */
    static final StructType DAYS_SCHEMA = Columns.of("event", Columns.TEXT, "product", Columns.TEXT,
            "target", Columns.TEXT, "onset_day", Columns.INTEGER);

    private static final String TOO_FEW = "too few onsets for a fit";

    private OnsetTable() {
    }

    /** @param samples sorted by event, then group */
    static OutputTable of(List<CompetingRisksSample> samples) {
        List<Row> rows = new ArrayList<>();
        for (CompetingRisksSample s : samples) {
            double[] onsets = s.onsetDays();
            if (onsets.length >= OnsetJob.MIN_ONSETS && Arrays.stream(onsets).distinct().count() > 1) {
                WeibullShapeTest.Result r = WeibullShapeTest.withDefaults().test(onsets);
                rows.add(OutputTable.row(s.event(), s.group().groupBy(), s.group().group(), (long) onsets.length,
                        r.onsetDays().median(), r.onsetDays().lowerQuartile(), r.onsetDays().upperQuartile(),
                        r.shape(), r.shapeLower(), r.shapeUpper(), r.scale(), r.pValue(), r.hazard().name(), null));
            } else {
                rows.add(OutputTable.row(s.event(), s.group().groupBy(), s.group().group(), (long) onsets.length,
                        null, null, null, null, null, null, null, null, null, TOO_FEW));
            }
        }
        return new OutputTable(RunLayout.REGISTRY_ONSET, SCHEMA, rows);
    }

    /** @param onsets sorted by event, product, target, day */
    static OutputTable days(List<FirstOnset> onsets) {
        List<Row> rows = onsets.stream()
                .map(o -> OutputTable.row(o.event(), o.product(), o.target(), (long) o.day())).toList();
        return new OutputTable(RunLayout.REGISTRY_ONSET_DAYS, DAYS_SCHEMA, rows);
    }
}
