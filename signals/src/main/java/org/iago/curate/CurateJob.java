package org.iago.curate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.LakeStorage;
import org.iago.spark.IagoSpark;
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;

/**
 * Curation of the FAERS lake into the tables the signal jobs count, all keyed by integers:
 * <ol>
 * <li>one report per case: of all versions of a caseid in every ingested quarter, the latest (highest
 * {@code fda_dt}, then highest primaryid, then latest quarter; legacy ISR and CASE alike);</li>
 * <li>cases on the FDA deleted lists are dropped; whether the lists hold caseids or primaryids is judged from the data
 * (whichever kind matches more ids) and recorded;</li>
 * <li>drugs: CAR-T products recognised by brand, generic or code name in {@code drugname} or {@code prod_ai}
 * ({@code conf/products.yaml}), named by brand with their target; other drugs by active ingredient ({@code prod_ai},
 * else the cleaned {@code drugname});</li>
 * <li>events: MedDRA PTs compared without regard to case, their toxicity groups ({@code conf/term-groups.yaml}),
 * and, where the user supplies a licensed MedDRA distribution ({@link MeddraHierarchy}), their HLT, HLGT and SOC.</li>
 * </ol>
 * Output under {@code <lake>/curated/}: {@code reports} (report_id = caseid, primaryid, quarter, fda_dt, event_dt
 * with its precision, year, sex, age_years, age_group, and the report's keys: ps_drug_keys, ss_drug_keys,
 * c_drug_keys and i_drug_keys, arrays of drug_key by role, and event_keys), {@code drugs} (drug_key, product,
 * ingredient, target), {@code report_drugs} (report_id, drug_key, role_cod, drug_seq: the key to THER),
 * {@code events} (event_key, pt), {@code report_events} (report_id, event_key), {@code event_groups} (event_key,
 * term_group), with a MedDRA distribution {@code event_hierarchy} (event_key, hlt, hlgt, soc), and
 * {@code _summary.json}. Every table is written aside, then all are swapped in one after the other.
 * <p>
 * As a Spark application: {@code spark-submit --class org.iago.curate.CurateJob iago-signals-<version>-app.jar <lake>
 * <conf dir> [<MedDRA ASCII folder>]}. The lake is a path every executor sees, an {@code hdfs://} or an
 * {@code s3a://} URI ({@link LakePaths}, {@link LakeStorage}, docs/cluster.md); the conf and MedDRA folders are local
 * to the driver.
 */
public final class CurateJob {

    public static final String REPORTS = "reports";
    public static final String DRUGS = "drugs";
    public static final String REPORT_DRUGS = "report_drugs";
    public static final String EVENTS = "events";
    public static final String REPORT_EVENTS = "report_events";
    public static final String EVENT_GROUPS = "event_groups";
    /** Written only when a MedDRA distribution is given: event_key, hlt, hlgt, soc. */
    public static final String EVENT_HIERARCHY = "event_hierarchy";
    /** A column of {@code reports}: the report's distinct event_keys, sorted. */
    public static final String EVENT_KEYS = "event_keys";
    /**
     * The columns of {@code reports} that hold its keys: {@link #drugKeys} of every role of
     * {@link FaersTable#ROLE_CODS} (ingest refuses any other role), then {@link #EVENT_KEYS}.
     */
    public static final List<String> KEY_COLUMNS = Stream.concat(
            FaersTable.ROLE_CODS.stream().map(CurateJob::drugKeys), Stream.of(EVENT_KEYS)).toList();

    private final SparkSession spark;
    private final Lake lake;
    private final ProductDictionary products;
    private final TermGroups groups;
    private final MeddraHierarchy meddra;

    public CurateJob(SparkSession spark, Lake lake, ProductDictionary products, TermGroups groups) {
        this(spark, lake, products, groups, null);
    }

