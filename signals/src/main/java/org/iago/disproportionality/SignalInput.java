package org.iago.disproportionality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.lake.Lake;
import org.iago.spark.LakeTables;

/**
 * The three datasets a disproportionality analysis counts, whatever the source: {@code reports} (report_id, stratum),
 * one row per report, {@code reportDrugs} (report_id, drug) and {@code reportEvents} (report_id, event), where a name
 * may repeat for a report. From curated FAERS the drug is named at the chosen level and filtered by role; from a case
 * table, id, drug and event are taken as they are. {@link PairCounts} counts the listed reports with at least one drug
 * and one event, as openEBGM's {@code processRaw} keeps them, each name once per report; so apart from restricting the
 * reports ({@code through}, the CAR-T background) nothing is joined or made distinct here.
 */
public record SignalInput(Dataset<Row> reports, Dataset<Row> reportDrugs, Dataset<Row> reportEvents) {

    /** How drugs are named: CAR-T products by brand, by generic name (ingredient), or pooled by target. */
    public enum DrugLevel { PRODUCT, INGREDIENT, TARGET }

    /** Events as reported PTs, as toxicity groups, or rolled up the MedDRA hierarchy (curated with MedDRA). */
    public enum EventLevel { PT, GROUP, HLT, HLGT, SOC }

    /** Which drug roles count: primary suspect only, any suspect, or every role. */
    public enum Roles {
        PS(List.of("PS")), SUSPECT(List.of("PS", "SS")), ALL(List.of("PS", "SS", "C", "I"));

        private final List<String> codes;

        Roles(List<String> codes) {
            this.codes = codes;
        }

        public List<String> codes() {
            return codes;
        }
    }

    /**
     * @param strata     report columns to stratify by (age_group, sex, year), none for unstratified
     * @param through    last quarter to include (e.g. 2024Q2), or null for all
     * @param cartOnly   restrict the background to reports naming a CAR-T product (within-class comparison)
     */
    public static SignalInput faers(SparkSession spark, Lake lake, DrugLevel drugLevel, EventLevel eventLevel,
            Roles roles, List<String> strata, String through, boolean cartOnly) {
        Dataset<Row> reports = read(spark, lake, CurateJob.REPORTS);
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through.toUpperCase(Locale.ROOT))));
        }
        Dataset<Row> drugs = read(spark, lake, CurateJob.DRUGS);
        Column name = switch (drugLevel) {
            case PRODUCT -> col("product");
            case INGREDIENT -> col("ingredient");
            case TARGET -> coalesce(col("target"), col("ingredient"));
        };
        Dataset<Row> reportDrugs = read(spark, lake, CurateJob.REPORT_DRUGS)
                .where(col("role_cod").isin(roles.codes().toArray()))
                .join(drugs, "drug_key")
                .select(col("report_id"), name.as("drug"));
        if (cartOnly) {
            Dataset<Row> cartReports = read(spark, lake, CurateJob.REPORT_DRUGS)
                    .join(drugs.where(col("target").isNotNull()), "drug_key").select("report_id").distinct();
            reports = reports.join(cartReports, "report_id");
        }
        Dataset<Row> events = read(spark, lake, CurateJob.EVENTS);
        Dataset<Row> reportEvents = read(spark, lake, CurateJob.REPORT_EVENTS);
        reportEvents = switch (eventLevel) {
            case PT -> reportEvents.join(events, "event_key").select(col("report_id"), col("pt").as("event"));
            case GROUP -> reportEvents.join(read(spark, lake, CurateJob.EVENT_GROUPS), "event_key")
                    .select(col("report_id"), col("term_group").as("event"));
            case HLT, HLGT, SOC -> reportEvents.join(hierarchy(spark, lake), "event_key")
                    .select(col("report_id"), col(eventLevel.name().toLowerCase(Locale.ROOT)).as("event"));
        };
        return new SignalInput(reports.select(col("report_id"), stratum(strata)), reportDrugs, reportEvents);
    }

    /**
     * An option value ({@code target}, {@code group}, {@code ps}) as its constant, case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static <E extends Enum<E>> E option(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "' for " + type.getSimpleName() + ": use one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The CAR-T products, ingredients or targets of the curated drugs, as {@link #faers} names them. */
    public static Set<String> cartDrugs(SparkSession spark, Lake lake, DrugLevel drugLevel) {
        Column name = switch (drugLevel) {
            case PRODUCT -> col("product");
            case INGREDIENT -> col("ingredient");
            case TARGET -> col("target");
        };
        return new TreeSet<>(read(spark, lake, CurateJob.DRUGS).where(col("target").isNotNull()).select(name)
                .distinct().as(Encoders.STRING()).collectAsList());
    }

    /** The quarters of the curated reports, in order, up to {@code through} (all when null). */
    public static List<String> quarters(SparkSession spark, Lake lake, String through) {
        Dataset<Row> reports = read(spark, lake, CurateJob.REPORTS).select("quarter").distinct();
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through)));
        }
        return reports.orderBy("quarter").as(Encoders.STRING()).collectAsList();
    }

    /**
     * A case table ingested by {@code iago ingest cases}: id, drug, event and its own strata columns. A report whose
     * rows disagree on a stratum is put in the first of its strata in sort order, so that every report counts in
     * exactly one stratum, the same one every run.
     */
    public static SignalInput cases(SparkSession spark, Lake lake, String source, List<String> strata) {
        Dataset<Row> rows = new LakeTables(spark, lake).cases(source);
        Dataset<Row> reports = rows.select(col("id").as("report_id"), stratum(strata))
                .groupBy("report_id").agg(min("stratum").as("stratum"));
        return new SignalInput(reports, rows.select(col("id").as("report_id"), col("drug")),
                rows.select(col("id").as("report_id"), col("event")));
    }

    /** The stratum of a report: its strata values joined, or one stratum for all. */
    private static Column stratum(List<String> strata) {
        if (strata.isEmpty()) {
            return lit("all").as("stratum");
        }
        List<Column> parts = new ArrayList<>();
        for (String s : strata) {
            parts.add(coalesce(col(s).cast("string"), lit("unknown")));
        }
        return concat_ws("|", parts.toArray(Column[]::new)).as("stratum");
    }

    private static Dataset<Row> hierarchy(SparkSession spark, Lake lake) {
        Path hierarchy = lake.curatedLocation(CurateJob.EVENT_HIERARCHY);
        boolean curated;
        try {
            // a read, so any Hadoop file system will do: the lake may be on an object store
            curated = hierarchy.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(hierarchy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the MedDRA hierarchy in " + lake, e);
        }
        if (!curated) {
            throw new IllegalArgumentException("no MedDRA hierarchy in " + lake + ": run 'iago curate --meddra"
                    + " <MedDRA ASCII folder>' to roll events up to HLT, HLGT or SOC");
        }
        return read(spark, lake, CurateJob.EVENT_HIERARCHY);
    }

    private static Dataset<Row> read(SparkSession spark, Lake lake, String table) {
        return spark.read().parquet(lake.curatedLocation(table).toString());
    }
}
