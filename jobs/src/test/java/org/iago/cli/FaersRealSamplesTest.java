package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both real FDA samples (current FAERS 2017Q2, legacy LAERS 2004Q1) ingest with every line accounted for, read back
 * with DuckDB. Expected counts are the data lines of each file (wc -l minus the header; data-samples/faers/real).
 */
class FaersRealSamplesTest {

    private static final Quarter Q2017 = Quarter.parse("2017Q2");
    private static final Quarter Q2004 = Quarter.parse("2004Q1");

    @TempDir
    static Path work;
    static Lake lake;
    static DuckLake duck;
    static Cli current;
    static Cli legacy;

    @BeforeAll
    static void ingestBoth() throws Exception {
        lake = new Lake(work.resolve("lake"));
        current = Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake", lake.root().toString());
        legacy = Cli.run("ingest", "faers", "--input", Samples.laers2004q1().toString(), "--lake", lake.root().toString());
        duck = new DuckLake();
    }

    @AfterAll
    static void closeDuck() throws Exception {
        duck.close();
    }

    @Test
    void bothCompleteWithoutRejects() {
        assertEquals(ExitCodes.OK, current.exitCode(), current::toString);
        assertEquals(ExitCodes.OK, legacy.exitCode(), legacy::toString);
        assertTrue(current.out().contains("total                                1165         1165          0"),
                current::toString);
        assertTrue(legacy.out().contains("total                                1383         1383          0"),
                legacy::toString);
    }

    @Test
    void currentLayoutRowCountsPerTable() throws Exception {
        assertRowCounts(Q2017, 100, 328, 286, 75, 2, 142, 232);
    }

    @Test
    void legacyLayoutRowCountsPerTable() throws Exception {
        assertRowCounts(Q2004, 100, 386, 416, 93, 119, 145, 124);
    }

    /** @param counts DEMO, DRUG, REAC, OUTC, RPSR, THER, INDI; no sample has a deleted-case list */
    private static void assertRowCounts(Quarter quarter, long... counts) throws Exception {
        FaersTable[] tables = FaersTable.values();
        for (int i = 0; i < tables.length; i++) {
            long expected = tables[i] == FaersTable.DELETED ? 0 : counts[i];
            assertEquals(expected, duck.count(lake.faersPartition(tables[i], quarter)), quarter + " " + tables[i]);
        }
    }

    @Test
    void currentLayoutValuesAndPartialDates() throws Exception {
        Map<String, Object> demo = duck.rows("SELECT * FROM " + DuckLake.parquet(lake.faersTable(FaersTable.DEMO))
                + " WHERE primaryid = '109792364'").get(0);
        assertEquals("10979236", demo.get("caseid"));
        assertEquals("4", demo.get("caseversion"));
        assertEquals("2003", demo.get("event_dt"));
        assertEquals(LocalDate.of(2003, 1, 1), toLocalDate(demo.get("event_dt_date")));
        assertEquals("year", demo.get("event_dt_precision"));
        assertEquals(LocalDate.of(2017, 4, 6), toLocalDate(demo.get("fda_dt_date")));
        assertEquals("day", demo.get("fda_dt_precision"));
        assertEquals("A", demo.get("age_grp"));
        assertNull(demo.get("age"));
        assertEquals("M", demo.get("sex"));
        assertEquals("2017Q2", demo.get("quarter"));
        assertEquals(2L, ((Number) demo.get("line_no")).longValue());

        Map<String, Object> drug = duck.rows("SELECT * FROM " + DuckLake.parquet(lake.faersTable(FaersTable.DRUG))
                + " WHERE primaryid = '109792364' AND drug_seq = '1'").get(0);
        assertEquals("RISPERDAL", drug.get("drugname"));
        assertEquals("RISPERIDONE", drug.get("prod_ai"));
        assertEquals("PS", drug.get("role_cod"));
        assertEquals("020272", drug.get("nda_num"), "leading zero kept");

        Map<String, Object> ther = duck.rows("SELECT * FROM " + DuckLake.parquet(lake.faersTable(FaersTable.THER))
                + " WHERE primaryid = '115630624'").get(0);
        assertEquals("201507", ther.get("end_dt"));
        assertEquals("month", ther.get("end_dt_precision"));
        assertEquals(LocalDate.of(2015, 7, 1), toLocalDate(ther.get("end_dt_date")));
    }

    @Test
    void legacyColumnsAreMappedByNameNotPosition() throws Exception {
        Map<String, Object> demo = duck.rows("SELECT * FROM " + DuckLake.parquet(lake.faersPartition(FaersTable.DEMO,
                Q2004)) + " WHERE primaryid = '4264028'").get(0);
        assertEquals("4064419", demo.get("caseid"), "case -> caseid");
        assertEquals("I", demo.get("i_f_code"), "i_f_cod -> i_f_code");
        assertEquals("F", demo.get("sex"), "gndr_cod -> sex");
        assertEquals("4264028-7", demo.get("image"), "legacy-only column kept");
        assertEquals("71", demo.get("wt"));
        assertNull(demo.get("caseversion"), "absent in LAERS: null, never shifted");
        assertNull(demo.get("occr_country"));

        List<Map<String, Object>> drug = duck.rows("SELECT caseid, drug_seq, drugname, prod_ai FROM "
                + DuckLake.parquet(lake.faersPartition(FaersTable.DRUG, Q2004)) + " WHERE primaryid = '4263742'"
                + " ORDER BY line_no");
        assertEquals("1004492716", drug.get(0).get("drug_seq"));
        assertEquals("TAVOR", drug.get(0).get("drugname"));
        assertNull(drug.get(0).get("caseid"), "LAERS DRUG has no case column");
        assertNull(drug.get(0).get("prod_ai"));

        assertEquals(145L, ((Number) duck.single("SELECT count(dsg_drug_seq) FROM "
                + DuckLake.parquet(lake.faersPartition(FaersTable.THER, Q2004)))).longValue(), "drug_seq -> dsg_drug_seq");
        assertEquals(124L, ((Number) duck.single("SELECT count(indi_drug_seq) FROM "
                + DuckLake.parquet(lake.faersPartition(FaersTable.INDI, Q2004)))).longValue(), "drug_seq -> indi_drug_seq");
    }

    @Test
    void manifestAndEmptyRejectsArePublished() throws Exception {
        String manifest = Files.readString(lake.faersManifest(Q2017));
        assertTrue(manifest.contains("\"DRUG17Q2.txt\""), manifest);
        assertTrue(manifest.contains("\"sha256\""), manifest);
        assertTrue(Files.isDirectory(lake.faersRejects(Q2017)));
        try (var files = Files.list(lake.faersRejects(Q2017))) {
            assertEquals(0, files.count(), "no reject file when no line is rejected");
        }
        assertFalse(Files.exists(lake.staging().resolve("faersIngest-1")), "staging removed after publish");
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
