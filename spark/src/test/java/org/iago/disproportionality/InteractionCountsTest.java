package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
import org.iago.stats.InteractionShrinkage;
import org.iago.testing.SharedSpark;
import org.iago.vocabulary.InteractionColumn;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark counts of {@link InteractionCounts} against a report-by-report count in plain Java on a small hand-built
 * curated lake (drugs in every role, repeated keys, two keys of one ingredient, reports without events), and
 * {@code interaction.csv} as {@link InteractionTable} writes it, read back strictly.
 */
class InteractionCountsTest {

    @TempDir
    static Path work;
    static Lake lake;
    static final List<Report> REPORTS = new ArrayList<>();

    /** drug_key → (product, ingredient, target): two CD19 products, a BCMA product, corticosteroids, others. */
    static final Map<Integer, String[]> DRUGS = new LinkedHashMap<>();
    static final Map<Integer, String> PTS = new LinkedHashMap<>();
    static final Map<Integer, String> GROUPS = Map.of(1, "CRS", 2, "ICANS", 5, "ICANS");

    static {
        DRUGS.put(1, new String[] {"KYMRIAH", "TISAGENLECLEUCEL", "CD19"});
        DRUGS.put(2, new String[] {"YESCARTA", "AXICABTAGENE CILOLEUCEL", "CD19"});
        DRUGS.put(3, new String[] {"ABECMA", "IDECABTAGENE VICLEUCEL", "BCMA"});
        DRUGS.put(4, new String[] {"DEXAMETHASONE", "DEXAMETHASONE", null});
        DRUGS.put(5, new String[] {"Methylprednisolone", "Methylprednisolone", null});
        DRUGS.put(6, new String[] {"METHYLPREDNISOLONE", "METHYLPREDNISOLONE", null});
        DRUGS.put(7, new String[] {"TOCILIZUMAB", "TOCILIZUMAB", null});
        DRUGS.put(8, new String[] {"ASPIRIN", "ASPIRIN", null});
        DRUGS.put(9, new String[] {"OMEPRAZOLE", "OMEPRAZOLE", null});
        PTS.put(1, "Cytokine release syndrome");
        PTS.put(2, "Immune effector cell-associated neurotoxicity syndrome");
        PTS.put(3, "Fatigue");
        PTS.put(4, "Pyrexia");
        PTS.put(5, "Encephalopathy");
        for (int key = 6; key <= 30; key++) {
            PTS.put(key, "Background event " + key);
        }
    }

    static final InteractionPairs PAIRS = new InteractionPairs(3, List.of("CD19", "abecma"),
            Map.of("corticosteroids", List.of("dexamethasone", "methylprednisolone"),
                    "tocilizumab", List.of("TOCILIZUMAB")));

    /** A report: drugs as (drug_key, role index into {@link FaersTable#ROLE_CODS}), event_keys, quarter. */
    record Report(long id, String quarter, List<int[]> drugs, List<Integer> events) {
    }

