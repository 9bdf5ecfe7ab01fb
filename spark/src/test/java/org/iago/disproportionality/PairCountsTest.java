package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.stats.ExpectedCount;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import scala.jdk.javaapi.CollectionConverters;

/**
 * Distinct-report counts and expected counts, unstratified and stratified by strat1 × strat2, against openEBGM 0.9.1 on
 * its vignette 2 toy table (reference/openebgm/PROVENANCE.md), through the generic case-table path; and every count,
 * unstratified and stratified by sex × age group, against a report-by-report count in plain Java on a small
 * hand-built curated lake, through the FAERS path.
 */
class PairCountsTest {

    @TempDir
    static Path work;
    static Lake lake;
    static Map<String, double[]> expected = new HashMap<>();
    static Lake curated;
    static List<Report> reports = new ArrayList<>();

    /**
     * A curated report: its strata values (null when unknown), drugs as (drug_key, role) and event_keys, keys repeated
     * as they come: curate's arrays are distinct, but the counting must not rely on it.
     */
    record Report(long id, String sex, String ageGroup, List<long[]> drugs, List<Long> events) {
    }

    /**
     * Product names to encode: empty, accented, differing only in case, with a comma, full-width and beyond the BMP
     * (whose UTF-16 and UTF-8 orders differ), long.
     */
    static final List<String> PRODUCTS = List.of("", "ésoméprazole", "esomeprazole", "drug, with comma", "B", "b",
            "\uFF21BC", "\uD835\uDD18nicode", "KYMRIAH", "a drug with a rather long name, 50 mg/ml oral solution");
    static final List<String> PTS = List.of("Cytokine release syndrome", "cytokine release syndrome", "Névralgie",
            "Fatigue", "\uD835\uDD18 event", "\uFF21 event", "Headache");
    /** The one CAR-T product of the curated lake. */
    static final String CAR_T = "KYMRIAH";
    /** Sex values, null for unknown: two whose stratum order differs between UTF-16 and UTF-8. */
    static final List<String> SEXES = Arrays.asList("M", "F", null, "\uFF21", "\uD835\uDD18");
    static final List<String> AGE_GROUPS = Arrays.asList("<18", "18-64", "65-74", ">=75", null);

