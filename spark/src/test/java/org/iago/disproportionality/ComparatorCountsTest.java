package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.csv.CsvTable;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.testing.SharedSpark;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code comparators.csv} on a hand-built curated lake of 13 reports, every cell counted by hand below (the report
 * numbers of each count are listed), through {@link ComparatorTable} and {@link ComparatorCounts} in Spark.
 * <pre>
 * report  PS         C          events             age_group  sex  PS indication group
 *  1      KYMRIAH               CRS, Neutropenia   18-64      F    Lymphoma
 *  2      KYMRIAH               CRS                65-74      M    -
 *  3      KYMRIAH               Headache           &lt;18        F    Leukaemia
 *  4      ABECMA                Neutropenia        18-64      M    Myeloma
 *  5      REVLIMID              Neutropenia        65-74      F    Myeloma
 *  6      REVLIMID              Neutropenia, Head. &gt;=75       M    Myeloma (and a second group: counted once)
 *  7      REVLIMID              Headache           unknown    UNK  Myeloma
 *  8      ASPIRIN               Neutropenia        18-64      F    -
 *  9      ASPIRIN               Headache           18-64      M    -
 * 10      ASPIRIN               Headache           unknown    F    -
 * 11      ASPIRIN    KYMRIAH    Headache           18-64      F    -      (CAR-T in a role not counted: in cart)
 * 12      ASPIRIN               (none)             18-64      F    -      (no event: not counted)
 * 13      (none)     ASPIRIN    Neutropenia        18-64      F    -      (no PS drug: not counted)
 * </pre>
 * Counted: reports 1–11. Cart (a CAR-T product in any role): 1, 2, 3, 4, 11. Indication: 1, 3, 4, 5, 6, 7.
 */
class ComparatorCountsTest {

    private static final Configuration HADOOP = new Configuration();

    @TempDir
    static Path work;
    static Lake lake;

    private static final int KYMRIAH = 1;
    private static final int ABECMA = 2;
    private static final int REVLIMID = 3;
    private static final int ASPIRIN = 4;
    private static final int CRS = 1;
    private static final int NEUTROPENIA = 2;
    private static final int HEADACHE = 3;