    /** @param meddra a licensed MedDRA distribution to roll PTs up to HLT, HLGT and SOC, or null */
    public CurateJob(SparkSession spark, Lake lake, ProductDictionary products, TermGroups groups,
            MeddraHierarchy meddra) {
        this.spark = spark;
        this.lake = lake;
        this.products = products;
        this.groups = groups;
        this.meddra = meddra;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: CurateJob <lake> <conf dir> [<MedDRA ASCII folder>]");
        }
        Lake lake = Lake.at(args[0]);
        Path conf = LakePaths.local(args[1]);
        SparkSession spark = IagoSpark.application("iago-curate");
        try {
            new CurateJob(spark, lake, ProductDictionary.load(conf.resolve("products.yaml")),
                    TermGroups.load(conf.resolve("term-groups.yaml")),
                    args.length == 3 ? MeddraHierarchy.in(LakePaths.local(args[2])) : null).run();
        } finally {
            spark.stop();
        }
    }

    public CurationSummary run() throws IOException {
        LakeStorage storage = lake.storage(spark.sparkContext().hadoopConfiguration());
        LakeTables tables = new LakeTables(spark, lake);
        Dataset<Row> demo = tables.faers(FaersTable.DEMO);
        long demoRows = demo.count();
        // cached: counted here and kept below; the window over every DEMO row is the costly part
        Dataset<Row> latest = latestVersions(demo).cache();
        long cases = latest.count();

        Dataset<Row> deleted = tables.faers(FaersTable.DELETED).select(col("id")).distinct();
        long deletedIds = deleted.count();
        String deletedKind = deletedIdsKind(demo, deleted);
        Dataset<Row> kept = latest.join(deleted, latest.col(deletedKind).equalTo(deleted.col("id")), "left_anti");
        Dataset<Row> reports = reportColumns(kept).cache();
        long reportCount = reports.count();
        latest.unpersist();
        Dataset<Row> keys = reports.select("primaryid", "quarter", "report_id");

        Dataset<Row> drugRows = drugNames(tables.faers(FaersTable.DRUG).join(keys, new String[] {"primaryid", "quarter"}))
                .cache();
        Dataset<Row> drugs = numbered(drugRows.groupBy("product")
                .agg(max("ingredient").as("ingredient"), max("target").as("target")), "product", "drug_key");
        Dataset<Row> reportDrugs = drugRows.join(drugs.select("product", "drug_key"), "product")
                .select("report_id", "drug_key", "role_cod", "drug_seq").distinct();

        // cached: events, report_events and event_groups all derive from them, so REAC is joined and grouped once
        Dataset<Row> eventRows = tables.faers(FaersTable.REAC).join(keys, new String[] {"primaryid", "quarter"})
                .select(col("report_id"), normalised(col("pt")).as("pt_key"), trim(col("pt")).as("pt")).cache();
        Dataset<Row> events = numbered(eventRows.groupBy("pt_key").agg(max("pt").as("pt")), "pt_key", "event_key")
                .cache();
        Dataset<Row> reportEvents = eventRows.join(events.select("pt_key", "event_key"), "pt_key")
                .select("report_id", "event_key").distinct();
        Dataset<Row> eventGroups = termGroups().join(events, "pt_key").select("event_key", "term_group");

        // every table written aside first, then swapped in together: the keys in reports are numbers of this run's
        // drugs and events, so tables of two curations must never stand side by side for longer than a few renames
        // (or pointer PUTs)
        Map<org.apache.hadoop.fs.Path, org.apache.hadoop.fs.Path> staged = new LinkedHashMap<>();   // by target
        stage(storage, staged, DRUGS, drugs);
        stage(storage, staged, REPORT_DRUGS, reportDrugs);
        stage(storage, staged, EVENTS, events.drop("pt_key"));
        stage(storage, staged, REPORT_EVENTS, reportEvents);
        stage(storage, staged, EVENT_GROUPS, eventGroups);
        if (meddra != null) {
            stage(storage, staged, EVENT_HIERARCHY, events.join(meddra.byTerm(spark),
                    events.col("pt_key").equalTo(col("term_key"))).select("event_key", "hlt", "hlgt", "soc"));
        }
        stage(storage, staged, REPORTS, withKeys(reports,
                spark.read().parquet(staged.get(lake.curatedLocation(REPORT_DRUGS)).toString()),
                spark.read().parquet(staged.get(lake.curatedLocation(REPORT_EVENTS)).toString())));
        if (meddra == null) {
            storage.remove(lake.curatedLocation(EVENT_HIERARCHY));
        }
        storage.replaceAll(staged);

        // counted on the written tables rather than by recomputing what produced them
        Dataset<Row> writtenDrugs = ParquetOutput.read(spark, lake.curatedLocation(DRUGS));
        long cartReports = ParquetOutput.read(spark, lake.curatedLocation(REPORT_DRUGS))
                .join(writtenDrugs.where(col("target").isNotNull()), "drug_key")
                .agg(countDistinct("report_id")).first().getLong(0);
        CurationSummary summary = new CurationSummary(demoRows, reportCount, demoRows - cases, deletedKind, deletedIds,
                cases - reportCount, writtenDrugs.count(), cartReports,
                ParquetOutput.read(spark, lake.curatedLocation(EVENTS)).count());
        storage.writeJson(lake.curatedLocation("_summary.json"), summary);
        drugRows.unpersist();
        eventRows.unpersist();
        events.unpersist();
        reports.unpersist();
        return summary;
    }

    /** One row per caseid: its latest version. */
    static Dataset<Row> latestVersions(Dataset<Row> demo) {
        return demo.withColumn("version_rank", row_number().over(Window.partitionBy("caseid").orderBy(
                        col("fda_dt_date").desc_nulls_last(),
                        col("primaryid").cast(DataTypes.createDecimalType(38, 0)).desc(),
                        col("quarter").desc())))
                .where(col("version_rank").equalTo(1))
                .drop("version_rank");
    }

    /** The FDA's deleted lists: caseids or primaryids, whichever matches more of the ingested reports. */
    private static String deletedIdsKind(Dataset<Row> demo, Dataset<Row> deleted) {
        long byCase = demo.select("caseid").distinct()
                .join(deleted, col("caseid").equalTo(deleted.col("id")), "left_semi").count();
        long byPrimary = demo.select("primaryid").distinct()
                .join(deleted, col("primaryid").equalTo(deleted.col("id")), "left_semi").count();
        return byPrimary > byCase ? "primaryid" : "caseid";
    }

    /** Report-level columns, with age in years and the strata the signal jobs can use. */
    private static Dataset<Row> reportColumns(Dataset<Row> reports) {
        Column age = col("age").cast(DataTypes.DoubleType);
        Column ageYears = when(col("age_cod").equalTo("YR"), age)
                .when(col("age_cod").equalTo("DEC"), age.multiply(10))
                .when(col("age_cod").equalTo("MON"), age.divide(12))
                .when(col("age_cod").equalTo("WK"), age.divide(52.1775))
                .when(col("age_cod").equalTo("DY"), age.divide(365.25))
                .when(col("age_cod").equalTo("HR"), age.divide(8766));
        return reports.select(
                col("caseid").cast(DataTypes.LongType).as("report_id"),
                col("caseid"), col("primaryid"), col("quarter"),
                col("fda_dt_date").as("fda_dt"),
                col("event_dt_date").as("event_dt"), col("event_dt_precision"),
                year(col("fda_dt_date")).as("year"),
                when(col("sex").isin("M", "F"), col("sex")).otherwise(lit("UNK")).as("sex"),
                ageYears.as("age_years"))
                .withColumn("age_group", when(col("age_years").isNull(), lit("unknown"))
                        .when(col("age_years").lt(18), lit("<18"))
                        .when(col("age_years").lt(65), lit("18-64"))
                        .when(col("age_years").lt(75), lit("65-74"))
                        .otherwise(lit(">=75")));
    }

    /**
     * A column of {@code reports}: the report's distinct drug_keys in one role of {@link FaersTable#ROLE_CODS}, sorted
     * ({@code ps_drug_keys}, {@code ss_drug_keys}, {@code c_drug_keys}, {@code i_drug_keys}).
     */
    public static String drugKeys(String roleCod) {
        return roleCod.toLowerCase(Locale.ROOT) + "_drug_keys";
    }

    /**
     * The reports with their keys, {@link #drugKeys} per role and {@link #EVENT_KEYS}, distinct and sorted, empty when
     * a report has none: one row per report is what the counting reads, with no shuffle to gather a report's rows.
     */
    private static Dataset<Row> withKeys(Dataset<Row> reports, Dataset<Row> reportDrugs, Dataset<Row> reportEvents) {
        List<Column> byRole = new ArrayList<>();
        for (String role : FaersTable.ROLE_CODS) {
            byRole.add(array_sort(collect_set(when(col("role_cod").equalTo(role), col("drug_key"))))
                    .as(drugKeys(role)));
        }
        Dataset<Row> drugKeys = reportDrugs.groupBy("report_id")
                .agg(byRole.get(0), byRole.subList(1, byRole.size()).toArray(Column[]::new));
        Dataset<Row> eventKeys = reportEvents.groupBy("report_id")
                .agg(array_sort(collect_set(col("event_key"))).as(EVENT_KEYS));
        Dataset<Row> withKeys = reports.join(drugKeys, new String[] {"report_id"}, "left")
                .join(eventKeys, new String[] {"report_id"}, "left");
        for (String array : KEY_COLUMNS) {
            withKeys = withKeys.withColumn(array, coalesce(col(array),
                    array().cast(DataTypes.createArrayType(DataTypes.IntegerType))));
        }
        return withKeys;
    }

    /** Product (CAR-T brand, else ingredient), ingredient and target of every drug row. */
    private Dataset<Row> drugNames(Dataset<Row> drugRows) {
        Dataset<Row> byName = productNames();
        Dataset<Row> named = drugRows.select(col("report_id"), col("role_cod"), col("drug_seq"),
                normalised(col("drugname")).as("drugname_key"), normalised(col("prod_ai")).as("prod_ai_key"));
        Dataset<Row> viaDrugname = byName.toDF("drugname_key", "brand_1", "generic_1", "target_1");
        Dataset<Row> viaProdAi = byName.toDF("prod_ai_key", "brand_2", "generic_2", "target_2");
        Column ingredient = coalesce(when(col("prod_ai_key").notEqual(""), col("prod_ai_key")), col("drugname_key"));
        return named.join(viaDrugname, new String[] {"drugname_key"}, "left")
                .join(viaProdAi, new String[] {"prod_ai_key"}, "left")
                .select(col("report_id"), col("role_cod"), col("drug_seq"),
                        coalesce(col("brand_1"), col("brand_2"), ingredient).as("product"),
                        coalesce(col("generic_1"), col("generic_2"), ingredient).as("ingredient"),
                        coalesce(col("target_1"), col("target_2")).as("target"))
                .where(col("product").isNotNull().and(col("product").notEqual("")));
    }

    private Dataset<Row> productNames() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, ProductDictionary.Product> e : products.byName().entrySet()) {
            ProductDictionary.Product p = e.getValue();
            rows.add(RowFactory.create(e.getKey(), p.brand(), Names.normalise(p.generic()), p.target()));
        }
        StructType schema = new StructType().add("name", DataTypes.StringType).add("brand", DataTypes.StringType)
                .add("generic", DataTypes.StringType).add("target", DataTypes.StringType);
        return spark.createDataFrame(rows, schema);
    }

    private Dataset<Row> termGroups() {
        List<Row> rows = new ArrayList<>();
        groups.groups().forEach((group, pts) -> pts.forEach(pt -> rows.add(RowFactory.create(group,
                Names.normalise(pt)))));
        StructType schema = new StructType().add("term_group", DataTypes.StringType)
                .add("pt_key", DataTypes.StringType);
        return spark.createDataFrame(rows, schema).distinct();
    }

    /** {@link Names#normalise} as a column expression. */
    static Column normalised(Column text) {
        return upper(trim(regexp_replace(text, "\\s+", " ")));
    }

    /** Integer keys 1..n in the order of {@code orderBy}: the same input always gets the same keys. */
    private static Dataset<Row> numbered(Dataset<Row> rows, String orderBy, String key) {
        return rows.withColumn(key, row_number().over(Window.orderBy(col(orderBy))));
    }

    /** Writes a curated table into a fresh staging folder ({@link LakeStorage#staging}) and notes where. */
    private void stage(LakeStorage storage, Map<org.apache.hadoop.fs.Path, org.apache.hadoop.fs.Path> staged,
            String table, Dataset<Row> rows) throws IOException {
        org.apache.hadoop.fs.Path target = lake.curatedLocation(table);
        org.apache.hadoop.fs.Path folder = storage.staging(target);
        ParquetOutput.stage(rows, folder);
        staged.put(target, folder);
    }
}
