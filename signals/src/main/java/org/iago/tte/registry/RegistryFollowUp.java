package org.iago.tte.registry;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.RegistryTable;

/**
 * Spark's part of {@link RegistryTteJob}: reads the registry, derives every patient's days since infusion, splits
 * at-risk follow-up into patient-days with their window and exposures, and collects the small per-group arrays and
 * counts that the statistics need. Nothing here estimates anything.
 *
 * <p>Days. Day d of a patient is {@code infusion_date + d}; follow-up runs from day 0 to its end day, death if the
 * patient died, else last follow-up. Patients without an outcome row have no follow-up and are left out (counted).
 * At-risk time for rates is every day from 0 to the end day, both included, so a patient followed to day D has D + 1
 * patient-days; with {@link RegistryTteOptions#censorAtRelapse()} it ends at the day of relapse or next therapy if
 * earlier, that day still at risk. An infection or toxicity episode counts in a rate when its onset day is an at-risk
 * day, in that day's window and exposure. Events dated outside follow-up (never, in an extract that passed
 * ingestion) enter no time-to-event estimate and no rate.
 */
final class RegistryFollowUp {

    static final String INFECTION = "INFECTION";
    static final String T_CELL_MALIGNANCY = "T_CELL_MALIGNANCY";
    static final String ANY_NEOPLASM = "ANY_NEOPLASM";

    private static final String T_CELL_LYMPHOMA = "T_CELL_LYMPHOMA";
    private static final String HYPOGAMMAGLOBULINAEMIA = "HYPOGAMMAGLOBULINAEMIA";
    private static final String IVIG = "IVIG";
    /** The exposure columns of a patient-day; the first three are the prophylaxis treatments' codes in lower case. */
    private static final List<String> EXPOSURES = List.of("antibacterial_prophylaxis", "antiviral_prophylaxis",
            "antifungal_prophylaxis", "hypogammaglobulinaemia", "ivig");
    private static final List<String> PROPHYLAXES = EXPOSURES.subList(0, 3);
    private static final String UNKNOWN = "UNKNOWN";

    private final SparkSession spark;
    private final boolean competingRelapse;
    /** Every patient with the cohort's columns; {@code has_outcome} and the days are null without an outcome row. */
    private final Dataset<Row> registered;
    /** patient_id, target, product, infusion_date, end_day, died, relapse_day, at_risk_end. */
    private final Dataset<Row> cohort;
    /**
     * patient_id, event, day, pathogen_class, ctcae_grade, setting, on_prophylaxis: every toxicity episode (event =
     * category, no infection attributes) and every infection (event = INFECTION).
     */
    private final Dataset<Row> events;
    /** patient_id, event, first_day: the first occurrence of each event within follow-up. */
    private final Dataset<Row> firstEvents;
    /** patient_id, target, product, day, window and the exposures: one row per at-risk patient-day. */
    private final Dataset<Row> patientDays;

    /** Patients and their follow-up in days. */
    record Totals(long patients, long excludedNoOutcome, long followUpPatientDays, long atRiskPatientDays) {
    }

    /**
     * Events on at-risk days, and how many there were in all.
     *
     * @param cells infections and toxicity episodes on at-risk patient-days
     * @param infections every infection of the patients
     * @param toxicityEpisodes every toxicity episode of the patients
     */
    record Events(List<EventCell> cells, long infections, long toxicityEpisodes) {
    }

    private RegistryFollowUp(SparkSession spark, boolean competingRelapse, Dataset<Row> registered,
            Dataset<Row> cohort, Dataset<Row> events, Dataset<Row> firstEvents, Dataset<Row> patientDays) {
        this.spark = spark;
        this.competingRelapse = competingRelapse;
        this.registered = registered;
        this.cohort = cohort;
        this.events = events;
        this.firstEvents = firstEvents;
        this.patientDays = patientDays;
    }

