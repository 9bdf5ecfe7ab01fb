package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.ingest.Reject;
import org.iago.lake.Lake;
import org.iago.lake.RegistryTable;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest registry} on an invented extract (jobs/src/test/resources/registry-fixture) that breaks every
 * validation rule once, each on a known line.
 */
class RegistryIngestTest {

    private static final Path FIXTURE = Path.of("src/test/resources/registry-fixture").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** file → line → what the reason says. */
    private static final Map<String, Map<Long, String>> EXPECTED_REJECTS = Map.of(
            "patients", Map.of(6L, "product 'UNKNOWNCEL' is not in the product dictionary",
                    7L, "patient_id P001 is already on line 2",
                    8L, "infusion_date '2023-13-01' is not a date",
                    9L, "age_years 130 is outside 0..120",
                    10L, "sex 'X' is not one of"),
            "outcomes", Map.of(6L, "patient_id P004 already has an outcome on line 5",
                    7L, "patient_id P005 has no accepted row in patients.csv",
                    8L, "relapse_date 2023-06-01 is before infusion_date 2023-07-01",
                    9L, "death_cause OTHER without a death_date"),
            "toxicities", Map.of(5L, "resolution_date 2023-02-02 is before onset_date 2023-02-03",
                    6L, "onset_date 2023-03-14 is before the infusion_date 2023-03-15",
                    7L, "onset_date 2023-04-02 is after the end of follow-up 2023-04-01",
                    8L, "grade 5 is outside CARTOX grades 1..4",
                    9L, "oxygen 'SIDEWAYS' is not one of",
                    10L, "patient_id P099 has no accepted row",
                    11L, "patient_id P005 has no accepted row",
                    13L, "expected 14 comma-separated fields as in the header, found 8",
                    15L, "grade 2 without a grading_system"),
            "infections", Map.of(4L, "prophylaxis POSACONAZOLE named but on_prophylaxis is not Y",
                    5L, "pathogen_class 'PRION' is not one of"),
            "labs", Map.of(4L, "day 30 is after the end of follow-up (day 17)",
                    5L, "neither anc_per_ul nor platelets_per_ul is given",
                    6L, "day -40 is outside -30.."),
            "management", Map.of(4L, "end_date 2023-05-01 is before start_date 2023-06-01"),
            "neoplasms", Map.of(3L, "diagnosis_date 2024-01-01 is after the end of follow-up 2023-12-01"));

    private static final Map<RegistryTable, Long> EXPECTED_WRITTEN = Map.of(RegistryTable.PATIENTS, 5L,
            RegistryTable.OUTCOMES, 4L, RegistryTable.TOXICITIES, 5L, RegistryTable.INFECTIONS, 2L,
            RegistryTable.LABS, 2L, RegistryTable.MANAGEMENT, 2L, RegistryTable.NEOPLASMS, 1L);

    @TempDir
    Path work;

    @Test
    void everyLineIsWrittenOrRejectedWithItsReason() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        Cli run = ingest(FIXTURE, lake, "--max-reject-fraction", "1");

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        for (RegistryTable table : RegistryTable.values()) {
            Map<Long, String> expected = EXPECTED_REJECTS.get(table.lakeName());
            Map<Long, Reject> rejects = rejects(lake, table);
            assertEquals(new TreeMap<>(expected).keySet(), rejects.keySet(), table.lakeName());
            for (Map.Entry<Long, String> e : expected.entrySet()) {
                Reject r = rejects.get(e.getKey());
                assertTrue(r.reason().contains(e.getValue()), table + " line " + e.getKey() + ": " + r.reason());
                assertEquals(table.fileName(), r.file());
                assertEquals(Files.readAllLines(FIXTURE.resolve(table.fileName())).get((int) r.line() - 1), r.raw());
            }
        }
        try (DuckLake duck = new DuckLake()) {
            for (RegistryTable table : RegistryTable.values()) {
                assertEquals(EXPECTED_WRITTEN.get(table), duck.count(lake.registryTable(table)), table.lakeName());
            }
            Map<String, Object> p002 = duck.rows("SELECT * FROM " + DuckLake.parquet(lake.registryTable(
                    RegistryTable.PATIENTS)) + " WHERE patient_id = 'P002'").get(0);
            assertEquals("CARVYKTI", p002.get("product"), "code name resolved to the brand");
            assertEquals("BCMA", p002.get("target"));
            assertEquals(LocalDate.of(2023, 2, 1), p002.get("infusion_date"));
            assertEquals(4L, ((Number) p002.get("prior_lines")).longValue());
            assertEquals("DLBCL, transformed", duck.single("SELECT disease FROM " + DuckLake.parquet(
                    lake.registryTable(RegistryTable.PATIENTS)) + " WHERE patient_id = 'P009'"));
            assertEquals(39.2, ((Number) duck.single("SELECT max_temp_c FROM " + DuckLake.parquet(
                    lake.registryTable(RegistryTable.TOXICITIES)) + " WHERE line_no = 2")).doubleValue());
            assertEquals(1L, ((Number) duck.single("SELECT count(*) FROM " + DuckLake.parquet(
                    lake.registryTable(RegistryTable.TOXICITIES)) + " WHERE patient_id = 'P009'")).longValue(),
                    "a patient without an accepted outcome is checked against the infusion only");
        }
        String manifest = Files.readString(lake.registryManifest());
        assertTrue(manifest.contains("\"file\" : \"toxicities.csv\"") && manifest.contains("\"sha256\""), manifest);
        assertTrue(run.out().matches("(?s).*total\\s+46\\s+21\\s+25\\n.*"), run::toString);

