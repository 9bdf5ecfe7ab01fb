package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.lake.Lake;
import org.iago.lake.RegistryTable;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case tables and registry CSVs are read as RFC 4180 records: a quoted field may hold a line break, the record is
 * written whole (never a fragment), line numbers stay physical, and a quote left open on the last line is one
 * rejected record (left open earlier, it refuses the file).
 */
class QuotedLineBreaksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REGISTRY_FIXTURE = Path.of("src/test/resources/registry-fixture").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void aCaseTableRecordSpanningLinesIsWrittenWholeAndAnOpenQuoteIsRejected() throws Exception {
        Path csv = Files.writeString(work.resolve("cases.csv"), "id,drug,event,strat1\r\n"
                + "1,\"DRUG\r\nWITH BREAK\",EVENT,Male\r\n"
                + "2,X,Y,Female\r\n"
                + "3,\"OPEN,Y,Z,Male\r\n", StandardCharsets.UTF_8);
        Lake lake = new Lake(work.resolve("lake"));

        Cli run = Cli.run("ingest", "cases", "--input", csv.toString(), "--lake", lake.root().toString(), "--source",
                "small", "--id", "id", "--drug", "drug", "--event", "event", "--strata", "strat1",
                "--max-reject-fraction", "0.5");

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s).*cases\\.csv\\s+3\\s+2\\s+1\\n.*"),
                "three records: two written, one rejected: " + run);
        try (DuckLake duck = new DuckLake()) {
            List<Map<String, Object>> rows = duck.rows("SELECT id, drug, line_no FROM "
                    + DuckLake.parquet(lake.casesPartition("small")) + " ORDER BY line_no");
            assertEquals(2, rows.size(), rows::toString);
            assertEquals("DRUG\nWITH BREAK", rows.get(0).get("drug"));
            assertEquals(2L, ((Number) rows.get(0).get("line_no")).longValue(), "the record's first line");
            assertEquals("2", rows.get(1).get("id"));
            assertEquals(4L, ((Number) rows.get(1).get("line_no")).longValue(), "the next record keeps its line");
        }
        List<JsonNode> rejects = rejects(lake.casesRejects("small").resolve("cases.jsonl"));
        assertEquals(1, rejects.size(), rejects::toString);
        assertEquals(5, rejects.get(0).get("line").asLong());
        assertEquals("the file ends inside a quoted field that this record opens: a quote is missing",
                rejects.get(0).get("reason").asText());
        assertEquals("3,\"OPEN,Y,Z,Male", rejects.get(0).get("raw").asText());
    }

    /** A quote left open before the last line would make every later record one reject: the file is refused. */
    @Test
    void aQuoteLeftOpenBeforeTheLastLineRefusesTheFile() throws Exception {
        Path csv = Files.writeString(work.resolve("cases.csv"), "id,drug,event,strat1\n"
                + "1,A,B,Male\n"
                + "2,\"OPEN,Y,Z,Male\n"
                + "3,A,B,Male\n"
                + "4,A,B,Male\n", StandardCharsets.UTF_8);
        Lake lake = new Lake(work.resolve("lake"));

        Cli run = Cli.run("ingest", "cases", "--input", csv.toString(), "--lake", lake.root().toString(), "--source",
                "small", "--id", "id", "--drug", "drug", "--event", "event", "--max-reject-fraction", "1");

        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("iago: cases.csv: the quote opened in the record at line 3 is never closed, so"
                + " lines 3 to 5 would be one record"), run::toString);
        assertFalse(Files.exists(lake.casesPartition("small")), "nothing published");
    }

    @Test
    void aRegistryRecordSpanningLinesIsWrittenWholeAndLaterLinesKeepTheirNumbers() throws Exception {
        Path extract = Files.createDirectory(work.resolve("extract"));
        try (var files = Files.list(REGISTRY_FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, extract.resolve(f.getFileName()));
            }
        }
        Path patients = extract.resolve("patients.csv");
        Files.writeString(patients, Files.readString(patients).replace("\"DLBCL, transformed\"",
                "\"DLBCL,\ntransformed\""));
        Files.writeString(patients, "P010,BREYANZI,2023-07-01,58,X,DLBCL,1,C03\n", StandardOpenOption.APPEND);
        Path management = extract.resolve("management.csv");
        long managementLines = Files.readAllLines(management).size();
        Files.writeString(management, "P001,\"open\n", StandardOpenOption.APPEND);
        Lake lake = new Lake(work.resolve("lake"));

        Cli run = Cli.run("ingest", "registry", "--input", extract.toString(), "--lake", lake.root().toString(),
                "--conf", Samples.root().resolveSibling("conf").toString(), "--max-reject-fraction", "1");

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals("DLBCL,\ntransformed", duck.single("SELECT disease FROM "
                    + DuckLake.parquet(lake.registryTable(RegistryTable.PATIENTS)) + " WHERE patient_id = 'P009'"));
            assertEquals(11L, ((Number) duck.single("SELECT line_no FROM " + DuckLake.parquet(lake.registryTable(
                    RegistryTable.PATIENTS)) + " WHERE patient_id = 'P009'")).longValue());
        }
        List<JsonNode> patientRejects = rejects(lake.registryRejects().resolve("patients.jsonl"));
        JsonNode last = patientRejects.get(patientRejects.size() - 1);
        assertEquals(13, last.get("line").asLong(), "P010 is on physical line 13: " + patientRejects);
        assertTrue(last.get("reason").asText().startsWith("sex 'X' is not one of"), last::toString);
        List<JsonNode> managementRejects = rejects(lake.registryRejects().resolve("management.jsonl"));
        JsonNode open = managementRejects.get(managementRejects.size() - 1);
        assertEquals(managementLines + 1, open.get("line").asLong());
        assertEquals("the file ends inside a quoted field that this record opens: a quote is missing",
                open.get("reason").asText());
    }

    private static List<JsonNode> rejects(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