    static RegistryFollowUp prepare(SparkSession spark, Lake lake, RegistryTteOptions options) {
        RegistryTables tables = new RegistryTables(spark, lake);
        Dataset<Row> patients = tables.read(RegistryTable.PATIENTS).select(col("patient_id"),
                coalesce(col("target"), lit(UNKNOWN)).as("target"), coalesce(col("product"), lit(UNKNOWN))
                        .as("product"), col("infusion_date"));
        Dataset<Row> outcomes = tables.read(RegistryTable.OUTCOMES).select(col("patient_id"), col("relapse_date"),
                col("next_therapy_date"), col("death_date"), col("last_follow_up_date"),
                lit(true).as("has_outcome"));
        Dataset<Row> registered = patients.join(outcomes, new String[] {"patient_id"}, "left")
                .select(col("patient_id"), col("target"), col("product"), col("infusion_date"), col("has_outcome"),
                        datediff(coalesce(col("death_date"), col("last_follow_up_date")), col("infusion_date"))
                                .as("end_day"),
                        col("death_date").isNotNull().as("died"),
                        least(day("relapse_date"), day("next_therapy_date")).as("relapse_day"))
                .withColumn("at_risk_end", options.censorAtRelapse()
                        ? least(col("end_day"), col("relapse_day")) : col("end_day"));
        Dataset<Row> cohort = registered.where(col("has_outcome")).drop("has_outcome").cache();

        Dataset<Row> dated = cohort.select("patient_id", "infusion_date", "end_day");
        Dataset<Row> events = toxicityEpisodes(tables.read(RegistryTable.TOXICITIES)).join(dated, "patient_id")
                .select(col("patient_id"), col("event"), day("onset_date").as("day"),
                        lit(null).cast("string").as("pathogen_class"), lit(null).cast("long").as("ctcae_grade"),
                        lit(null).cast("string").as("setting"), lit(null).cast("string").as("on_prophylaxis"))
                .unionByName(tables.read(RegistryTable.INFECTIONS).join(dated, "patient_id")
                        .select(col("patient_id"), lit(INFECTION).as("event"), day("onset_date").as("day"),
                                col("pathogen_class"), col("ctcae_grade"), col("setting"), col("on_prophylaxis")));
        Dataset<Row> neoplasms = tables.read(RegistryTable.NEOPLASMS).join(dated, "patient_id");
        Dataset<Row> firstEvents = events.select("patient_id", "event", "day")
                .unionByName(neoplasms.select(col("patient_id"), lit(ANY_NEOPLASM).as("event"),
                        day("diagnosis_date").as("day")))
                .unionByName(neoplasms.where(col("type").equalTo(T_CELL_LYMPHOMA)).select(col("patient_id"),
                        lit(T_CELL_MALIGNANCY).as("event"), day("diagnosis_date").as("day")))
                .join(dated.select("patient_id", "end_day"), "patient_id")
                .where(col("day").between(lit(0), col("end_day")))
                .groupBy("patient_id", "event").agg(min("day").as("first_day"));

        return new RegistryFollowUp(spark, options.competingRelapse(), registered, cohort, events, firstEvents,
                patientDays(tables, cohort, firstEvents).cache());
    }

    /**
     * The toxicity episodes that are events: every recorded episode, its category as recorded, whatever its grade.
     * Grade harmonisation ({@code org.iago.grading}: re-grading the raw parameters to one system, then e.g. keeping
     * grade ≥ 3) belongs here, where episodes become events; every output follows from this selection.
     */
    private static Dataset<Row> toxicityEpisodes(Dataset<Row> toxicities) {
        return toxicities.select(col("patient_id"), col("category").as("event"), col("onset_date"));
    }

    /**
     * One row per at-risk patient-day. Prophylaxis periods start no earlier than day 0 (lymphodepletion starts them
     * before infusion) and, when their end is unknown, run to the end of at-risk time: a period still open at the last
     * report is taken as ongoing. Hypogammaglobulinaemia and IVIG hold from their first onset or start on.
     */
    private static Dataset<Row> patientDays(RegistryTables tables, Dataset<Row> cohort, Dataset<Row> firstEvents) {
        Dataset<Row> atRisk = cohort.select("patient_id", "infusion_date", "at_risk_end");
        Dataset<Row> management = tables.read(RegistryTable.MANAGEMENT).join(atRisk, "patient_id");
        List<Column> onDay = new ArrayList<>();
        for (String prophylaxis : PROPHYLAXES) {
            onDay.add(max(col("treatment").equalTo(treatment(prophylaxis))).as(prophylaxis));
        }
        Dataset<Row> prophylaxisDays = management
                .where(col("treatment").isin(PROPHYLAXES.stream().map(RegistryFollowUp::treatment).toArray()))
                .select(col("patient_id"), col("treatment"), greatest(lit(0), day("start_date")).as("first"),
                        least(coalesce(day("end_date"), col("at_risk_end")), col("at_risk_end")).as("last"))
                .where(col("first").leq(col("last")))
                .select(col("patient_id"), col("treatment"), explode(sequence(col("first"), col("last"))).as("day"))
                .groupBy(col("patient_id"), col("day"))
                .agg(onDay.get(0), onDay.subList(1, onDay.size()).toArray(Column[]::new));
        Dataset<Row> hypogammaglobulinaemia = firstEvents.where(col("event").equalTo(HYPOGAMMAGLOBULINAEMIA))
                .select(col("patient_id"), col("first_day").as("hypogammaglobulinaemia_day"));
        Dataset<Row> ivig = management.where(col("treatment").equalTo(IVIG)).groupBy("patient_id")
                .agg(min(day("start_date")).as("ivig_day"));
        return cohort.select(col("patient_id"), col("target"), col("product"),
                        explode(sequence(lit(0), col("at_risk_end"))).as("day"))
                .join(prophylaxisDays, new String[] {"patient_id", "day"}, "left")
                .join(hypogammaglobulinaemia, new String[] {"patient_id"}, "left")
                .join(ivig, new String[] {"patient_id"}, "left")
                .select(col("patient_id"), col("target"), col("product"), col("day"),
                        FollowUpWindow.labelOf(col("day")).as("window"),
                        coalesce(col(PROPHYLAXES.get(0)), lit(false)).as(PROPHYLAXES.get(0)),
                        coalesce(col(PROPHYLAXES.get(1)), lit(false)).as(PROPHYLAXES.get(1)),
                        coalesce(col(PROPHYLAXES.get(2)), lit(false)).as(PROPHYLAXES.get(2)),
                        coalesce(col("day").geq(col("hypogammaglobulinaemia_day")), lit(false))
                                .as("hypogammaglobulinaemia"),
                        coalesce(col("day").geq(col("ivig_day")), lit(false)).as("ivig"));
    }

