package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.csv.CsvTable;
import org.iago.disproportionality.PriorityInputs.Counts;
import org.iago.disproportionality.PriorityInputs.Pair;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.spark.SparkSchema;
import org.iago.testing.SharedSpark;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.PriorityColumn;
import org.iago.vocabulary.Quarter;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The priority's inputs counted by Spark on a lake of five curated reports whose counts are worked out by hand:
 * <pre>
 *   report quarter primaryid ps drugs  PTs             sex age country event_dt outcomes (OUTC)
 *   1      2023Q1  11        ABECMA    Neurotoxicity   F   60  US      yes      OT
 *   2      2023Q3  21        ABECMA×2  Neurotoxicity×2 M   -   FR      yes      HO
 *   3      2024Q2  31        ABECMA    Neurotox, Nausea UNK -  -       -        DE, OT (and HO on version 30)
 *   4      2024Q2  41        ASPIRIN   Neurotoxicity   F   50  US      yes      -
 *   5      2024Q1  51        ABECMA    Nausea          M   70  DE      yes      RI
 * </pre>
 * The latest quarter is 2024Q2, so 2023Q3 to 2024Q2 are recent.
 */
class PriorityInputsTest {

    @TempDir
    static Path work;
    static Lake lake;

    @BeforeAll
    static void buildLake() {
        SparkSession spark = SharedSpark.session();
        lake = new Lake(work.resolve("lake"));
        Date day = Date.valueOf("2024-01-15");
        List<Row> reports = List.of(
                report(1, "2023Q1", 11, "F", 60.0, "US", day, List.of(1), List.of(1)),
                report(2, "2023Q3", 21, "M", null, "FR", day, List.of(1, 1), List.of(1, 1)),
                report(3, "2024Q2", 31, "UNK", null, null, null, List.of(1), List.of(1, 2)),
                report(4, "2024Q2", 41, "F", 50.0, "US", day, List.of(2), List.of(1)),
                report(5, "2024Q1", 51, "M", 70.0, "DE", day, List.of(1), List.of(2)));
        StructType schema = new StructType().add("report_id", DataTypes.LongType).add("quarter", DataTypes.StringType)
                .add("primaryid", DataTypes.LongType).add("sex", DataTypes.StringType)
                .add("age_years", DataTypes.DoubleType).add("reporter_country", DataTypes.StringType)
                .add("event_dt", DataTypes.DateType);
        for (String role : FaersTable.ROLE_CODS) {
            schema = schema.add(CuratedTable.drugKeys(role), DataTypes.createArrayType(DataTypes.IntegerType));
        }
        schema = schema.add(CuratedTable.EVENT_KEYS, DataTypes.createArrayType(DataTypes.IntegerType));
        write(spark, CuratedTable.REPORTS, reports, schema);
        write(spark, CuratedTable.DRUGS, List.of(RowFactory.create(1, "ABECMA", "IDECABTAGENE VICLEUCEL", "BCMA"),
                RowFactory.create(2, "ASPIRIN", "ASPIRIN", null)), new StructType().add("drug_key",
                DataTypes.IntegerType).add("product", DataTypes.StringType).add("ingredient", DataTypes.StringType)
                .add("target", DataTypes.StringType));
        write(spark, CuratedTable.EVENTS, List.of(RowFactory.create(1, "Neurotoxicity"),
                RowFactory.create(2, "Nausea")), new StructType().add("event_key", DataTypes.IntegerType)
                .add("pt", DataTypes.StringType));
        List<Row> outcomes = List.of(outcome(11, "OT", "2023Q1"), outcome(21, "HO", "2023Q3"),
                outcome(30, "HO", "2024Q1"), outcome(31, "DE", "2024Q2"), outcome(31, "OT", "2024Q2"),
                outcome(51, "RI", "2024Q1"));
        spark.createDataFrame(outcomes, new StructType().add("primaryid", DataTypes.StringType)
                .add("caseid", DataTypes.StringType).add("outc_cod", DataTypes.StringType)
                .add("quarter", DataTypes.StringType)).write().partitionBy("quarter")
                .parquet(lake.faersTableLocation(FaersTable.OUTC).toString());
    }

    @Test
    void countsEachFlaggedPairsReportsByHand() throws IOException {
        SignalInput input = SignalInput.faers(SharedSpark.session(), lake, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);
        List<Pair> flagged = List.of(new Pair("ABECMA", "Neurotoxicity"), new Pair("ABECMA", "Nausea"),
                new Pair("ASPIRIN", "Neurotoxicity"), new Pair("NOT IN THE LAKE", "Nausea"));
        Map<Pair, Counts> counts = PriorityInputs.of(SharedSpark.session(), lake, input, flagged);
        Configuration hadoop = new Configuration();
        assertEquals(counts, PriorityInputs.onDriver(hadoop, lake, CuratedFaers.read(hadoop, lake,
                SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), false),
                flagged), "the driver's counts are Spark's");