        Cli runs = Cli.run("runs", "--lake", lake.root().toString(), "--steps");
        assertTrue(runs.out().matches("(?s).*registryIngest\\s+1\\s+\\S+ \\S+\\s+\\S+ \\S+\\s+COMPLETED\\s+46\\s+21\\s+25\\n.*"),
                runs::toString);
        assertTrue(runs.out().matches("(?s).*toxicitiesLoad\\s+COMPLETED\\s+5\\s+5\\s+9\\n.*"), runs::toString);
    }

    @Test
    void theCommittedSyntheticSampleLosesExactlyItsPlantedDefects() throws Exception {
        Path sample = Samples.root().resolve("registry");
        Lake lake = new Lake(work.resolve("lake"));
        Cli run = ingest(sample, lake);

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        List<String> planted = new ArrayList<>();
        for (var d : JSON.readTree(sample.resolve("manifest.json").toFile()).get("defects")) {
            planted.add(d.get("file").asText() + ":" + d.get("line").asLong());
        }
        List<String> rejected = new ArrayList<>();
        for (RegistryTable table : RegistryTable.values()) {
            rejects(lake, table).values().forEach(r -> rejected.add(r.file() + ":" + r.line()));
        }
        assertEquals(planted.stream().sorted().toList(), rejected.stream().sorted().toList());
        try (DuckLake duck = new DuckLake()) {
            assertEquals(1000L, duck.count(lake.registryTable(RegistryTable.PATIENTS)));
        }
    }

    @Test
    void aFailedRunPublishesNothingAndTheSameCommandResumesIt() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        Cli strict = ingest(FIXTURE, lake);
        assertEquals(ExitCodes.FAILED, strict.exitCode(), strict::toString);
        assertTrue(strict.out().contains("patients.csv"), strict::toString);
        assertFalse(Files.exists(lake.registryTable(RegistryTable.PATIENTS)));

        Cli resumed = ingest(FIXTURE, lake, "--max-reject-fraction", "1");
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("job instance 1,"), "the failed instance was restarted: " + resumed);
        Lake clean = new Lake(work.resolve("clean"));
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, ingest(FIXTURE, clean, "--max-reject-fraction", "1")
                .exitCode());
        try (DuckLake duck = new DuckLake()) {
            for (RegistryTable table : RegistryTable.values()) {
                String a = DuckLake.parquet(lake.registryTable(table));
                String b = DuckLake.parquet(clean.registryTable(table));
                assertEquals(0L, ((Number) duck.single("SELECT count(*) FROM (SELECT * FROM " + a
                        + " EXCEPT ALL SELECT * FROM " + b + ")")).longValue(), table.lakeName());
                assertEquals(duck.count(clean.registryTable(table)), duck.count(lake.registryTable(table)));
            }
        }
    }

    @Test
    void aMissingColumnFailsBeforeAnythingIsPublishedAndANewExtractReplacesTheOld() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, ingest(FIXTURE, lake, "--max-reject-fraction", "1")
                .exitCode());

        Path extract = copyOfFixture();
        List<String> labs = Files.readAllLines(extract.resolve("labs.csv"));
        labs.set(0, "patient_id,day,anc_per_ul");
        Files.write(extract.resolve("labs.csv"), labs);
        Cli broken = ingest(extract, lake, "--max-reject-fraction", "1");
        assertEquals(ExitCodes.FAILED, broken.exitCode(), broken::toString);
        assertTrue(broken.out().contains("labs.csv: the header has no column platelets_per_ul"), broken::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals(5L, duck.count(lake.registryTable(RegistryTable.PATIENTS)), "the previous extract stays");
        }

        Path smaller = copyOfFixture();
        List<String> patients = Files.readAllLines(smaller.resolve("patients.csv"));
        Files.write(smaller.resolve("patients.csv"), patients.subList(0, 3));
        Cli replaced = ingest(smaller, lake, "--max-reject-fraction", "1");
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, replaced.exitCode(), replaced::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals(2L, duck.count(lake.registryTable(RegistryTable.PATIENTS)), "replaced, not appended");
            assertEquals(0L, ((Number) duck.single("SELECT count(*) FROM " + DuckLake.parquet(lake.registryTable(
                    RegistryTable.TOXICITIES)) + " WHERE patient_id NOT IN ('P001', 'P002')")).longValue());
        }

        Files.delete(smaller.resolve("neoplasms.csv"));
        Cli missingFile = ingest(smaller, lake);
        assertEquals(ExitCodes.FAILED, missingFile.exitCode(), "a bad input, not a usage error: " + missingFile);
        assertTrue(missingFile.err().contains("has no neoplasms.csv"), missingFile::toString);
    }

    private Path copyOfFixture() throws IOException {
        Path copy = Files.createTempDirectory(work, "extract");
        try (var files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static Map<Long, Reject> rejects(Lake lake, RegistryTable table) throws IOException {
        Path file = lake.registryRejects().resolve(table.lakeName() + ".jsonl");
        Map<Long, Reject> byLine = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                Reject r = JSON.readValue(line, Reject.class);
                byLine.put(r.line(), r);
            }
        }
        return byLine;
    }

    private static Cli ingest(Path extract, Lake lake, String... options) {
        List<String> args = new ArrayList<>(List.of("ingest", "registry", "--input", extract.toString(), "--lake",
                lake.root().toString(), "--conf", Samples.root().resolveSibling("conf").toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }
}