    /** Overall survival follow-up of every group. */
    List<GroupSurvival> survival() {
        List<Row> rows = byGroup(cohort.select(groups(), struct(col("end_day"), col("died")).as("follow_up")),
                List.of())
                .agg(sort_array(collect_list("follow_up")).as("follow_up"))
                .orderBy("group_by", "group").collectAsList();
        List<GroupSurvival> groups = new ArrayList<>();
        for (Row r : rows) {
            List<Row> patients = r.getList(2);
            double[] days = new double[patients.size()];
            boolean[] died = new boolean[patients.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = patients.get(i).getInt(0);
                died[i] = patients.get(i).getBoolean(1);
            }
            groups.add(new GroupSurvival(new AnalysisGroup(r.getString(0), r.getString(1)), days, died));
        }
        return groups;
    }

    /**
     * Competing-risks follow-up in every group of each event: {@code INFECTION}, {@code T_CELL_MALIGNANCY},
     * {@code ANY_NEOPLASM} and every toxicity category with an episode within follow-up. Follow-up ends at the first
     * occurrence of the event, at death without it, or (with {@code competingRelapse}) at relapse or next therapy
     * without it, else it is censored at its end. An event on the day of a competing event counts as the event: the
     * two cannot be ordered within the day, and the event may have caused the other.
     */
    List<CompetingRisksSample> competingRisks() {
        Dataset<Row> names = spark.createDataset(List.of(INFECTION, T_CELL_MALIGNANCY, ANY_NEOPLASM),
                Encoders.STRING()).toDF("event").union(firstEvents.select("event")).distinct();
        Column competing = competingRelapse ? col("relapse_day") : lit(null).cast("int");
        Column eventFirst = col("first_day").isNotNull()
                .and(competing.isNull().or(col("first_day").leq(competing)));
        Column day = when(eventFirst, col("first_day")).when(competing.isNotNull(), competing)
                .otherwise(col("end_day"));
        Column cause = when(eventFirst, CompetingCause.EVENT.code())
                .when(competing.isNotNull(), CompetingCause.RELAPSE.code())
                .when(col("died"), CompetingCause.DEATH.code()).otherwise(0);
        Dataset<Row> followUp = cohort.crossJoin(names)
                .join(firstEvents, new String[] {"patient_id", "event"}, "left")
                .select(col("event"), groups(), struct(day.as("day"), cause.as("cause")).as("follow_up"),
                        col("first_day"));
        List<Row> rows = byGroup(followUp, List.of("event"))
                .agg(sort_array(collect_list("follow_up")).as("follow_up"),
                        sort_array(collect_list("first_day")).as("onset_days"))
                .orderBy("event", "group_by", "group").collectAsList();
        List<CompetingRisksSample> samples = new ArrayList<>();
        for (Row r : rows) {
            List<Row> patients = r.getList(3);
            double[] days = new double[patients.size()];
            int[] causes = new int[patients.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = patients.get(i).getInt(0);
                causes[i] = patients.get(i).getInt(1);
            }
            List<Integer> onsets = r.getList(4);
            samples.add(new CompetingRisksSample(r.getString(0), new AnalysisGroup(r.getString(1), r.getString(2)),
                    days, causes, onsets.stream().mapToDouble(Integer::doubleValue).toArray()));
        }
        return samples;
    }