        assertEquals(3, counts.size(), counts::toString);
        // reports 1–3, each once; recent 2 and 3; serious 2 (HO) and 3 (DE; version 30's HO is not the kept one);
        // countries US, FR; completeness (4/4 + 3/4 + 0/4) / 3
        Counts neuro = counts.get(new Pair("ABECMA", "Neurotoxicity"));
        assertEquals(List.of(3L, 2L, 2L, 2L), List.of(neuro.reports(), neuro.recent(), neuro.serious(),
                neuro.countries()), neuro::toString);
        assertEquals(1.75 / 3, neuro.completeness(), 1e-12);
        // reports 3 and 5, both recent; serious 3; country DE; completeness (0 + 1) / 2
        assertEquals(new Counts(2, 2, 1, 1, 0.5), counts.get(new Pair("ABECMA", "Nausea")));
        assertEquals(new Counts(1, 1, 0, 1, 1.0), counts.get(new Pair("ASPIRIN", "Neurotoxicity")));
    }

    /**
     * priority.csv of an analysis whose signal table flags two of three pairs: ABECMA–Neurotoxicity by the IC
     * (IC025 1.5), ASPIRIN–Neurotoxicity by EBGM (no IC025, EB05 4); ABECMA–Nausea by none, so it is left out.
     */
    @Test
    void writesTheFlaggedPairsPriorityHighestFirst() throws Exception {
        SparkSession spark = SharedSpark.session();
        Path out = work.resolve("analysis");
        Object[] neuro = new Object[SignalColumn.values().length];
        neuro[SignalColumn.DRUG.ordinal()] = "ABECMA";
        neuro[SignalColumn.EVENT.ordinal()] = "Neurotoxicity";
        neuro[SignalColumn.IC025.ordinal()] = 1.5;
        neuro[SignalColumn.SIGNAL_IC.ordinal()] = true;
        Object[] nausea = new Object[SignalColumn.values().length];
        nausea[SignalColumn.DRUG.ordinal()] = "ABECMA";
        nausea[SignalColumn.EVENT.ordinal()] = "Nausea";
        nausea[SignalColumn.IC025.ordinal()] = 3.0;
        nausea[SignalColumn.SIGNAL_IC.ordinal()] = false;
        Object[] aspirin = new Object[SignalColumn.values().length];
        aspirin[SignalColumn.DRUG.ordinal()] = "ASPIRIN";
        aspirin[SignalColumn.EVENT.ordinal()] = "Neurotoxicity";
        aspirin[SignalColumn.EB05.ordinal()] = 4.0;
        aspirin[SignalColumn.SIGNAL_EBGM.ordinal()] = true;
        spark.createDataFrame(List.of(RowFactory.create(neuro), RowFactory.create(nausea),
                        RowFactory.create(aspirin)), SparkSchema.of(SignalColumn.COLUMNS))
                .write().parquet(out.resolve(RunLayout.SIGNAL_TABLE).toString());
        SignalInput input = SignalInput.faers(spark, lake, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);

        assertEquals(2, PriorityOutput.write(spark, lake, input, LakePaths.location(out)));

        CsvTable table = CsvTable.read(out.resolve(RunLayout.PRIORITY_CSV));
        assertEquals(OutputColumn.names(PriorityColumn.COLUMNS), table.columns());
        // ABECMA–Neurotoxicity: S = 1.5, R = log2(1 + 2), Se = 2/3, G = log2 2 = 1, I = 1.75/3: 5.8016 in all;
        // ASPIRIN–Neurotoxicity: S = log2 4 = 2, R = log2(1 + 1) = 1, Se = 0, G = 0, I = 1: 4
        double recency = Math.log(3) / Math.log(2);
        List<CsvTable.Row> rows = table.rows();
        assertEquals(List.of("ABECMA|Neurotoxicity", "ASPIRIN|Neurotoxicity"), rows.stream()
                .map(r -> r.get("drug") + "|" + r.get("event")).toList(), "highest priority first");
        CsvTable.Row first = rows.get(0);
        assertEquals(List.of(3.0, 2.0, 2.0, 2.0), List.of(first.number("reports"), first.number("recent_reports"),
                first.number("serious_reports"), first.number("countries")));
        assertEquals("", first.get("eb05"), "an unknown EB05 is empty");
        List<String> terms = List.of("strength_term", "recency_term", "seriousness_term", "spread_term",
                "completeness_term", "priority");
        double[] neuroTerms = {1.5, recency, 2.0 / 3, 1, 1.75 / 3, 1.5 + recency + 2.0 / 3 + 1 + 1.75 / 3};
        double[] aspirinTerms = {2, 1, 0, 0, 1, 4};
        for (int i = 0; i < terms.size(); i++) {
            assertEquals(neuroTerms[i], first.number(terms.get(i)), 1e-12, terms.get(i));
            assertEquals(aspirinTerms[i], rows.get(1).number(terms.get(i)), 1e-12, terms.get(i));
        }
    }

    @Test
    void theLastFourQuartersEndWithTheLatest() {
        assertEquals(Quarter.of(2023, 3), PriorityInputs.firstRecent(Quarter.of(2024, 2)));
        assertEquals(Quarter.of(2024, 1), PriorityInputs.firstRecent(Quarter.of(2024, 4)));
    }

    private static Row report(long id, String quarter, long primaryid, String sex, Double age, String country,
                              Date eventDt, List<Integer> psDrugs, List<Integer> events) {
        List<Object> values = new ArrayList<>(List.of(id, quarter, primaryid, sex));
        values.add(age);
        values.add(country);
        values.add(eventDt);
        for (String role : FaersTable.ROLE_CODS) {
            values.add(keys(role.equals("PS") ? psDrugs : List.of()));
        }
        values.add(keys(events));
        return RowFactory.create(values.toArray());
    }

    private static Row outcome(long primaryid, String code, String quarter) {
        return RowFactory.create(String.valueOf(primaryid), String.valueOf(primaryid / 10), code, quarter);
    }

    private static Object keys(List<Integer> keys) {
        return CollectionConverters.asScala(keys).toSeq();
    }

    private static void write(SparkSession spark, CuratedTable table, List<Row> rows, StructType schema) {
        spark.createDataFrame(rows, schema).write().parquet(lake.curated(table).toString());
    }
}