    @BeforeAll
    static void buildCuratedLake() {
        SparkSession spark = SharedSpark.session();
        lake = new Lake(work.resolve("lake"));
        List<Row> reports = new ArrayList<>();
        reports.add(report(1, List.of(KYMRIAH), List.of(), List.of(CRS, NEUTROPENIA), "18-64", "F"));
        reports.add(report(2, List.of(KYMRIAH), List.of(), List.of(CRS), "65-74", "M"));
        reports.add(report(3, List.of(KYMRIAH), List.of(), List.of(HEADACHE), "<18", "F"));
        reports.add(report(4, List.of(ABECMA), List.of(), List.of(NEUTROPENIA), "18-64", "M"));
        reports.add(report(5, List.of(REVLIMID), List.of(), List.of(NEUTROPENIA), "65-74", "F"));
        reports.add(report(6, List.of(REVLIMID), List.of(), List.of(NEUTROPENIA, HEADACHE), ">=75", "M"));
        reports.add(report(7, List.of(REVLIMID), List.of(), List.of(HEADACHE), "unknown", "UNK"));
        reports.add(report(8, List.of(ASPIRIN), List.of(), List.of(NEUTROPENIA), "18-64", "F"));
        reports.add(report(9, List.of(ASPIRIN), List.of(), List.of(HEADACHE), "18-64", "M"));
        reports.add(report(10, List.of(ASPIRIN), List.of(), List.of(HEADACHE), "unknown", "F"));
        reports.add(report(11, List.of(ASPIRIN), List.of(KYMRIAH), List.of(HEADACHE), "18-64", "F"));
        reports.add(report(12, List.of(ASPIRIN), List.of(), List.of(), "18-64", "F"));
        reports.add(report(13, List.of(), List.of(ASPIRIN), List.of(NEUTROPENIA), "18-64", "F"));
        StructType schema = new StructType().add("report_id", DataTypes.LongType).add("quarter", DataTypes.StringType);
        for (String role : FaersTable.ROLE_CODS) {
            schema = schema.add(CuratedTable.drugKeys(role), DataTypes.createArrayType(DataTypes.IntegerType));
        }
        write(spark, CuratedTable.REPORTS, reports, schema.add(CuratedTable.EVENT_KEYS,
                DataTypes.createArrayType(DataTypes.IntegerType)).add("age_group", DataTypes.StringType)
                .add("sex", DataTypes.StringType));
        write(spark, CuratedTable.DRUGS, List.of(RowFactory.create(KYMRIAH, "KYMRIAH", "TISAGENLECLEUCEL", "CD19"),
                RowFactory.create(ABECMA, "ABECMA", "IDECABTAGENE VICLEUCEL", "BCMA"),
                RowFactory.create(REVLIMID, "LENALIDOMIDE", "LENALIDOMIDE", null),
                RowFactory.create(ASPIRIN, "ASPIRIN", "ASPIRIN", null)), new StructType()
                .add("drug_key", DataTypes.IntegerType).add("product", DataTypes.StringType)
                .add("ingredient", DataTypes.StringType).add("target", DataTypes.StringType));
        write(spark, CuratedTable.EVENTS, List.of(RowFactory.create(CRS, "Cytokine release syndrome"),
                RowFactory.create(NEUTROPENIA, "Neutropenia"), RowFactory.create(HEADACHE, "Headache")),
                new StructType().add("event_key", DataTypes.IntegerType).add("pt", DataTypes.StringType));
        write(spark, CuratedTable.EVENT_GROUPS, List.of(RowFactory.create(CRS, "CRS")), new StructType()
                .add("event_key", DataTypes.IntegerType).add("term_group", DataTypes.StringType));
        write(spark, CuratedTable.REPORT_INDICATIONS, List.of(RowFactory.create(1L, "Lymphoma"),
                RowFactory.create(3L, "Leukaemia"), RowFactory.create(4L, "Myeloma"),
                RowFactory.create(5L, "Myeloma"), RowFactory.create(6L, "Myeloma"), RowFactory.create(6L, "Leukaemia"),
                RowFactory.create(7L, "Myeloma")), new StructType().add("report_id", DataTypes.LongType)
                .add("indication_group", DataTypes.StringType));
    }

    /** KYMRIAH × Neutropenia in every subset, each count by hand (report numbers in the comments). */
    @Test
    void everyComparatorAndSubgroupHasItsHandCountedCells() throws IOException {
        CsvTable table = measure(List.of("all", "cart", "indication"), List.of("adults", "sex", "age_group"));
        // all: N 1-11 = 11; KYMRIAH 1,2,3; Neutropenia 1,4,5,6,8; both 1
        assertCells(table, "all", "all", 1, 2, 4, 4);
        // cart: N 1,2,3,4,11 = 5; KYMRIAH 1,2,3; Neutropenia 1,4 → c = 2 − 1, d = 5 − 3 − 1
        assertCells(table, "cart", "all", 1, 2, 1, 1);
        // indication: N 1,3,4,5,6,7 = 6; KYMRIAH in it 1,3; Neutropenia 1,4,5,6 → c = 4 − 1, d = 6 − 2 − 3;
        // a, b are all of KYMRIAH's reports, report 2 (no indication) included
        assertCells(table, "indication", "all", 1, 2, 3, 1);
        // adults: 1,2,4,5,6,8,9,11 = 8; KYMRIAH 1,2; Neutropenia 1,4,5,6,8
        assertCells(table, "all", "adults", 1, 1, 4, 2);
        // indication within adults (Fusaroli's reference group 3): 1,4,5,6; KYMRIAH 1; Neutropenia 1,4,5,6
        assertCells(table, "indication", "adults", 1, 1, 3, 0);
        // cart within adults: 1,2,4,11; KYMRIAH 1,2; Neutropenia 1,4
        assertCells(table, "cart", "adults", 1, 1, 1, 1);
        // sex=F: 1,3,5,8,10,11 (7 is UNK: in no sex subgroup); KYMRIAH 1,3; Neutropenia 1,5,8
        assertCells(table, "all", "sex=F", 1, 1, 2, 2);
        // sex=M: 2,4,6,9; KYMRIAH 2; Neutropenia 4,6
        assertCells(table, "all", "sex=M", 0, 1, 2, 1);
        // indication within sex=M: 4,6; no KYMRIAH; Neutropenia 4,6; a, b from all within sex=M
        assertCells(table, "indication", "sex=M", 0, 1, 2, 0);
        // cart within sex=F: 1,3,11; KYMRIAH 1,3; Neutropenia 1 → c = 0
        assertCells(table, "cart", "sex=F", 1, 1, 0, 1);
        // age_group=<18: report 3 alone, KYMRIAH without Neutropenia
        assertCells(table, "all", "age_group=<18", 0, 1, 0, 0);
        // age_group=>=75 within cart: no report at all
        assertCells(table, "cart", "age_group=>=75", 0, 0, 0, 0);

        // the ROR and its special cases, as ReportingOddsRatio gives them
        assertRor(table, "all", "all", 0.5);                       // 1·4 / (2·4)
        assertRor(table, "indication", "all", 1.0 / 6);            // 1·1 / (2·3): lower than against all drugs
        assertRor(table, "all", "sex=F", 1.0);                     // 1·2 / (1·2)
        assertRor(table, "indication", "adults", 0.0);             // d = 0: ad = 0 < bc
        assertRor(table, "cart", "sex=F", Double.POSITIVE_INFINITY); // c = 0: bc = 0 < ad
        assertRor(table, "all", "age_group=<18", Double.NaN);      // ad = bc = 0
        assertRor(table, "cart", "age_group=>=75", Double.NaN);    // no report in the subset
        CsvTable.Row interval = row(table, "cart", "sex=F");
        assertEquals(0.0, interval.number("ror_lower"));
        assertEquals(Double.POSITIVE_INFINITY, interval.number("ror_upper"));
    }

