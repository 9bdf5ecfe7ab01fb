package org.iago.curate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.dictionary.ProductDictionary;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.iago.spark.IagoSpark;
import org.iago.spark.CsvOutput;
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;
import org.iago.vocabulary.Names;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Curation of the FAERS lake into the tables the signal jobs count, all keyed by integers (docs/curation.md):
 * <ol>
 * <li>one report per case: of all versions of a caseid in every ingested quarter, the latest (highest
 * {@code fda_dt}, then highest primaryid, then latest quarter; legacy ISR and CASE alike);</li>
 * <li>cases on the FDA deleted lists are dropped; whether the lists hold caseids or primaryids is judged from the data
 * (whichever kind matches more ids) and recorded;</li>
 * <li>drugs: every row named by the first {@link NameSource} that knows it: CAR-T products by brand, generic or code
 * name ({@code conf/products.yaml}, named by brand with their target), the user's dictionary, {@code prod_ai}, a
 * dictionary learned from the lake, the cleaned {@code drugname} ({@link DrugNames});</li>
 * <li>events: MedDRA PTs compared without regard to case, their toxicity groups ({@code conf/term-groups.yaml}),
 * and, where the user supplies a licensed MedDRA distribution ({@link MeddraHierarchy}), former PTs under their
 * current names and the HLT, HLGT and SOC;</li>
 * <li>the same report sent under two caseids kept once, by the duplicate rule of {@link CurationRules}.</li>
 * </ol>
 * Output under {@code <lake>/curated/}: {@code reports} (report_id = caseid, primaryid, quarter, fda_dt, event_dt
 * with its precision, year, sex, age_years, reporter_country, age_group, and the report's keys: ps_drug_keys,
 * ss_drug_keys, c_drug_keys and i_drug_keys, arrays of drug_key by role, and event_keys), {@code drugs} (drug_key,
 * product, ingredient, target), {@code report_drugs} (report_id, drug_key, role_cod, drug_seq: the key to THER),
 * {@code events} (event_key, pt), {@code report_events} (report_id, event_key), {@code event_groups} (event_key,
 * term_group), with a MedDRA distribution {@code event_hierarchy} (event_key, hlt, hlgt, soc), {@code duplicates},
 * {@code drug_names}, {@code unmapped_drug_names.csv} and {@code _summary.json}. Every table is written aside, then all
 * are swapped in one after the other.
 * <p>
 * As a Spark application: {@code spark-submit --class org.iago.curate.CurateJob iago-spark-<version>-app.jar <lake>
 * <conf dir> [<MedDRA ASCII folder>]}. The lake is a path every executor sees, an {@code hdfs://} or an
 * {@code s3a://} URI ({@link LakePaths}, {@link Publisher}, docs/cluster.md); the conf and MedDRA folders are local
 * to the driver.
 */
public final class CurateJob {

    /** Who decided a drug row's ingredient, in the order they are asked. */
    public enum NameSource {
        /** The CAR-T product dictionary, {@code conf/products.yaml}. */
        PRODUCTS,
        /** The user's dictionary ({@link UserDrugDictionary}). */
        USER_DICTIONARY,
        /** The row's own {@code prod_ai}. */
        PROD_AI,
        /** The dictionary learned from the lake: the drugname's usual {@code prod_ai} in other rows. */
        LEARNED,
        /** The cleaned drugname ({@link DrugNames#clean}): no dictionary knew it. */
        DRUGNAME;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String SET_SEPARATOR = "\u001f";

    private final SparkSession spark;
    private final Lake lake;
    private final ProductDictionary products;
    private final TermGroups groups;
    private final TermGroups indications;
    private final MeddraHierarchy meddra;
    private final CurationRules rules;
    private final UserDrugDictionary userDictionary;

    public CurateJob(SparkSession spark, Lake lake, ProductDictionary products, TermGroups groups) {
        this(spark, lake, products, groups, TermGroups.NONE, null, CurationRules.defaults(),
                UserDrugDictionary.empty());
    }

    /**
     * @param indications    the indication groups of {@code conf/indication-groups.yaml}, {@link TermGroups#NONE}
     *                       without it
     * @param meddra         a licensed MedDRA distribution to roll PTs up to HLT, HLGT and SOC and to map renamed PTs
     *                       to their current names, or null
     * @param rules          the duplicate rule and drug-name settings
     * @param userDictionary the user's drug dictionary (empty when there is none)
     */
    public CurateJob(SparkSession spark, Lake lake, ProductDictionary products, TermGroups groups,
            TermGroups indications, MeddraHierarchy meddra, CurationRules rules, UserDrugDictionary userDictionary) {
        this.spark = spark;
        this.lake = lake;
        this.products = products;
        this.groups = groups;
        this.indications = indications;
        this.meddra = meddra;
        this.rules = rules;
        this.userDictionary = userDictionary;
    }

    /**
     * Loads the dictionaries and rules of a conf folder ({@link CurationRules#load}); {@code indication-groups.yaml} is
     * optional (without it no report has an indication group).
     */
    public static CurateJob fromConf(SparkSession spark, Lake lake, Path conf, MeddraHierarchy meddra,
            CurationRules.DuplicateRule duplicateRule) throws IOException {
        CurationRules rules = CurationRules.load(conf);
        if (duplicateRule != null) {
            rules = rules.withDuplicates(duplicateRule);
        }
        Path indications = conf.resolve("indication-groups.yaml");
        return new CurateJob(spark, lake, ProductDictionary.load(conf.resolve("products.yaml")),
                TermGroups.load(conf.resolve("term-groups.yaml")),
                Files.isRegularFile(indications) ? TermGroups.load(indications) : TermGroups.NONE, meddra, rules,
                rules.userDictionary(conf));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: CurateJob <lake> <conf dir> [<MedDRA ASCII folder>]");
        }
        Lake lake = Lake.at(args[0]);
        Path conf = LakePaths.local(args[1]);
        SparkSession spark = IagoSpark.application("iago-curate");
        try {
            fromConf(spark, lake, conf, args.length == 3 ? MeddraHierarchy.in(LakePaths.local(args[2])) : null, null)
                    .run();
        } finally {
            spark.stop();
        }
    }

    /** Curates; a lake of at most {@link IagoSpark#SMALL_INPUT_ROWS} DEMO rows with {@link IagoSpark#SMALL_INPUT}. */
    public CurationSummary run() throws IOException {
        return run(true);
    }

    /**
     * @param sized false: with the session's settings whatever the lake's size, as a large lake is curated (so that a
     *              test can compare both ways on one small lake)
     */
    CurationSummary run(boolean sized) throws IOException {
        LakeTables tables = new LakeTables(spark, lake);
        long demoRows = tables.faersRows(FaersTable.DEMO);
        return sized ? IagoSpark.sizedFor(spark, demoRows, () -> curate(tables, demoRows)) : curate(tables, demoRows);
    }

    private CurationSummary curate(LakeTables tables, long demoRows) throws IOException {
        Publisher publisher = lake.publisher(spark.sparkContext().hadoopConfiguration());
        Dataset<Row> demo = tables.faers(FaersTable.DEMO);
        // counts from the footers, the deleted ids judged in one pass, and the latest versions and those not deleted
        // counted together: each Spark action on a small lake costs more than its work
        DeletedIds deleted = deletedIds(tables, demo);
        // the window over every DEMO row is the costly part, so it carries only the columns curation reads
        Dataset<Row> latest = reportColumns(latestVersions(demo.select("caseid", "primaryid", "quarter", "fda_dt_date",
                "event_dt_date", "event_dt_precision", "sex", "age", "age_cod", "reporter_country")));
        // cached: counted here and kept below
        Dataset<Row> flagged = (deleted.count() == 0 ? latest.withColumn("deleted", lit(false))
                : latest.join(deleted.ids().withColumnRenamed("id", "deleted_id"),
                        latest.col(deleted.kind()).equalTo(col("deleted_id")), "left")
                        .withColumn("deleted", col("deleted_id").isNotNull()).drop("deleted_id")).cache();
        Row counted = flagged.agg(count(lit(1)), count(when(col("deleted").equalTo(false), lit(1)))).first();
        long cases = counted.getLong(0);
        long notDeleted = counted.getLong(1);
        Dataset<Row> versions = flagged.where(col("deleted").equalTo(false)).drop("deleted");
        String deletedKind = deleted.kind();
        long deletedIds = deleted.count();
        Dataset<Row> keys = versions.select("primaryid", "quarter", "report_id");

        // cached: the duplicate rule reads them, then the tables are built from what it keeps
        Dataset<Row> reportedDrugs = reportedDrugNames(tables.faers(FaersTable.DRUG)
                .join(keys, new String[] {"primaryid", "quarter"}));
        // cached: each distinct name is cleaned and looked up once; without the cache Spark pushes the learned
        // dictionary's filter below the grouping and runs the cleaning regexes on every DRUG row
        Dataset<Row> names = distinctNames(reportedDrugs).cache();
        Dataset<Row> drugRowsOfVersions = drugNames(reportedDrugs, names).cache();
        Dataset<Row> eventRowsOfVersions = eventNames(tables.faers(FaersTable.REAC)
                .join(keys, new String[] {"primaryid", "quarter"})).cache();

        Dataset<Row> duplicates = duplicates(versions, drugRowsOfVersions, eventRowsOfVersions);
        long duplicateReports = duplicates.count();
        long renamedPtRows = meddra == null ? 0 : eventRowsOfVersions.where(col("renamed")).count();
        Dataset<Row> reports = versions;
        Dataset<Row> drugRows = drugRowsOfVersions;
        Dataset<Row> eventRows = eventRowsOfVersions;
        if (duplicateReports > 0) {
            // the dropped reports are few: broadcast, and each cached table filtered as it is read rather than cached
            // again without them
            Dataset<Row> dropped = broadcast(duplicates.select(col("dropped_report_id").as("report_id")));
            reports = versions.join(dropped, new String[] {"report_id"}, "left_anti");
            drugRows = drugRowsOfVersions.join(dropped, new String[] {"report_id"}, "left_anti");
            eventRows = eventRowsOfVersions.join(dropped, new String[] {"report_id"}, "left_anti");
        }
        long reportCount = notDeleted - duplicateReports;

        // cached: report_drugs and the reports' key arrays read it too
        Dataset<Row> drugs = numbered(drugRows.groupBy("product")
                .agg(max("ingredient").as("ingredient"), max("target").as("target")), "product", "drug_key").cache();
        Dataset<Row> reportDrugs = drugRows.join(drugs.select("product", "drug_key"), "product")
                .select("report_id", "drug_key", "role_cod", "drug_seq").distinct();
        Dataset<Row> drugNames = drugRows.groupBy("drugname", "prod_ai", "product", "ingredient", "source")
                .agg(countDistinct("report_id").as("reports"), count(lit(1)).as("rows"))
                .cache();

        Dataset<Row> events = numbered(eventRows.groupBy("pt_key").agg(max("pt").as("pt")), "pt_key", "event_key")
                .cache();
        Dataset<Row> reportEvents = eventRows.join(events.select("pt_key", "event_key"), "pt_key")
                .select("report_id", "event_key").distinct();
        Dataset<Row> eventGroups = termGroups().join(events, "pt_key").select("event_key", "term_group");

        // every table written aside first, then swapped in together: the keys in reports are numbers of this run's
        // drugs and events, so tables of two curations must never stand side by side for longer than a few renames
        // (or pointer PUTs)
        Map<org.apache.hadoop.fs.Path, org.apache.hadoop.fs.Path> staged = new LinkedHashMap<>();   // by target
        stage(publisher, staged, CuratedTable.DRUGS, drugs);
        stage(publisher, staged, CuratedTable.REPORT_DRUGS, reportDrugs);
        stage(publisher, staged, CuratedTable.EVENTS, events.drop("pt_key"));
        stage(publisher, staged, CuratedTable.REPORT_EVENTS, reportEvents);
        stage(publisher, staged, CuratedTable.EVENT_GROUPS, eventGroups);
        stage(publisher, staged, CuratedTable.DUPLICATES, duplicates.drop("dropped_report_id"));
        stage(publisher, staged, CuratedTable.DRUG_NAMES, drugNames);
        stage(publisher, staged, CuratedTable.REPORT_INDICATIONS, reportIndications(tables.faers(FaersTable.INDI),
                keys, drugRows));
        if (meddra != null) {
            stage(publisher, staged, CuratedTable.EVENT_HIERARCHY, events.join(meddra.byTerm(spark),
                    events.col("pt_key").equalTo(col("term_key"))).select("event_key", "hlt", "hlgt", "soc"));
        }
        stage(publisher, staged, CuratedTable.REPORTS, withKeys(reports,
                drugRows.join(broadcast(drugs.select("product", "drug_key")), "product"),
                eventRows.join(broadcast(events.select("pt_key", "event_key")), "pt_key")));
        if (meddra == null) {
            publisher.remove(lake.curatedLocation(CuratedTable.EVENT_HIERARCHY));
        }
        publisher.replaceAll(staged);

        // counted on the written tables rather than by recomputing what produced them
        Dataset<Row> writtenDrugs = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.DRUGS));
        long cartReports = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.REPORT_DRUGS))
                .join(writtenDrugs.where(col("target").isNotNull()), "drug_key")
                .agg(countDistinct("report_id")).first().getLong(0);
        Dataset<Row> writtenNames = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.DRUG_NAMES));
        Map<String, Long> rowsBySource = new LinkedHashMap<>();
        for (NameSource source : NameSource.values()) {
            rowsBySource.put(source.label(), 0L);
        }
        for (Row r : writtenNames.groupBy("source").agg(sum("rows")).collectAsList()) {
            rowsBySource.put(r.getString(0), r.getLong(1));
        }
        // collected, not iterated: an iterator over a sorted table runs a job per partition
        CsvOutput.write(publisher, lake.curatedLocation(CuratedTable.UNMAPPED_DRUG_NAMES),
                CuratedTable.UNMAPPED_COLUMNS,
                writtenNames.where(col("source").equalTo(NameSource.DRUGNAME.label()))
                        .groupBy("drugname").agg(sum("reports").as("reports"))
                        .select(col("drugname"), lit(null).cast(DataTypes.StringType).as("ingredients"), col("reports"))
                        .orderBy(desc("reports"), col("drugname")).collectAsList().iterator());
        CurationSummary summary = new CurationSummary(demoRows, reportCount, demoRows - cases, deletedKind, deletedIds,
                cases - notDeleted, rules.duplicates().name(), duplicateReports,
                ParquetOutput.rowCount(spark, lake.curatedLocation(CuratedTable.DRUGS)), cartReports, rowsBySource,
                ParquetOutput.rowCount(spark, lake.curatedLocation(CuratedTable.EVENTS)), renamedPtRows);
        publisher.writeJson(lake.curatedLocation(CuratedTable.SUMMARY), summary);
        for (Dataset<Row> cached : List.of(names, drugRowsOfVersions, eventRowsOfVersions, duplicates, flagged,
                drugNames, drugs, events)) {
            cached.unpersist();
        }
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

    /**
     * The FDA's deleted lists: their distinct ids, how many, and whether they hold caseids or primaryids, whichever
     * matches more of the ingested reports (caseids when none match).
     */
    private record DeletedIds(Dataset<Row> ids, long count, String kind) {
    }

    /** {@link DeletedIds} in one Spark action, or none when the lists have no rows (read from their footers). */
    private static DeletedIds deletedIds(LakeTables tables, Dataset<Row> demo) throws IOException {
        Dataset<Row> ids = tables.faers(FaersTable.DELETED).select(col("id")).distinct();
        if (tables.faersRows(FaersTable.DELETED) == 0) {
            return new DeletedIds(ids, 0, "caseid");
        }
        // each id at most once on either side, so the left joins keep one row per deleted id
        Row matches = ids
                .join(demo.select(col("caseid").as("id")).distinct().withColumn("is_caseid", lit(true)),
                        new String[] {"id"}, "left")
                .join(demo.select(col("primaryid").as("id")).distinct().withColumn("is_primaryid", lit(true)),
                        new String[] {"id"}, "left")
                .agg(count(lit(1)), count(col("is_caseid")), count(col("is_primaryid"))).first();
        return new DeletedIds(ids, matches.getLong(0), matches.getLong(2) > matches.getLong(1) ? "primaryid" : "caseid");
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
        Column country = upper(trim(col("reporter_country")));
        return reports.select(
                col("caseid").cast(DataTypes.LongType).as("report_id"),
                col("caseid"), col("primaryid"), col("quarter"),
                col("fda_dt_date").as("fda_dt"),
                col("event_dt_date").as("event_dt"), col("event_dt_precision"),
                year(col("fda_dt_date")).as("year"),
                when(col("sex").isin("M", "F"), col("sex")).otherwise(lit("UNK")).as("sex"),
                ageYears.as("age_years"),
                when(country.notEqual(""), country).as("reporter_country"))
                .withColumn("age_group", when(col("age_years").isNull(), lit("unknown"))
                        .when(col("age_years").lt(18), lit("<18"))
                        .when(col("age_years").lt(65), lit("18-64"))
                        .when(col("age_years").lt(75), lit("65-74"))
                        .otherwise(lit(">=75")));
    }

    /**
     * The reports the duplicate rule drops: {@code kept_caseid, dropped_caseid, kept_primaryid, dropped_primaryid,
     * rule, missing_fields} (the fields the two could not be compared on, empty for an exact match) and
     * {@code dropped_report_id}. Of each group of duplicates the kept report is the one with the latest fda_dt, then the
     * highest caseid, so the result does not depend on partitioning. Computed here and checkpointed: the tables
     * filter out the dropped reports as they read them, and the rule's plan (large when merging despite missing fields)
     * is not planned again within each of theirs.
     */
    private Dataset<Row> duplicates(Dataset<Row> reports, Dataset<Row> drugRows, Dataset<Row> eventRows) {
        CurationRules.DuplicateRule rule = rules.duplicates();
        StructType schema = new StructType().add("kept_caseid", DataTypes.StringType)
                .add("dropped_caseid", DataTypes.StringType).add("kept_primaryid", DataTypes.StringType)
                .add("dropped_primaryid", DataTypes.StringType).add("rule", DataTypes.StringType)
                .add("missing_fields", DataTypes.StringType).add("dropped_report_id", DataTypes.LongType);
        if (!rule.enabled()) {
            return spark.createDataFrame(List.of(), schema);
        }
        List<CurationRules.DuplicateField> single = rule.fields().stream().filter(f -> !f.isSet()).toList();
        List<String> fieldColumns = rule.fields().stream().map(CurationRules.DuplicateField::yamlName).toList();
        Dataset<Row> facts = reports.select(col("report_id"), col("caseid"), col("primaryid"), col("fda_dt"),
                when(col("sex").isin("M", "F"), col("sex")).as("sex"),
                floor(col("age_years")).cast(DataTypes.IntegerType).as("age_years"),
                col("reporter_country"),
                when(col("event_dt_precision").equalTo("day"), col("event_dt")).as("event_dt"));
        if (!rule.mergeWhenMissing() && !single.isEmpty()) {
            // only reports that share every single-valued field with another need their sets built: a cheap filter
            Column[] singleColumns = single.stream().map(f -> col(f.yamlName())).toArray(Column[]::new);
            facts = facts.where(allPresent(single)).withColumn("sharing", count(lit(1)).over(Window.partitionBy(singleColumns)))
                    .where(col("sharing").gt(1)).drop("sharing");
        }
        // cached by the default rule: its candidates select the drug and event rows whose sets are built, then are
        // joined to those sets; uncached, the window choosing them ran once for each. Not when merging despite missing
        // fields: there every report is a candidate, and over a cached table Spark's optimizer did not finish planning
        // that rule's union of joins (out of heap in CurateDuplicatesTest)
        Dataset<Row> candidateFacts = rule.mergeWhenMissing() ? facts : facts.cache();
        facts = candidateFacts;
        Dataset<Row> candidates = facts.select("report_id");
        if (rule.fields().contains(CurationRules.DuplicateField.PTS)) {
            facts = facts.join(eventRows.join(candidates, new String[] {"report_id"}, "left_semi")
                    .groupBy("report_id").agg(concat_ws(SET_SEPARATOR, array_sort(collect_set("pt_key"))).as("pts")),
                    "report_id");
        }
        if (rule.fields().contains(CurationRules.DuplicateField.SUSPECT_INGREDIENTS)) {
            facts = facts.join(drugRows.where(col("role_cod").isin("PS", "SS"))
                    .join(candidates, new String[] {"report_id"}, "left_semi").groupBy("report_id")
                    .agg(concat_ws(SET_SEPARATOR, array_sort(collect_set("ingredient"))).as("suspect_ingredients")),
                    "report_id");
        }
        Column[] byFields = fieldColumns.stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> members = facts.where(allPresent(single))
                .withColumn("group_id", min("report_id").over(Window.partitionBy(byFields)))
                .withColumn("missing_fields", lit(""));
        if (rule.mergeWhenMissing()) {
            members = members.unionByName(joinedDespiteMissing(facts, members, single, fieldColumns));
        }
        WindowSpec byGroup = Window.partitionBy("group_id")
                .orderBy(col("fda_dt").desc_nulls_last(), col("report_id").desc());
        Dataset<Row> dropped = members
                .withColumn("rank", row_number().over(byGroup))
                .withColumn("kept_caseid", first("caseid").over(byGroup))
                .withColumn("kept_primaryid", first("primaryid").over(byGroup))
                .withColumn("kept_missing", first("missing_fields").over(byGroup))
                .where(col("rank").gt(1))
                .select(col("kept_caseid"), col("caseid").as("dropped_caseid"), col("kept_primaryid"),
                        col("primaryid").as("dropped_primaryid"), lit(rule.name()).as("rule"),
                        array_join(array_sort(array_distinct(array_remove(split(concat_ws(",", col("kept_missing"),
                                col("missing_fields")), ","), ""))), ",").as("missing_fields"),
                        col("report_id").as("dropped_report_id"))
                .localCheckpoint();
        candidateFacts.unpersist();
        return dropped;
    }

    /** True where none of {@code fields} is missing. */
    private static Column allPresent(List<CurationRules.DuplicateField> fields) {
        Column present = lit(true);
        for (CurationRules.DuplicateField f : fields) {
            present = present.and(col(f.yamlName()).isNotNull());
        }
        return present;
    }

    /**
     * The reports missing some single-valued fields that agree, on every field they have, with exactly one group of
     * complete reports: one join per pattern of missing fields (at most 2^4). A report with no single-valued field
     * at all is never merged: its sets alone say too little.
     */
    private static Dataset<Row> joinedDespiteMissing(Dataset<Row> facts, Dataset<Row> complete,
            List<CurationRules.DuplicateField> single, List<String> fieldColumns) {
        Dataset<Row> joined = null;
        for (int pattern = 1; pattern < (1 << single.size()) - 1; pattern++) {
            List<String> missing = new ArrayList<>();
            Column hasPattern = lit(true);
            for (int i = 0; i < single.size(); i++) {
                String field = single.get(i).yamlName();
                boolean isMissing = (pattern & (1 << i)) != 0;
                if (isMissing) {
                    missing.add(field);
                }
                hasPattern = hasPattern.and(isMissing ? col(field).isNull() : col(field).isNotNull());
            }
            List<String> present = fieldColumns.stream().filter(f -> !missing.contains(f)).toList();
            Dataset<Row> groups = complete.select(Stream.concat(present.stream(), Stream.of("group_id"))
                    .map(functions::col).toArray(Column[]::new)).distinct();
            Dataset<Row> matched = facts.where(hasPattern).join(groups, present.toArray(String[]::new))
                    .groupBy("report_id").agg(countDistinct("group_id").as("groups"), min("group_id").as("group_id"))
                    .where(col("groups").equalTo(1)).drop("groups");
            Dataset<Row> rows = facts.join(matched, "report_id")
                    .withColumn("missing_fields", lit(String.join(",", missing)));
            joined = joined == null ? rows : joined.unionByName(rows);
        }
        return joined == null ? complete.limit(0) : joined;
    }


    /**
     * The reports with their keys, {@link CuratedTable#drugKeys} per role and {@link CuratedTable#EVENT_KEYS}, distinct
     * and sorted, empty when a report has none: one row per report is what the counting reads, with no shuffle to
     * gather a report's rows.
     *
     * @param drugRows  the kept reports' drug rows with their drug_key
     * @param eventRows the kept reports' event rows with their event_key
     */
    private static Dataset<Row> withKeys(Dataset<Row> reports, Dataset<Row> drugRows, Dataset<Row> eventRows) {
        Column column = lit(null).cast(DataTypes.IntegerType);
        for (int i = FaersTable.ROLE_CODS.size() - 1; i >= 0; i--) {
            column = when(col("role_cod").equalTo(FaersTable.ROLE_CODS.get(i)), lit(i)).otherwise(column);
        }
        // one sort of every key of a report, then gathered in order: Spark's collect_set per report fell back to a
        // sort-based aggregation of generic objects, the slowest part of writing this table
        Dataset<Row> keys = drugRows.select(col("report_id"), column.as("column"), col("drug_key").as("key"))
                .where(col("column").isNotNull())
                .union(eventRows.select(col("report_id"), lit(FaersTable.ROLE_CODS.size()).as("column"),
                        col("event_key").as("key")))
                .repartition(col("report_id"))
                .sortWithinPartitions("report_id", "column", "key")
                .mapPartitions((MapPartitionsFunction<Row, Row>) CurateJob::keyArrays, Encoders.row(KEY_ARRAYS));
        Dataset<Row> withKeys = reports.join(keys, new String[] {"report_id"}, "left");
        for (String array : CuratedTable.KEY_COLUMNS) {
            withKeys = withKeys.withColumn(array, coalesce(col(array),
                    array().cast(DataTypes.createArrayType(DataTypes.IntegerType))));
        }
        return withKeys;
    }

    /** report_id and the {@link CuratedTable#KEY_COLUMNS}, as collect_set made them: no null keys. */
    private static final StructType KEY_ARRAYS = CuratedTable.KEY_COLUMNS.stream().reduce(
            new StructType().add("report_id", DataTypes.LongType, false),
            (schema, array) -> schema.add(array, DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            (a, b) -> a);

    /**
     * The rows of each report, sorted by report_id, column ({@link CuratedTable#KEY_COLUMNS} index) and key, as one
     * row of distinct sorted key arrays per report; lazily, so that a partition's reports are never all held at once.
     */
    private static Iterator<Row> keyArrays(Iterator<Row> rows) {
        return new Iterator<>() {
            private Row pending = rows.hasNext() ? rows.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                long reportId = pending.getLong(0);
                List<List<Integer>> keys = new ArrayList<>();
                for (int i = 0; i < CuratedTable.KEY_COLUMNS.size(); i++) {
                    keys.add(new ArrayList<>());
                }
                while (pending != null && pending.getLong(0) == reportId) {
                    List<Integer> column = keys.get(pending.getInt(1));
                    int key = pending.getInt(2);
                    if (column.isEmpty() || column.get(column.size() - 1) != key) {
                        column.add(key);
                    }
                    pending = rows.hasNext() ? rows.next() : null;
                }
                Object[] values = new Object[1 + keys.size()];
                values[0] = reportId;
                for (int i = 0; i < keys.size(); i++) {
                    values[i + 1] = CollectionConverters.asScala(keys.get(i)).toSeq();
                }
                return RowFactory.create(values);
            }
        };
    }

    /** DRUG rows with their names normalised, never null (so that they join back on equality; empty is no name). */
    private static Dataset<Row> reportedDrugNames(Dataset<Row> drugRows) {
        return drugRows.select(col("report_id"), col("role_cod"), col("drug_seq"),
                coalesce(normalised(col("drugname")), lit("")).as("drugname"),
                coalesce(normalised(col("prod_ai")), lit("")).as("prod_ai"));
    }

    /** Each distinct (drugname, prod_ai) with its rows, its cleaned drugname and its prod_ai as an ingredient set. */
    private static Dataset<Row> distinctNames(Dataset<Row> reportedDrugs) {
        return reportedDrugs.groupBy("drugname", "prod_ai").agg(count(lit(1)).as("rows"))
                .withColumn("cleaned", cleaned(col("drugname")))
                .withColumn("prod_ai_ingredients", ingredients(col("prod_ai")));
    }

    /**
     * Every drug row with its {@code drugname} and {@code prod_ai} (normalised), product (CAR-T brand, else
     * ingredient), ingredient, target and the {@link NameSource} that decided them, resolved once per distinct name.
     */
    private Dataset<Row> drugNames(Dataset<Row> rows, Dataset<Row> names) {
        Dataset<Row> byName = productNames();
        Dataset<Row> user = userNames();
        Column ingredient = coalesce(col("generic_1"), col("generic_2"), col("generic_3"), col("user_1"),
                col("user_2"), col("prod_ai_ingredients"), col("learned"), col("cleaned"));
        Column source = when(col("brand_1").isNotNull().or(col("brand_2").isNotNull()).or(col("brand_3").isNotNull()),
                        lit(NameSource.PRODUCTS.label()))
                .when(col("user_1").isNotNull().or(col("user_2").isNotNull()), lit(NameSource.USER_DICTIONARY.label()))
                .when(col("prod_ai_ingredients").isNotNull(), lit(NameSource.PROD_AI.label()))
                .when(col("learned").isNotNull(), lit(NameSource.LEARNED.label()))
                .otherwise(lit(NameSource.DRUGNAME.label()));
        Dataset<Row> resolved = names
                .join(byName.toDF("drugname", "brand_1", "generic_1", "target_1"), new String[] {"drugname"}, "left")
                .join(byName.toDF("prod_ai", "brand_2", "generic_2", "target_2"), new String[] {"prod_ai"}, "left")
                .join(byName.toDF("cleaned", "brand_3", "generic_3", "target_3"), new String[] {"cleaned"}, "left")
                .join(user.toDF("drugname", "user_1"), new String[] {"drugname"}, "left")
                .join(user.toDF("cleaned", "user_2"), new String[] {"cleaned"}, "left")
                .join(learnedNames(names), new String[] {"cleaned"}, "left")
                .select(col("drugname"), col("prod_ai"),
                        coalesce(col("brand_1"), col("brand_2"), col("brand_3"), ingredient).as("product"),
                        ingredient.as("ingredient"),
                        coalesce(col("target_1"), col("target_2"), col("target_3")).as("target"),
                        source.as("source"))
                .where(col("product").isNotNull().and(col("product").notEqual("")));
        return rows.join(resolved, new String[] {"drugname", "prod_ai"})
                .select("report_id", "role_cod", "drug_seq", "drugname", "prod_ai", "product", "ingredient",
                        "target", "source");
    }

    /**
     * The dictionary learned from the lake: each cleaned drugname seen with a {@code prod_ai} maps to its most frequent
     * one (ties to the first in name order) when that one has at least {@code learned_purity} of the name's rows with a
     * {@code prod_ai}, and at least {@code learned_min_rows} of them. Columns: cleaned, learned.
     */
    private Dataset<Row> learnedNames(Dataset<Row> names) {
        CurationRules.DrugNameRules settings = rules.drugNames();
        Dataset<Row> byIngredient = names.where(col("prod_ai_ingredients").isNotNull())
                .groupBy("cleaned", "prod_ai_ingredients").agg(sum("rows").as("rows"));
        return byIngredient
                .withColumn("total", sum("rows").over(Window.partitionBy("cleaned")))
                .withColumn("rank", row_number().over(Window.partitionBy("cleaned")
                        .orderBy(col("rows").desc(), col("prod_ai_ingredients"))))
                .where(col("rank").equalTo(1).and(col("rows").geq(settings.learnedMinRows()))
                        .and(col("rows").geq(col("total").multiply(settings.learnedPurity()))))
                .select(col("cleaned"), col("prod_ai_ingredients").as("learned"));
    }

    /**
     * REAC rows with their PT: {@code pt_key} as names are compared ({@link Names}), the PT as first written, and
     * {@code renamed}: true when a MedDRA distribution maps the reported name (a former PT, now a lowest-level term) to
     * its current PT.
     */
    private Dataset<Row> eventNames(Dataset<Row> reacRows) {
        Dataset<Row> rows = reacRows.select(col("report_id"), normalised(col("pt")).as("reported_key"),
                trim(col("pt")).as("reported"));
        if (meddra == null) {
            return rows.select(col("report_id"), col("reported_key").as("pt_key"), col("reported").as("pt"),
                    lit(false).as("renamed"));
        }
        Dataset<Row> current = meddra.currentPts(spark);
        return rows.join(current, rows.col("reported_key").equalTo(current.col("term_key")), "left")
                .select(col("report_id"), coalesce(normalised(col("current_pt")), col("reported_key")).as("pt_key"),
                        coalesce(col("current_pt"), col("reported")).as("pt"), col("current_pt").isNotNull()
                                .as("renamed"));
    }

    /** {@link DrugNames#clean} as a column expression. */
    static Column cleaned(Column normalisedName) {
        Column cleaned = normalisedName;
        for (DrugNames.Replacement r : DrugNames.CLEANING) {
            cleaned = regexp_replace(cleaned, r.regex(), r.replacement());
        }
        return when(cleaned.notEqual(""), cleaned).otherwise(when(normalisedName.notEqual(""), normalisedName));
    }

    /** {@link DrugNames#ingredients} as a column expression: null for null or blank. */
    static Column ingredients(Column normalisedText) {
        Column joined = array_join(array_sort(array_distinct(array_remove(
                split(normalisedText, "\\s*\\\\\\s*"), ""))), DrugNames.COMBINATION_SEPARATOR);
        return when(joined.notEqual(""), joined);
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

    /** The user's dictionary: drugname (normalised), ingredients. */
    private Dataset<Row> userNames() {
        List<Row> rows = new ArrayList<>();
        userDictionary.byName().forEach((name, ingredients) -> rows.add(RowFactory.create(name, ingredients)));
        StructType schema = new StructType().add("name", DataTypes.StringType)
                .add("ingredients", DataTypes.StringType);
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

    /**
     * report_id and indication_group: the groups of {@code conf/indication-groups.yaml} of the kept reports' primary
     * suspect drugs (INDI rows whose indi_drug_seq is a PS drug's drug_seq), each once. INDI is filtered to the groups'
     * PTs before any join, so only the few onco-haematological rows meet the reports and their PS drugs.
     */
    private Dataset<Row> reportIndications(Dataset<Row> indiRows, Dataset<Row> keys, Dataset<Row> drugRows) {
        List<Row> rows = new ArrayList<>();
        indications.groups().forEach((group, pts) -> pts.forEach(pt -> rows.add(RowFactory.create(group,
                Names.normalise(pt)))));
        StructType schema = new StructType().add("indication_group", DataTypes.StringType)
                .add("pt_key", DataTypes.StringType);
        if (rows.isEmpty()) {
            return spark.createDataFrame(rows, new StructType().add("report_id", DataTypes.LongType)
                    .add("indication_group", DataTypes.StringType));
        }
        Dataset<Row> primarySuspects = drugRows.where(col("role_cod").equalTo("PS"))
                .select(col("report_id"), col("drug_seq").cast(DataTypes.LongType).as("drug_seq"));
        return indiRows.select(col("primaryid"), col("quarter"),
                        col("indi_drug_seq").cast(DataTypes.LongType).as("drug_seq"),
                        normalised(col("indi_pt")).as("pt_key"))
                .join(broadcast(spark.createDataFrame(rows, schema).distinct()), "pt_key")
                .join(keys, new String[] {"primaryid", "quarter"})
                .join(primarySuspects, new String[] {"report_id", "drug_seq"})
                .select("report_id", "indication_group").distinct();
    }

    /** {@link Names#normalise} as a column expression. */
    static Column normalised(Column text) {
        return upper(trim(regexp_replace(text, "\\s+", " ")));
    }

    /** Integer keys 1..n in the order of {@code orderBy}: the same input always gets the same keys. */
    private static Dataset<Row> numbered(Dataset<Row> rows, String orderBy, String key) {
        return rows.withColumn(key, row_number().over(Window.orderBy(col(orderBy))));
    }

    /** Writes a curated table into a fresh staging folder ({@link Publisher#staging}) and notes where. */
    private void stage(Publisher publisher, Map<org.apache.hadoop.fs.Path, org.apache.hadoop.fs.Path> staged,
            CuratedTable table, Dataset<Row> rows) throws IOException {
        org.apache.hadoop.fs.Path target = lake.curatedLocation(table);
        org.apache.hadoop.fs.Path folder = publisher.staging(target);
        ParquetOutput.stage(rows, folder);
        staged.put(target, folder);
    }
}
