package org.iago.tte;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.spark.CsvOutput;
import org.iago.spark.IagoSpark;
import org.iago.stats.onset.WeibullShapeTest;
import org.iago.vocabulary.RunLayout;

/**
 * Time to onset from FAERS per drug (product or target) and toxicity group: the onsets of {@link OnsetTimes}, their
 * median and quartiles, and the Weibull shape parameter test ({@link WeibullShapeTest}: shape with 95% CI and the
 * hazard pattern EARLY, RANDOM or WEAR_OUT), and the onsets compared with those of the same event under other drugs
 * and with the same drug's other events ({@link OnsetComparison}, two-sample Kolmogorov–Smirnov and
 * Anderson–Darling). The groups are few, so the fits and tests run on the driver.
 * <p>
 * Writes {@code <out>/onset.csv}, sorted by drug and event. Every row carries the caveat that spontaneous reports are
 * right-truncated: reports of late onsets arrive later, so a naive fit on what has been reported so far is biased
 * towards early onset (Leroy et al. 2014, BMC Med Res Methodol 14:17). Writes beside it {@code <out>/onset_days.csv},
 * the onsets themselves (one row per report onset counted in {@code onsets}), sorted by drug, event and day, for the
 * report's histograms.
 */
public final class OnsetJob {

    /** The CSV header. */
    public static final List<String> COLUMNS = List.of("drug", "event", "reports", "onsets", "excluded_partial",
            "excluded_negative", "onset_median", "onset_q1", "onset_q3", "weibull_shape", "weibull_shape_lower",
            "weibull_shape_upper", "weibull_scale", "weibull_p", "hazard", "ks_other_drugs_onsets", "ks_other_drugs_d",
            "ks_other_drugs_p", "ks_other_events_onsets", "ks_other_events_d", "ks_other_events_p",
            "ad_other_drugs_stat", "ad_other_drugs_p", "ad_other_events_stat", "ad_other_events_p", "caveat");

    /** The CSV header of the onsets themselves. */
    public static final List<String> DAY_COLUMNS = List.of("drug", "event", "onset_day");

    /** Fewer onsets than this give no fit: a two-parameter maximum likelihood fit needs some spread. */
    public static final int MIN_ONSETS = 3;

    private static final String CAVEAT = "right-truncated: late onsets are under-reported so far";

    private final SparkSession spark;

    public OnsetJob(SparkSession spark) {
        this.spark = spark;
    }

    /** @return the number of drug–group rows written */
    public int run(Lake lake, boolean byTarget, Path out) throws IOException {
        List<OnsetComparison.Onsets> pairs = new ArrayList<>();
        List<Row> groups = IagoSpark.sizedForCuratedReports(spark, lake,
                () -> OnsetTimes.of(spark, lake, byTarget).orderBy("drug", "event").collectAsList());
        for (Row g : groups) {
            pairs.add(onsets(g));
        }
        OnsetComparison comparison = new OnsetComparison(pairs);
        WeibullShapeTest test = WeibullShapeTest.withDefaults();
        List<Row> rows = new ArrayList<>();
        List<Row> onsets = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            Row g = groups.get(k);
            OnsetComparison.Onsets pair = pairs.get(k);
            int[] days = pair.days();
            Arrays.stream(days).forEach(d -> onsets.add(RowFactory.create(pair.drug(), pair.event(), d)));
            List<Object> row = new ArrayList<>(List.of(pair.drug(), pair.event(),
                    g.getLong(g.fieldIndex("reports")), days.length, g.getLong(g.fieldIndex("excluded_partial")),
                    g.getLong(g.fieldIndex("excluded_negative"))));
            boolean fitted = days.length >= MIN_ONSETS && Arrays.stream(days).distinct().count() > 1;
            if (fitted) {
                WeibullShapeTest.Result r = test.test(Arrays.stream(days).asDoubleStream().toArray());
                row.addAll(List.of(r.onsetDays().median(), r.onsetDays().lowerQuartile(),
                        r.onsetDays().upperQuartile(), r.shape(), r.shapeLower(), r.shapeUpper(), r.scale(),
                        r.pValue(), r.hazard().name()));
            } else {
                row.addAll(Collections.nCopies(9, null));
            }
            OnsetComparison.Result compared = comparison.compare(pair);
            addKolmogorovSmirnov(row, compared.otherDrugs());
            addKolmogorovSmirnov(row, compared.otherEvents());
            addAndersonDarling(row, compared.otherDrugs());
            addAndersonDarling(row, compared.otherEvents());
            row.add(fitted ? CAVEAT : "too few onsets for a fit");
            rows.add(RowFactory.create(row.toArray()));
        }
        CsvOutput.write(out.resolve(RunLayout.ONSET_CSV), COLUMNS, rows.iterator());
        CsvOutput.write(out.resolve(RunLayout.ONSET_DAYS_CSV), DAY_COLUMNS, onsets.iterator());
        return rows.size();
    }

    /** The group's onsets sorted by day (collect_list keeps the partitions' order; sorted, the bytes do not). */
    private static OnsetComparison.Onsets onsets(Row g) {
        List<Integer> days = g.getList(g.fieldIndex("onset_days"));
        List<Object> reports = g.getList(g.fieldIndex("onset_reports"));
        Integer[] order = new Integer[days.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(days::get));
        return new OnsetComparison.Onsets(g.getString(0), g.getString(1),
                Arrays.stream(order).mapToInt(days::get).toArray(),
                Arrays.stream(order).map(reports::get).toArray());
    }

    private static void addKolmogorovSmirnov(List<Object> row, OnsetComparison.Comparison c) {
        row.addAll(c == null ? Arrays.asList(null, null, null)
                : List.of(c.backgroundOnsets(), c.ksStatistic(), c.ksPValue()));
    }

    /** A²akN and p, empty where the test has none (too few onsets, or every onset on one day). */
    private static void addAndersonDarling(List<Object> row, OnsetComparison.Comparison c) {
        row.addAll(c == null || Double.isNaN(c.adStatistic()) ? Arrays.asList(null, null)
                : List.of(c.adStatistic(), c.adPValue()));
    }
}