    /** Rows: every CAR-T drug's events, every subset in the order asked; no row for a drug without a target. */
    @Test
    void rowsAreTheCarTDrugsEventsInTheOrderOfTheSettings() throws IOException {
        CsvTable table = measure(List.of("indication", "all"), List.of("sex"));
        assertEquals(ComparatorTable.COLUMNS, table.columns());
        List<String> kymriah = table.where(r -> r.get("drug").equals("KYMRIAH")).stream()
                .map(r -> r.get("event") + "|" + r.get("comparator") + "|" + r.get("subgroup")).distinct().toList();
        List<String> expected = new ArrayList<>();
        for (String event : List.of("Cytokine release syndrome", "Headache", "Neutropenia")) {
            for (String comparator : List.of("indication", "all")) {
                for (String subgroup : List.of("all", "sex=F", "sex=M")) {
                    expected.add(event + "|" + comparator + "|" + subgroup);
                }
            }
        }
        assertEquals(expected, kymriah);
        // ABECMA: Neutropenia only (report 4); REVLIMID and ASPIRIN have no target
        assertEquals(List.of("ABECMA", "KYMRIAH"), table.rows().stream().map(r -> r.get("drug")).distinct().toList());
        assertEquals(6 + 18, table.rows().size());
    }

    /** By target and toxicity group: KYMRIAH is CD19; only CRS is in a group, so only report 1 and 2 count. */
    @Test
    void countsAtTheTargetAndGroupLevels() throws IOException {
        Path out = work.resolve("by-target");
        new ComparatorTable(Comparators.of(List.of("all"), List.of())).measure(SharedSpark::session, HADOOP, true,
                lake, SignalInput.DrugLevel.TARGET, SignalInput.EventLevel.GROUP, SignalInput.Roles.PS, null,
                LakePaths.location(out));
        CsvTable table = CsvTable.read(out.resolve(RunLayout.COMPARATORS_CSV));
        assertEquals(1, table.rows().size());
        // counted: reports with a CRS event, 1 and 2, both CD19
        assertCells(table, "all", "all", 2, 0, 0, 0);
    }