    @BeforeAll
    static void buildCuratedLake() {
        Random random = new Random(20080701);
        for (long id = 1; id <= 1500; id++) {
            List<int[]> drugs = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                drugs.add(new int[] {1 + random.nextInt(DRUGS.size()), random.nextInt(FaersTable.ROLE_CODS.size())});
            }
            List<Integer> events = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                events.add(1 + random.nextInt(PTS.size()));
            }
            REPORTS.add(new Report(id, id % 3 == 0 ? "2024Q2" : "2024Q1", drugs, events));
        }
        // a planted interaction: YESCARTA with methylprednisolone (both keys), ICANS on most of them
        for (long id = 1501; id <= 1530; id++) {
            REPORTS.add(new Report(id, "2024Q1", List.of(new int[] {2, 0}, new int[] {id % 2 == 0 ? 5 : 6, 2}),
                    id % 5 == 0 ? List.of(3) : List.of(2, 2)));
        }
        SparkSession spark = SharedSpark.session();
        lake = new Lake(work.resolve("lake"));
        List<Row> reportRows = new ArrayList<>();
        for (Report r : REPORTS) {
            List<Object> values = new ArrayList<>(List.of(r.id(), r.quarter()));
            for (int role = 0; role < FaersTable.ROLE_CODS.size(); role++) {
                int inRole = role;
                values.add(seq(r.drugs().stream().filter(d -> d[1] == inRole).map(d -> d[0]).toList()));
            }
            values.add(seq(r.events()));
            reportRows.add(RowFactory.create(values.toArray()));
        }
        StructType reportSchema = new StructType().add("report_id", DataTypes.LongType)
                .add("quarter", DataTypes.StringType);
        for (String role : FaersTable.ROLE_CODS) {
            reportSchema = reportSchema.add(CuratedTable.drugKeys(role), DataTypes.createArrayType(DataTypes.IntegerType));
        }
        write(spark, CuratedTable.REPORTS, reportRows,
                reportSchema.add(CuratedTable.EVENT_KEYS, DataTypes.createArrayType(DataTypes.IntegerType)));
        List<Row> drugRows = new ArrayList<>();
        DRUGS.forEach((key, d) -> drugRows.add(RowFactory.create(key, d[0], d[1], d[2])));
        write(spark, CuratedTable.DRUGS, drugRows, new StructType().add("drug_key", DataTypes.IntegerType)
                .add("product", DataTypes.StringType).add("ingredient", DataTypes.StringType)
                .add("target", DataTypes.StringType));
        List<Row> eventRows = new ArrayList<>();
        PTS.forEach((key, pt) -> eventRows.add(RowFactory.create(key, pt)));
        write(spark, CuratedTable.EVENTS, eventRows, new StructType().add("event_key", DataTypes.IntegerType)
                .add("pt", DataTypes.StringType));
        List<Row> groupRows = new ArrayList<>();
        GROUPS.forEach((key, group) -> groupRows.add(RowFactory.create(key, group)));
        write(spark, CuratedTable.EVENT_GROUPS, groupRows, new StructType().add("event_key", DataTypes.IntegerType)
                .add("term_group", DataTypes.StringType));
    }

    @Test
    void countsMatchAReportByReportCountByPt() throws IOException {
        assertEquals(byHand(SignalInput.EventLevel.PT, null), bySpark(SignalInput.EventLevel.PT, null));
        assertEquals(byHand(SignalInput.EventLevel.PT, null), onDriver(SignalInput.EventLevel.PT, null));
    }

    /** Two PTs of one toxicity group on a report count it once; a PT in no group is not counted. */
    @Test
    void countsMatchAReportByReportCountByToxicityGroupAndThroughAQuarter() throws IOException {
        assertEquals(byHand(SignalInput.EventLevel.GROUP, null), bySpark(SignalInput.EventLevel.GROUP, null));
        assertEquals(byHand(SignalInput.EventLevel.PT, "2024Q1"), bySpark(SignalInput.EventLevel.PT, "2024q1"));
        assertEquals(byHand(SignalInput.EventLevel.GROUP, null), onDriver(SignalInput.EventLevel.GROUP, null));
        assertEquals(byHand(SignalInput.EventLevel.PT, "2024Q1"), onDriver(SignalInput.EventLevel.PT, "2024q1"));
    }

    @Test
    void refusesAnEventLevelOtherThanPtOrGroup() {
        assertThrows(IllegalArgumentException.class, () -> new InteractionCounts(SharedSpark.session(), lake)
                .count(PAIRS, SignalInput.EventLevel.SOC, null));
    }

    /** The CSV has the vocabulary's columns; the planted pair signals, with Ω as the statistic computes it. */
    @Test
    void theCsvHoldsOmegaOfEveryPairAndFlagsThePlantedInteraction() throws IOException {
        Path out = work.resolve("out");
        // the driver's counts: a local master and a small lake
        InteractionTable.Summary summary = new InteractionTable(PAIRS).measure(true, SharedSpark::session,
                new Configuration(), lake, SignalInput.EventLevel.PT, null, LakePaths.location(out));
        CsvTable table = CsvTable.read(out.resolve(RunLayout.INTERACTION_CSV));
        assertEquals(InteractionTable.COLUMNS, table.columns());
        assertEquals(byHand(SignalInput.EventLevel.PT, null).size(), table.rows().size());
        assertEquals(table.rows().size(), summary.rows());
        List<CsvTable.Row> planted = table.where(r -> r.get("cart_drug").equals("CD19")
                && r.get("concomitant").equals("corticosteroids")
                && r.get("event").equals("Immune effector cell-associated neurotoxicity syndrome"));
        assertEquals(1, planted.size());
        CsvTable.Row row = planted.get(0);
        InteractionShrinkage.Counts counts = byHand(SignalInput.EventLevel.PT, null)
                .get("CD19|corticosteroids|Immune effector cell-associated neurotoxicity syndrome");
        InteractionShrinkage.Result omega = InteractionShrinkage.withDefaults().compute(counts);
        assertEquals(counts.n111(), Long.parseLong(row.get(InteractionColumn.N111.name())));
        assertEquals(counts.n00(), Long.parseLong(row.get(InteractionColumn.N00.name())));
        assertEquals(omega.omega025(), row.number(InteractionColumn.OMEGA025.name()));
        assertEquals(omega.expected(), row.number(InteractionColumn.E111.name()));
        assertTrue(omega.omega025() > 0 && counts.n111() >= 3, "planted: " + counts + " " + omega);
        assertEquals("true", row.get(InteractionColumn.SIGNAL.name()));
        long signals = table.where(r -> r.get("signal_omega").equals("true")).size();
        assertEquals(signals, summary.signals());
        assertFalse(table.where(r -> r.get("cart_drug").equals("ABECMA")).isEmpty(), "a product named in lower case");
    }

    private static Map<String, InteractionShrinkage.Counts> bySpark(SignalInput.EventLevel level, String through) {
        Map<String, InteractionShrinkage.Counts> counts = new TreeMap<>();
        for (InteractionCounts.Triple t : new InteractionCounts(SharedSpark.session(), lake).count(PAIRS, level,
                through)) {
            counts.put(t.pair().cart() + "|" + t.pair().concomitant() + "|" + t.event(), t.counts());
        }
        return counts;
    }

    private static Map<String, InteractionShrinkage.Counts> onDriver(SignalInput.EventLevel level, String through)
            throws IOException {
        Map<String, InteractionShrinkage.Counts> counts = new TreeMap<>();
        for (InteractionCounts.Triple t : InteractionCounts.onDriver(new Configuration(), lake, PAIRS, level,
                through)) {
            counts.put(t.pair().cart() + "|" + t.pair().concomitant() + "|" + t.event(), t.counts());
        }
        return counts;
    }

    /** Each pair and event with a report naming both drugs and the event, counted report by report. */
    private static Map<String, InteractionShrinkage.Counts> byHand(SignalInput.EventLevel level, String through) {
        Map<String, InteractionShrinkage.Counts> counts = new TreeMap<>();
        List<Report> reports = REPORTS.stream().filter(r -> through == null || r.quarter().compareTo(through) <= 0)
                .toList();
        for (InteractionPairs.Pair pair : PAIRS.pairs()) {
            Set<String> events = new TreeSet<>();
            reports.stream().filter(r -> has(r, pair.cart(), true) && has(r, pair.concomitant(), false))
                    .forEach(r -> events.addAll(events(r, level)));
            for (String event : events) {
                long[] n = new long[4];
                long[] withEvent = new long[4];
                for (Report r : reports) {
                    int group = (has(r, pair.cart(), true) ? 2 : 0) + (has(r, pair.concomitant(), false) ? 1 : 0);
                    n[group]++;
                    if (events(r, level).contains(event)) {
                        withEvent[group]++;
                    }
                }
                counts.put(pair.cart() + "|" + pair.concomitant() + "|" + event, new InteractionShrinkage.Counts(
                        withEvent[3], n[3], withEvent[2], n[2], withEvent[1], n[1], withEvent[0], n[0]));
            }
        }
        return counts;
    }

    private static boolean has(Report r, String drug, boolean cart) {
        return r.drugs().stream().map(d -> DRUGS.get(d[0])).anyMatch(d -> cart
                ? drug.equals(d[0].toUpperCase()) || drug.equals(d[2])
                : PAIRS.concomitant().get(drug).contains(d[1].toUpperCase()));
    }

    private static Set<String> events(Report r, SignalInput.EventLevel level) {
        Set<String> names = new TreeSet<>();
        for (int key : r.events()) {
            String name = level == SignalInput.EventLevel.PT ? PTS.get(key) : GROUPS.get(key);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static Object seq(List<Integer> keys) {
        return CollectionConverters.asScala(keys).toSeq();
    }

    private static void write(SparkSession spark, CuratedTable table, List<Row> rows, StructType schema) {
        spark.createDataFrame(rows, schema).write().parquet(lake.curated(table).toString());
    }
}