    /**
     * The first onset of each event of every patient who had it within follow-up: the onsets that
     * {@link #competingRisks()} collects per group, one per patient. Sorted by event, product, target and day.
     */
    List<FirstOnset> firstOnsets() {
        return firstEvents.join(cohort, "patient_id")
                .select("event", "product", "target", "first_day")
                .orderBy("event", "product", "target", "first_day").collectAsList().stream()
                .map(r -> new FirstOnset(r.getString(0), r.getString(1), r.getString(2), r.getInt(3))).toList();
    }

    /** At-risk patient-days by product, window and exposure. */
    List<PersonTimeCell> personTime() {
        List<PersonTimeCell> cells = new ArrayList<>();
        for (Row r : patientDays.groupBy(columns()).count().collectAsList()) {
            cells.add(new PersonTimeCell(r.getAs("target"), r.getAs("product"),
                    FollowUpWindow.ofLabel(r.getAs("window")), exposure(r), r.getAs("count")));
        }
        return cells;
    }

    /** Infections and toxicity episodes by the patient-day of their onset; those on no at-risk day only counted. */
    Events events() {
        List<Row> rows = events.join(patientDays, new String[] {"patient_id", "day"}, "left")
                .groupBy(columns("event", "pathogen_class", "ctcae_grade", "setting", "on_prophylaxis")).count()
                .collectAsList();
        List<EventCell> cells = new ArrayList<>();
        long infectionCount = 0;
        long episodeCount = 0;
        for (Row r : rows) {
            long n = r.getAs("count");
            boolean infection = INFECTION.equals(r.getAs("event"));
            infectionCount += infection ? n : 0;
            episodeCount += infection ? 0 : n;
            if (r.getAs("window") != null) {
                InfectionKind kind = infection ? new InfectionKind(coalesceUnknown(r.getAs("pathogen_class")),
                        InfectionKind.severity(r.getAs("ctcae_grade")), coalesceUnknown(r.getAs("setting")),
                        r.getAs("on_prophylaxis")) : null;
                cells.add(new EventCell(r.getAs("event"), r.getAs("target"), r.getAs("product"),
                        FollowUpWindow.ofLabel(r.getAs("window")), exposure(r), kind, n));
            }
        }
        return new Events(cells, infectionCount, episodeCount);
    }

    /** Patients, those left out without an outcome row, and the follow-up and at-risk patient-days (end day + 1). */
    Totals totals() {
        Row r = registered.agg(count(lit(1)), count(col("has_outcome")), sum(col("end_day").plus(1)),
                sum(col("at_risk_end").plus(1))).first();
        long patients = r.getLong(1);
        return new Totals(patients, r.getLong(0) - patients, r.isNullAt(2) ? 0 : r.getLong(2),
                r.isNullAt(3) ? 0 : r.getLong(3));
    }

    /** Releases the cached datasets. */
    void release() {
        patientDays.unpersist();
        cohort.unpersist();
    }

    private static Exposure exposure(Row r) {
        return new Exposure(r.getAs(EXPOSURES.get(0)), r.getAs(EXPOSURES.get(1)), r.getAs(EXPOSURES.get(2)),
                r.getAs(EXPOSURES.get(3)), r.getAs(EXPOSURES.get(4)));
    }

    /** The product and window keys, the exposures, then {@code extra}. */
    private static Column[] columns(String... extra) {
        List<Column> columns = new ArrayList<>(List.of(col("target"), col("product"), col("window")));
        EXPOSURES.forEach(c -> columns.add(col(c)));
        for (String c : extra) {
            columns.add(col(c));
        }
        return columns.toArray(Column[]::new);
    }

    /** The {@code management.treatment} code of a prophylaxis exposure column. */
    private static String treatment(String exposure) {
        return exposure.toUpperCase(Locale.ROOT);
    }

    private static String coalesceUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }

    /** Days since infusion of a date column; the dataset must have {@code infusion_date}. */
    private static Column day(String dateColumn) {
        return datediff(col(dateColumn), col("infusion_date"));
    }

    /** Each row once per group of its patient: explodes into {@code g.group_by}, {@code g.group}. */
    private static Column groups() {
        return explode(array(group(lit(AnalysisGroup.ALL), lit(AnalysisGroup.ALL)),
                group(lit(AnalysisGroup.TARGET), col("target")),
                group(lit(AnalysisGroup.PRODUCT), col("product")))).as("g");
    }

    private static Column group(Column by, Column name) {
        return struct(by.as("group_by"), name.as("group"));
    }

    /** Groups exploded rows by {@code keys}, then group_by and group. */
    private static RelationalGroupedDataset byGroup(Dataset<Row> exploded, List<String> keys) {
        List<Column> columns = new ArrayList<>();
        keys.forEach(k -> columns.add(col(k)));
        columns.add(col("g.group_by").as("group_by"));
        columns.add(col("g.group").as("group"));
        return exploded.groupBy(columns.toArray(Column[]::new));
    }
}
