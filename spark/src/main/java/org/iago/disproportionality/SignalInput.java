package org.iago.disproportionality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;

/**
 * What a disproportionality analysis counts, whatever the source: {@code reports}, one row per report (report_id,
 * stratum, drug_keys, event_keys: arrays of int keys, which may repeat; from FAERS also its quarter, for
 * {@link #through}), and the names those keys count under
 * ({@link KeyNames}). From curated FAERS the keys are curate's drug_key (of the chosen roles) and event_key, read
 * from the reports as curate wrote them and named from the small dimension tables at the chosen drug and event level;
 * from a case table, each distinct drug and event is numbered here and each report's rows are gathered by one
 * grouping. {@link PairCounts} counts the reports with at least one named drug and one named event, as openEBGM's
 * {@code processRaw} keeps them.
 */
public record SignalInput(Dataset<Row> reports, KeyNames drugs, KeyNames events) {

    /** How drugs are named: CAR-T products by brand, by generic name (ingredient), or pooled by target. */
    public enum DrugLevel { PRODUCT, INGREDIENT, TARGET }

    /** Events as reported PTs, as toxicity groups, or rolled up the MedDRA hierarchy (curated with MedDRA). */
    public enum EventLevel { PT, GROUP, HLT, HLGT, SOC }

    /** Which drug roles count: primary suspect only, any suspect, or every role. */
    public enum Roles {
        PS(List.of("PS")), SUSPECT(List.of("PS", "SS")), ALL(FaersTable.ROLE_CODS);

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
     * @throws IllegalArgumentException if the lake was curated before the reports carried their keys
     */
    public static SignalInput faers(SparkSession spark, Lake lake, DrugLevel drugLevel, EventLevel eventLevel,
            Roles roles, List<String> strata, String through, boolean cartOnly) {
        Dataset<Row> reports = read(spark, lake, CuratedTable.REPORTS);
        if (!List.of(reports.columns()).containsAll(CuratedTable.KEY_COLUMNS)) {
            throw new IllegalArgumentException("the reports of " + lake + " lack some of " + CuratedTable.KEY_COLUMNS
                    + ": they were curated by an earlier iago; run 'iago curate' again");
        }
        Column name = switch (drugLevel) {
            case PRODUCT -> col("product");
            case INGREDIENT -> col("ingredient");
            case TARGET -> coalesce(col("target"), col("ingredient"));
        };
        // (drug_key, name, CAR-T or not): one read of the drugs for their names and the CAR-T background
        Dataset<Row> drugTable = read(spark, lake, CuratedTable.DRUGS)
                .select(col("drug_key").cast(DataTypes.IntegerType), name, col("target").isNotNull());
        List<Row> drugRows = drugTable.collectAsList();
        KeyNames drugs = KeyNames.of(drugRows, drugTable.schema().fields()[1].dataType());
        if (cartOnly) {
            Object[] cartKeys = drugRows.stream().filter(r -> r.getBoolean(2)).map(r -> r.get(0)).toArray();
            reports = reports.where(arrays_overlap(inRoles(FaersTable.ROLE_CODS),
                    array(Arrays.stream(cartKeys).map(functions::lit).toArray(Column[]::new))
                            .cast(DataTypes.createArrayType(DataTypes.IntegerType))));
        }
        Dataset<Row> eventKeys = read(spark, lake, CuratedTable.EVENTS);
        // every event_key, with its names at the level or a null name: a PT in no group is known but not counted
        Dataset<Row> eventNames = switch (eventLevel) {
            case PT -> eventKeys.select(col("event_key"), col("pt"));
            case GROUP -> eventKeys.select("event_key").join(read(spark, lake, CuratedTable.EVENT_GROUPS)
                    .select(col("event_key"), col("term_group")), new String[] {"event_key"}, "left");
            case HLT, HLGT, SOC -> eventKeys.select("event_key").join(hierarchy(spark, lake)
                    .select(col("event_key"), col(eventLevel.name().toLowerCase(Locale.ROOT))),
                    new String[] {"event_key"}, "left");
        };
        KeyNames events = KeyNames.of(eventNames.select(col("event_key").cast(DataTypes.IntegerType),
                eventNames.col(eventNames.columns()[1])).collectAsList(), eventNames.schema().fields()[1].dataType());
        SignalInput input = new SignalInput(reports.select(col("report_id"), col("quarter"), stratum(strata),
                inRoles(roles.codes()).as("drug_keys"), col(CuratedTable.EVENT_KEYS).as("event_keys")), drugs, events);
        return through == null ? input : input.through(through);
    }

