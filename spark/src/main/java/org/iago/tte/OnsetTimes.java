package org.iago.tte;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;

/**
 * Time to onset from FAERS, prepared for the Weibull shape test: for every primary-suspect drug (named by product, or
 * pooled by target) and toxicity group, the onset of each report in days, {@code event_dt − start_dt}, where
 * {@code start_dt} is the earliest THER start of that drug in the report (THER joins DRUG by primaryid and
 * {@code dsg_drug_seq = drug_seq}).
 * <p>
 * Rule for dates, never imputed: only day-precision dates give an onset. A report whose event or start date is
 * missing or partial (year or month only) is counted in {@code excluded_partial}; one whose event precedes the start
 * in {@code excluded_negative}. Onsets of 0 days (same day) are kept. Each onset keeps its report, so that samples
 * compared with each other ({@link OnsetComparison}) never share a report.
 */
public final class OnsetTimes {

    private OnsetTimes() {
    }

    /**
     * @param byTarget pool CAR-T products by target (other drugs stay ingredients)
     * @return drug, event, onset_days (array of int), onset_reports (array of the same length: the report_id of each
     *         onset), reports, excluded_partial, excluded_negative
     */
    public static Dataset<Row> of(SparkSession spark, Lake lake, boolean byTarget) {
        Dataset<Row> drugs = curated(spark, lake, CuratedTable.DRUGS).select(col("drug_key"),
                (byTarget ? coalesce(col("target"), col("ingredient")) : col("product")).as("drug"));
        Dataset<Row> reports = curated(spark, lake, CuratedTable.REPORTS)
                .select("report_id", "primaryid", "quarter", "event_dt", "event_dt_precision");
        Dataset<Row> therapy = new LakeTables(spark, lake).faers(FaersTable.THER)
                .select(col("primaryid"), col("quarter"), col("dsg_drug_seq").as("drug_seq"),
                        when(col("start_dt_precision").equalTo("day"), col("start_dt_date")).as("start_day"));
        Dataset<Row> starts = curated(spark, lake, CuratedTable.REPORT_DRUGS).where(col("role_cod").equalTo("PS"))
                .join(drugs, "drug_key")
                .join(reports, "report_id")
                .join(therapy, new String[] {"primaryid", "quarter", "drug_seq"}, "left")
                .groupBy("report_id", "drug", "event_dt", "event_dt_precision")
                .agg(min("start_day").as("start_day"));
        Dataset<Row> groups = curated(spark, lake, CuratedTable.REPORT_EVENTS)
                .join(curated(spark, lake, CuratedTable.EVENT_GROUPS), "event_key")
                .select(col("report_id"), col("term_group").as("event")).distinct();
        Column dated = col("event_dt_precision").equalTo("day").and(col("start_day").isNotNull());
        Column onset = when(dated, datediff(col("event_dt"), col("start_day")));
        // one list of (onset, report_id) pairs, split in two: two collect_lists need not keep one order
        return starts.join(groups, "report_id")
                .withColumn("onset", onset)
                .groupBy("drug", "event")
                .agg(collect_list(when(col("onset").geq(0), struct(col("onset"), col("report_id")))).as("onsets"),
                        count(lit(1)).as("reports"),
                        sum(when(col("onset").isNull(), 1).otherwise(0)).as("excluded_partial"),
                        sum(when(col("onset").lt(0), 1).otherwise(0)).as("excluded_negative"))
                .select(col("drug"), col("event"), col("onsets.onset").as("onset_days"),
                        col("onsets.report_id").as("onset_reports"), col("reports"), col("excluded_partial"),
                        col("excluded_negative"));
    }

    private static Dataset<Row> curated(SparkSession spark, Lake lake, CuratedTable table) {
        return ParquetOutput.read(spark, lake.curatedLocation(table));
    }
}
