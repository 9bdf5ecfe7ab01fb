package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic case-level path, on openEBGM's CAERS table (20,156 rows, 3,356 reports; data-samples/caers). */
class CasesIngestTest {

    @TempDir
    Path work;

    @Test
    void caersIngestsEveryRowWithItsStratum() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        Cli run = ingestCaers(Samples.caers(), lake);

        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        try (DuckLake duck = new DuckLake()) {
            String cases = DuckLake.parquet(lake.casesPartition("caers"));
            assertEquals(20_156L, duck.count(lake.casesPartition("caers")));
            assertEquals(3_356L, ((Number) duck.single("SELECT count(DISTINCT id) FROM " + cases)).longValue());
            Map<String, Object> first = duck.rows("SELECT * FROM " + cases + " ORDER BY line_no LIMIT 1").get(0);
            assertEquals("147289", first.get("id"));
            assertEquals("PREVAGEN", first.get("drug"));
            assertEquals("BRAIN NEOPLASM", first.get("event"));
            assertEquals("Female", first.get("strat1"));
            assertEquals(2L, ((Number) first.get("line_no")).longValue());
            assertEquals("caers", first.get("source"), "Hive partition column");
        }
        String manifest = Files.readString(lake.casesManifest("caers"));
        assertTrue(manifest.contains("\"drug\" : \"var1\""), manifest);
        // the column names in one order in every run (they were a Map.of, whose order changes between JVMs)
        assertTrue(manifest.replaceAll("\\s", "").contains(
                "\"columns\":{\"id\":\"id\",\"drug\":\"var1\",\"event\":\"var2\",\"strata\":[\"strat1\"]}"), manifest);
    }

    @Test
    void malformedRowsAreRejectedAndMissingColumnsFail() throws Exception {
        Path csv = work.resolve("small.csv");
        Files.write(csv, List.of("\"id\",\"var1\",\"var2\",\"strat1\"",
                "1,\"DRUG, WITH COMMA\",\"EVENT\",\"Male\"",
                "2,\"ONLY THREE\",\"FIELDS\"",
                "3,,\"NO DRUG\",\"Female\"",
                "4,\"X\",\"Y\",\"\""));
        Lake lake = new Lake(work.resolve("lake"));
        Cli run = Cli.run("ingest", "cases", "--input", csv.toString(), "--lake", lake.root().toString(), "--source",
                "small", "--id", "id", "--drug", "var1", "--event", "var2", "--strata", "strat1",
                "--max-reject-fraction", "0.5");

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        List<String> rejects = Files.readAllLines(lake.casesRejects("small").resolve("cases.jsonl"));
        assertEquals(2, rejects.size(), rejects::toString);
        assertTrue(rejects.get(0).contains("\"line\":3") && rejects.get(0).contains("found 3"), rejects::toString);
        assertTrue(rejects.get(1).contains("\"line\":4") && rejects.get(1).contains("var1 is empty"),
                rejects::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals("DRUG, WITH COMMA", duck.single("SELECT drug FROM "
                    + DuckLake.parquet(lake.casesPartition("small")) + " WHERE id = '1'"));
            assertEquals(2L, duck.count(lake.casesPartition("small")));
        }

        Cli missing = Cli.run("ingest", "cases", "--input", csv.toString(), "--lake", lake.root().toString(),
                "--source", "other", "--id", "report", "--drug", "var1", "--event", "var2");
        assertEquals(ExitCodes.FAILED, missing.exitCode(), missing::toString);
        assertTrue(missing.out().contains("no column 'report' in the header"), missing::toString);
        assertFalse(Files.exists(lake.casesPartition("other")));
    }

    @Test
    void reingestingASourceReplacesIt() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        Path csv = work.resolve("caers.csv");
        Files.copy(Samples.caers(), csv);
        assertEquals(ExitCodes.OK, ingestCaers(csv, lake).exitCode());
        Files.writeString(csv, "999999,\"NEW PRODUCT\",\"NEW EVENT\",\"Male\"\n", StandardOpenOption.APPEND);
        assertEquals(ExitCodes.OK, ingestCaers(csv, lake).exitCode());
        try (DuckLake duck = new DuckLake()) {
            assertEquals(20_157L, duck.count(lake.casesPartition("caers")), "replaced, not appended");
        }
    }

    private static Cli ingestCaers(Path csv, Lake lake) {
        return Cli.run("ingest", "cases", "--input", csv.toString(), "--lake", lake.root().toString(), "--source",
                "caers", "--id", "id", "--drug", "var1", "--event", "var2", "--strata", "strat1");
    }
}