    /**
     * The same analysis on the reports up to a quarter, with the same names: an emergence series steps through the
     * quarters without reading and collecting the name tables again for each.
     *
     * @param quarter last quarter to include (e.g. 2024Q2)
     * @throws IllegalStateException for a case table, whose reports have no quarter
     */
    public SignalInput through(String quarter) {
        if (!List.of(reports.columns()).contains("quarter")) {
            throw new IllegalStateException("only a FAERS input has quarters to step through");
        }
        return new SignalInput(reports.where(col("quarter").leq(lit(quarter.toUpperCase(Locale.ROOT)))), drugs,
                events);
    }

    /** A report's drug keys in the given roles, from curate's arrays by role (plain array functions, compiled). */
    private static Column inRoles(List<String> roleCods) {
        Column[] arrays = roleCods.stream().map(role -> col(CuratedTable.drugKeys(role))).toArray(Column[]::new);
        return arrays.length == 1 ? arrays[0] : concat(arrays);
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
        return new TreeSet<>(read(spark, lake, CuratedTable.DRUGS).where(col("target").isNotNull()).select(name)
                .distinct().as(Encoders.STRING()).collectAsList());
    }

    /** The quarters of the curated reports, in order, up to {@code through} (all when null). */
    public static List<String> quarters(SparkSession spark, Lake lake, String through) {
        Dataset<Row> reports = read(spark, lake, CuratedTable.REPORTS).select("quarter").distinct();
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through)));
        }
        return reports.orderBy("quarter").as(Encoders.STRING()).collectAsList();
    }

    /**
     * A case table ingested by {@code iago ingest cases}: id, drug, event and its own strata columns. A report whose
     * rows disagree on a stratum is put in the first of its strata in sort order, so that every report counts in
     * exactly one stratum, the same one every run. Drugs and events are numbered in name order, in one action that
     * collects their distinct names.
     */
    public static SignalInput cases(SparkSession spark, Lake lake, String source, List<String> strata) {
        Dataset<Row> rows = new LakeTables(spark, lake).cases(source);
        DataType drugType = rows.schema().apply("drug").dataType();
        DataType eventType = rows.schema().apply("event").dataType();
        // both name lists in one action (collect_set leaves out nulls)
        Row named = rows.agg(collect_set("drug"), collect_set("event")).first();
        KeyNames drugs = KeyNames.numbering(named.getList(0), drugType);
        KeyNames events = KeyNames.numbering(named.getList(1), eventType);
        Dataset<Row> reports = rows.withColumn("stratum", stratum(strata))
                .join(broadcast(numbers(spark, drugs, "drug")), new String[] {"drug"}, "left")
                .join(broadcast(numbers(spark, events, "event")), new String[] {"event"}, "left")
                .groupBy(col("id").as("report_id"))
                .agg(min("stratum").as("stratum"), collect_set("drug_number").as("drug_keys"),
                        collect_set("event_number").as("event_keys"));
        return new SignalInput(reports, drugs, events);
    }

    /** The names with their numbers, columns {@code <kind>} and {@code <kind>_number}, to join by name. */
    private static Dataset<Row> numbers(SparkSession spark, KeyNames names, String kind) {
        List<Row> rows = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            rows.add(RowFactory.create(names.name(i), i));
        }
        return spark.createDataFrame(rows, new StructType().add(kind, names.type())
                .add(kind + "_number", DataTypes.IntegerType, false));
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
        Path hierarchy = lake.curatedLocation(CuratedTable.EVENT_HIERARCHY);
        boolean curated;
        try {
            // a read, so any Hadoop file system will do
            curated = hierarchy.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(hierarchy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the MedDRA hierarchy in " + lake, e);
        }
        if (!curated) {
            throw new IllegalArgumentException("no MedDRA hierarchy in " + lake + ": run 'iago curate --meddra"
                    + " <MedDRA ASCII folder>' to roll events up to HLT, HLGT or SOC");
        }
        return read(spark, lake, CuratedTable.EVENT_HIERARCHY);
    }

    private static Dataset<Row> read(SparkSession spark, Lake lake, CuratedTable table) {
        return ParquetOutput.read(spark, lake.curatedLocation(table));
    }
}