    /**
     * The CSV above comes from the pass on the driver (the lake is small and local); Spark's pass counts the same, at
     * every drug and event level and through a quarter.
     */
    @Test
    void sparkCountsWhatTheDriverCounts() throws IOException {
        Comparators all = Comparators.of(List.of("all", "cart", "indication"), List.of("adults", "age_group", "sex"));
        ComparatorTable table = new ComparatorTable(all);
        ComparatorCounts counts = new ComparatorCounts(SharedSpark::session, HADOOP, true, lake);
        for (SignalInput.DrugLevel drugLevel : SignalInput.DrugLevel.values()) {
            for (SignalInput.EventLevel eventLevel : List.of(SignalInput.EventLevel.PT, SignalInput.EventLevel.GROUP)) {
                for (String through : java.util.Arrays.asList(null, "2024q1", "2023Q4")) {
                    List<Row> driver = table.rows(counts.onDriver(all, drugLevel, eventLevel, SignalInput.Roles.ALL,
                            through));
                    assertEquals(driver, table.rows(counts.withSpark(SharedSpark.session(), all, drugLevel,
                            eventLevel, SignalInput.Roles.ALL, through)), drugLevel + " " + eventLevel + " " + through);
                    assertEquals(through != null && through.equals("2023Q4"), driver.isEmpty());
                }
            }
        }
    }

    @Test
    void refusesAnUnknownComparatorOrSubgroup() {
        assertThrows(IllegalArgumentException.class, () -> Comparators.of(List.of("oncology"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> Comparators.of(List.of("all"), List.of("weight")));
        assertThrows(IllegalArgumentException.class, () -> Comparators.of(List.of(), List.of("sex")));
    }

    private static CsvTable measure(List<String> against, List<String> subgroups) throws IOException {
        Path out = work.resolve(String.join("-", against) + "_" + String.join("-", subgroups));
        ComparatorTable.Summary summary = new ComparatorTable(Comparators.of(against, subgroups)).measure(
                SharedSpark::session, HADOOP, true, lake, SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT,
                SignalInput.Roles.PS, null, LakePaths.location(out));
        CsvTable table = CsvTable.read(out.resolve(RunLayout.COMPARATORS_CSV));
        assertEquals(table.rows().size(), summary.rows());
        assertTrue(summary.pairs() == 4, "KYMRIAH × 3 events, ABECMA × Neutropenia: " + summary);
        return table;
    }

    private static CsvTable.Row row(CsvTable table, String comparator, String subgroup) {
        List<CsvTable.Row> rows = table.where(r -> r.get("drug").equals("KYMRIAH")
                && r.get("event").equals("Neutropenia") && r.get("comparator").equals(comparator)
                && r.get("subgroup").equals(subgroup));
        assertEquals(1, rows.size(), comparator + " / " + subgroup);
        return rows.get(0);
    }

    private static void assertCells(CsvTable table, String comparator, String subgroup, long a, long b, long c,
            long d) {
        CsvTable.Row r = table.rows().size() == 1 ? table.rows().get(0) : row(table, comparator, subgroup);
        assertEquals(List.of(a, b, c, d), List.of(Long.parseLong(r.get("a")), Long.parseLong(r.get("b")),
                Long.parseLong(r.get("c")), Long.parseLong(r.get("d"))), comparator + " / " + subgroup);
    }

    private static void assertRor(CsvTable table, String comparator, String subgroup, double ror) {
        assertEquals(ror, row(table, comparator, subgroup).number("ror"), 1e-12, comparator + " / " + subgroup);
    }

    private static Row report(long id, List<Integer> ps, List<Integer> concomitant, List<Integer> events,
            String ageGroup, String sex) {
        List<Object> values = new ArrayList<>(List.of(id, "2024Q1"));
        for (String role : FaersTable.ROLE_CODS) {
            values.add(CollectionConverters.asScala(role.equals("PS") ? ps : role.equals("C") ? concomitant
                    : List.<Integer>of()).toSeq());
        }
        values.add(CollectionConverters.asScala(events).toSeq());
        values.add(ageGroup);
        values.add(sex);
        return RowFactory.create(values.toArray());
    }

    private static void write(SparkSession spark, CuratedTable table, List<Row> rows, StructType schema) {
        spark.createDataFrame(rows, schema).write().parquet(lake.curated(table).toString());
    }
}