    @BeforeAll
    static void ingestToy() throws IOException {
        Path input = work.resolve("toy.csv");
        try (InputStream toy = reference("openebgm_vignette02_toy_input.csv")) {
            Files.copy(toy, input);
        }
        lake = new Lake(work.resolve("lake"));
        // the case table as 'iago ingest cases --id id --drug var1 --event var2 --strata strat1,strat2' stores it
        SharedSpark.session().read().option("header", "true").csv(input.toString())
                .select(col("id"), col("var1").as("drug"), col("var2").as("event"), col("strat1"), col("strat2"))
                .write().parquet(lake.casesLocation("toy").toString());
        List<String> lines;
        try (InputStream table = reference("openebgm_vignette02_toy_expected.csv")) {
            lines = new String(table.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\"", "").split(",");
            expected.put(f[6].startsWith("stratified") + " " + f[0] + " " + f[1],
                    new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsAndExpectedMatchOpenEbgm(boolean stratified) {
        SignalInput input = SignalInput.cases(SharedSpark.session(), lake, "toy",
                stratified ? List.of("strat1", "strat2") : List.of());
        List<Row> rows = PairCounts.of(input, stratified).orderBy("drug", "event").collectAsList();

        assertEquals(5, rows.size(), "pairs with at least one report");
        for (Row r : rows) {
            double[] reference = expected.get(stratified + " " + r.getAs("drug") + " " + r.getAs("event"));
            assertEquals((long) reference[0], (long) r.getAs("a"));
            assertEquals(17L, (long) r.getAs("n"));
            double e = stratified ? stratifiedE(r.getList(r.fieldIndex("strata")))
                    : ExpectedCount.unstratified(r.getAs("n_drug"), r.getAs("n_event"), r.getAs("n"));
            assertEquals(reference[1], e, 1e-12 * reference[1], r::toString);
        }
    }

    /**
     * Random reports with some of every case: a drug listed twice (twice by the same key, and by two keys of one
     * product), a report without events, one with only secondary-suspect drugs, drugs of every role (the role is the
     * index into {@link FaersTable#ROLE_CODS}), and one report naming the CAR-T product as a concomitant only.
     */
    @BeforeAll
    static void buildCuratedLake() {
        Random random = new Random(20240601);
        reports.add(new Report(1, "M", "18-64", List.of(new long[] {1, 0}, new long[] {1, 0}, new long[] {2, 0}),
                List.of(1L, 2L)));
        reports.add(new Report(2, "F", "<18", List.<long[]>of(new long[] {3, 0}), List.of()));
        reports.add(new Report(3, "F", "<18", List.<long[]>of(new long[] {3, 1}), List.of(1L)));
        for (long id = 4; id <= 400; id++) {
            List<long[]> drugs = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                int role = random.nextInt(8);
                drugs.add(new long[] {1 + random.nextInt(PRODUCTS.size() + 1), role < 5 ? 0 : role - 4});
            }
            List<Long> events = new ArrayList<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                events.add(1L + random.nextInt(PTS.size()));
            }
            reports.add(new Report(id, SEXES.get(random.nextInt(SEXES.size())),
                    AGE_GROUPS.get(random.nextInt(AGE_GROUPS.size())), drugs, events));
        }
        long carT = PRODUCTS.indexOf(CAR_T) + 2;
        reports.add(new Report(401, "F", "65-74", List.of(new long[] {1, 0}, new long[] {carT, 2}), List.of(3L)));

        SparkSession spark = SharedSpark.session();
        curated = new Lake(work.resolve("curated-lake"));
        List<Row> reportRows = new ArrayList<>();
        for (Report r : reports) {
            List<Object> values = new ArrayList<>(List.of(r.id(), "2024Q1"));
            values.add(r.sex());
            values.add(r.ageGroup());
            for (int role = 0; role < FaersTable.ROLE_CODS.size(); role++) {
                long inRole = role;
                values.add(keys(r.drugs().stream().filter(d -> d[1] == inRole).map(d -> d[0]).toList()));
            }
            values.add(keys(r.events()));
            reportRows.add(RowFactory.create(values.toArray()));
        }
        List<Row> drugRows = new ArrayList<>();
        for (int key = 1; key <= PRODUCTS.size() + 1; key++) {
            String product = product(key);
            drugRows.add(RowFactory.create(key, product, product, product.equals(CAR_T) ? "CD19" : null));
        }
        List<Row> eventRows = new ArrayList<>();
        for (int key = 1; key <= PTS.size(); key++) {
            eventRows.add(RowFactory.create(key, PTS.get(key - 1)));
        }
        StructType reportSchema = new StructType().add("report_id", DataTypes.LongType)
                .add("quarter", DataTypes.StringType).add("sex", DataTypes.StringType)
                .add("age_group", DataTypes.StringType);
        for (String role : FaersTable.ROLE_CODS) {
            reportSchema = reportSchema.add(CuratedTable.drugKeys(role), DataTypes.createArrayType(DataTypes.IntegerType));
        }
        write(spark, CuratedTable.REPORTS, reportRows,
                reportSchema.add(CuratedTable.EVENT_KEYS, DataTypes.createArrayType(DataTypes.IntegerType)));
        write(spark, CuratedTable.DRUGS, drugRows, new StructType().add("drug_key", DataTypes.IntegerType)
                .add("product", DataTypes.StringType).add("ingredient", DataTypes.StringType)
                .add("target", DataTypes.StringType));
        write(spark, CuratedTable.EVENTS, eventRows, new StructType().add("event_key", DataTypes.IntegerType)
                .add("pt", DataTypes.StringType));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsMatchAReportByReportCount(boolean stratified) {
        assertCountsMatchAReportByReportCount(curatedInput(stratified), stratified, SignalInput.Roles.PS, false);
    }

    /** Drugs of more roles than the primary suspect, among all reports or those naming a CAR-T product in any role. */
    @ParameterizedTest
    @CsvSource({"SUSPECT, false", "SUSPECT, true", "ALL, false", "ALL, true"})
    void countsOfOtherRolesAndACarTBackgroundMatchAReportByReportCount(SignalInput.Roles roles, boolean cartOnly) {
        SignalInput input = SignalInput.faers(SharedSpark.session(), curated, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, roles, List.of(), null, cartOnly);
        assertCountsMatchAReportByReportCount(input, false, roles, cartOnly);
    }

    /** The reports spread over 16 partitions, about 25 each: the partial counts of 16 tasks are summed. */
    @Test
    void countsDoNotDependOnHowTheReportsArePartitioned() {
        SignalInput input = curatedInput(false);
        assertCountsMatchAReportByReportCount(new SignalInput(input.reports().repartition(16, col("report_id")),
                input.drugs(), input.events()), false, SignalInput.Roles.PS, false);
    }

    @Test
    void refusesALakeCuratedBeforeTheReportsCarriedTheirKeys() {
        Lake old = new Lake(work.resolve("old-lake"));
        SharedSpark.session().read().parquet(curated.curated(CuratedTable.REPORTS).toString())
                .drop(CuratedTable.drugKeys("C"))
                .write().parquet(old.curated(CuratedTable.REPORTS).toString());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SignalInput.faers(
                SharedSpark.session(), old, SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT,
                SignalInput.Roles.PS, List.of(), null, false));
        assertTrue(refused.getMessage().contains("run 'iago curate' again"), refused::getMessage);
    }

    private static SignalInput curatedInput(boolean stratified) {
        return SignalInput.faers(SharedSpark.session(), curated, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, stratified ? List.of("sex", "age_group") : List.of(),
                null, false);
    }

    private static void assertCountsMatchAReportByReportCount(SignalInput input, boolean stratified,
            SignalInput.Roles roles, boolean cartOnly) {
        Dataset<Row> counts = PairCounts.of(input, stratified);
        List<String> columns = new ArrayList<>(List.of("drug", "event", "a", "n_drug", "n_event", "n"));
        if (stratified) {
            columns.add("strata");
        }
        assertEquals(columns, List.of(counts.columns()));
        Map<String, List<Object>> actual = new TreeMap<>();
        for (Row r : counts.collectAsList()) {
            List<Object> values = new ArrayList<>(List.of(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)));
            if (stratified) {
                for (Row s : r.<Row>getList(6)) {
                    values.add(List.of(s.getString(0), s.getLong(1), s.getLong(2), s.getLong(3)));
                }
            }
            actual.put(r.getString(0) + " | " + r.getString(1), values);
        }

        Map<String, List<Object>> expected = reportByReport(stratified, roles, cartOnly);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((pair, values) -> assertEquals(values, actual.get(pair), pair));
    }

    /**
     * Per drug–event pair: a, n_drug, n_event, n and, stratified, (stratum, n_drug, n_event, n) of each stratum with
     * both, in byte order of the stratum's UTF-8 as Spark sorts strings. Counted: reports with a drug in one of the
     * roles and an event; with {@code cartOnly}, only reports naming the CAR-T product in any role.
     */
    private static Map<String, List<Object>> reportByReport(boolean stratified, SignalInput.Roles roles,
            boolean cartOnly) {
        Map<String, Long> counts = new HashMap<>();
        Set<String> pairs = new TreeSet<>();
        Set<String> strata = new TreeSet<>((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8),
                y.getBytes(StandardCharsets.UTF_8)));
        for (Report r : reports) {
            Set<String> drugs = new TreeSet<>();
            if (cartOnly && r.drugs().stream().noneMatch(d -> product(d[0]).equals(CAR_T))) {
                continue;
            }
            r.drugs().stream().filter(d -> roles.codes().contains(FaersTable.ROLE_CODS.get((int) d[1])))
                    .forEach(d -> drugs.add(product(d[0])));
            Set<String> events = new TreeSet<>();
            r.events().forEach(e -> events.add(PTS.get((int) (long) e - 1)));
            if (drugs.isEmpty() || events.isEmpty()) {
                continue;
            }
            String stratum = stratified ? orUnknown(r.sex()) + "|" + orUnknown(r.ageGroup()) : "all";
            strata.add(stratum);
            for (String scope : List.of("", stratum)) {
                counts.merge(scope + " n", 1L, Long::sum);
                drugs.forEach(d -> counts.merge(scope + " drug " + d, 1L, Long::sum));
                events.forEach(e -> counts.merge(scope + " event " + e, 1L, Long::sum));
            }
            for (String d : drugs) {
                for (String e : events) {
                    counts.merge(" pair " + d + " | " + e, 1L, Long::sum);
                    pairs.add(d + " | " + e);
                }
            }
        }
        Map<String, List<Object>> expected = new TreeMap<>();
        for (String pair : pairs) {
            String[] drugAndEvent = pair.split(" \\| ", 2);
            String drug = drugAndEvent[0];
            String event = drugAndEvent[1];
            List<Object> values = new ArrayList<>(List.of(counts.get(" pair " + pair), counts.get(" drug " + drug),
                    counts.get(" event " + event), counts.get(" n")));
            for (String s : stratified ? strata : Set.<String>of()) {
                Long sDrug = counts.get(s + " drug " + drug);
                Long sEvent = counts.get(s + " event " + event);
                if (sDrug != null && sEvent != null) {
                    values.add(List.of(s, sDrug, sEvent, counts.get(s + " n")));
                }
            }
            expected.put(pair, values);
        }
        return expected;
    }

    /** Keys as an array column's value, repeats kept. */
    private static Object keys(List<Long> keys) {
        return CollectionConverters.asScala(keys.stream().map(Long::intValue).toList()).toSeq();
    }

    /** drug_key → product: keys 1 and 2 name the first product, a key k > 2 the product k − 2. */
    private static String product(long key) {
        return key == 1 ? PRODUCTS.get(0) : PRODUCTS.get((int) key - 2);
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    private static void write(SparkSession spark, CuratedTable table, List<Row> rows, StructType schema) {
        spark.createDataFrame(rows, schema).write().parquet(curated.curated(table).toString());
    }

    private static double stratifiedE(List<Row> strata) {
        long[] nDrug = strata.stream().mapToLong(s -> s.getAs("n_drug")).toArray();
        long[] nEvent = strata.stream().mapToLong(s -> s.getAs("n_event")).toArray();
        long[] n = strata.stream().mapToLong(s -> s.getAs("n")).toArray();
        return ExpectedCount.stratified(nDrug, nEvent, n);
    }

    /** A file of iago-stats' reference tables, which reach this module in its test jar. */
    private static InputStream reference(String name) {
        return Objects.requireNonNull(PairCountsTest.class.getResourceAsStream("/reference/openebgm/" + name), name);
    }
}
