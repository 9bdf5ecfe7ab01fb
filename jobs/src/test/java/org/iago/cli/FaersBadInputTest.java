package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a clear error and loses nothing: one fixture per kind of defect, each a copy of the real 2017Q2 sample
 * with one line added. Line defects are rejected with file, line number, reason and the raw line (exit 3); file
 * defects fail the run with nothing published (exit 1).
 */
class FaersBadInputTest {

    private static final Quarter Q = Quarter.parse("2017Q2");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** A line appended to a file of the sample, the reason it must be rejected for, and its table. */
    static Stream<Arguments> lineDefects() {
        byte[] invalidUtf8 = concat(ascii("109792364$10979236$Abnormal weight gain"),
                new byte[] {(byte) 0xC3, 0x28, '$'});
        return Stream.of(
                Arguments.of("field count", FaersTable.DRUG,
                        ascii("109792364$10979236$2$SS$ASPIRIN$ASPIRIN$1$Oral$$$$U$U$$$$$$"),
                        "expected 20 '$'-separated fields as in the header, found 19"),
                Arguments.of("collapsed line", FaersTable.DRUG,
                        ascii("109792364$10979236$2$SS$ASPIRIN$ASPIRIN$1$Oral$$$$U$U$$$$$$$109792364$10979236$3$C$"
                                + "X$X$1$Oral$$$$U$U$$$$$$$"),
                        "expected 20 '$'-separated fields as in the header, found 39"),
                Arguments.of("bad key date", FaersTable.DEMO,
                        ascii(String.join("$", "999999991", "99999999", "1", "I", "", "", "20170101", "20171345",
                                "EXP", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "US", "US")),
                        "fda_dt '20171345' is not a valid YYYYMMDD date"),
                Arguments.of("invalid UTF-8", FaersTable.REAC, invalidUtf8,
                        "not valid UTF-8: malformed byte sequence at byte 40 of the line"),
                Arguments.of("empty key", FaersTable.REAC, ascii("$10979236$Nausea$"), "primaryid is empty"),
                Arguments.of("non-numeric key", FaersTable.DRUG,
                        ascii("109792364$10979236$two$PS$ASPIRIN$ASPIRIN$1$Oral$$$$U$U$$$$$$$"),
                        "drug_seq 'two' is not a number"),
                Arguments.of("unknown role code", FaersTable.DRUG,
                        ascii("109792364$10979236$2$XX$ASPIRIN$ASPIRIN$1$Oral$$$$U$U$$$$$$$"),
                        "role_cod 'XX' is not one of PS, SS, C, I"),
                Arguments.of("missing payload", FaersTable.REAC, ascii("109792364$10979236$$"), "pt is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineDefects")
    void lineDefectIsRejectedWithFileLineReasonAndRawLine(String kind, FaersTable table, byte[] line, String reason)
            throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Path file = extract.resolve("ascii/" + table.filePrefix() + "17Q2.txt");
        long physicalLines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).size();
        Files.write(file, concat(line, new byte[] {'\n'}), StandardOpenOption.APPEND);
        Lake lake = new Lake(work.resolve("lake"));

        Cli run = Cli.run("ingest", "faers", "--input", extract.toString(), "--lake", lake.root().toString());

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, run.exitCode(), run::toString);
        List<JsonNode> rejects = rejects(lake.faersRejects(Q).resolve(table.lakeName() + ".jsonl"));
        assertEquals(1, rejects.size(), rejects::toString);
        JsonNode reject = rejects.get(0);
        assertEquals(file.getFileName().toString(), reject.get("file").asText());
        assertEquals(physicalLines + 1, reject.get("line").asLong());
        assertEquals(reason, reject.get("reason").asText());
        byte[] raw = reject.has("rawBase64") ? Base64.getDecoder().decode(reject.get("rawBase64").asText())
                : reject.get("raw").asText().getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(line, StandardCharsets.ISO_8859_1), new String(raw, StandardCharsets.ISO_8859_1));
        try (DuckLake duck = new DuckLake()) {
            assertEquals(physicalLines - 1, duck.count(lake.faersPartition(table, Q)), "every good line written");
        }
        assertTrue(run.out().matches("(?s).*" + file.getFileName() + "\\s+" + physicalLines + "\\s+"
                + (physicalLines - 1) + "\\s+1\\n.*"), "the summary accounts for the line: " + run);
    }

    @Test
    void unknownHeaderColumnFailsTheFileAndPublishesNothing() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        replaceFirstLine(extract.resolve("ascii/REAC17Q2.txt"), "primaryid$caseid$pt_text$drug_rec_act");
        Cli run = ingest(extract);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("REAC17Q2.txt: unknown column 'pt_text' in the header"), run::toString);
        assertNothingPublished();
    }

    @Test
    void missingRequiredColumnFailsTheFile() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Path outc = extract.resolve("ascii/OUTC17Q2.txt");
        Samples.dropFirstColumn(outc);
        Cli run = ingest(extract);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("required column 'primaryid' is missing"), run::toString);
        assertNothingPublished();
    }

    @Test
    void mostlyBadFileIsRefusedAndTheEarlierPartitionSurvives() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        assertEquals(ExitCodes.OK, ingest(extract).exitCode());
        Path drug = extract.resolve("ascii/DRUG17Q2.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(drug));
        for (int i = 1; i <= 10; i++) {
            lines.set(i, lines.get(i) + "$extra");
        }
        Files.write(drug, lines);

        Cli run = ingest(extract);

        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("DRUG17Q2.txt: more than 3 of its 328 lines are malformed"), run::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals(328, duck.count(lake().faersPartition(FaersTable.DRUG, Q)), "old partition intact");
        }
        Cli relaxed = Cli.run("ingest", "faers", "--input", extract.toString(), "--lake", lake().root().toString(),
                "--max-reject-fraction", "0.05");
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, relaxed.exitCode(), relaxed::toString);
        assertTrue(relaxed.out().contains("execution 3"), "the failed run is resumed, not started anew: " + relaxed);
        try (DuckLake duck = new DuckLake()) {
            assertEquals(318, duck.count(lake().faersPartition(FaersTable.DRUG, Q)));
        }
    }

    @Test
    void declaredEncodingDecidesWhatIsValid() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        byte[] latin1 = "109792364$10979236$Ecz\u00e9ma$".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(extract.resolve("ascii/REAC17Q2.txt"), concat(latin1, new byte[] {'\n'}), StandardOpenOption.APPEND);

        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, ingest(extract).exitCode());
        Cli windows = Cli.run("ingest", "faers", "--input", extract.toString(), "--lake",
                work.resolve("lake1252").toString(), "--encoding", "windows-1252");
        assertEquals(ExitCodes.OK, windows.exitCode(), windows::toString);
        try (DuckLake duck = new DuckLake()) {
            assertEquals("Ecz\u00e9ma", duck.single("SELECT pt FROM " + DuckLake.parquet(work.resolve(
                    "lake1252/faers/reac")) + " WHERE line_no = 288"));
        }
    }

    @Test
    void missingTableFileIsAClearError() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Files.delete(extract.resolve("ascii/RPSR17Q2.txt"));
        Cli run = ingest(extract);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is not a complete FAERS quarterly extract: no RPSR file"), run::toString);
        assertNothingPublished();
    }

    @Test
    void emptyFileIsAClearError() throws Exception {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Files.write(extract.resolve("ascii/INDI17Q2.txt"), new byte[0]);
        Cli run = ingest(extract);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("INDI17Q2.txt is empty: it has no header row"), run::toString);
        assertNothingPublished();
    }

    @Test
    void declaredQuarterMustAgreeWithFileNames() throws Exception {
        Cli run = Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake().root().toString(), "--quarter", "2017Q3");
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--quarter 2017Q3 disagrees with the file names"), run::toString);
    }

    @Test
    void inputThatIsNoExtractIsAClearError() throws Exception {
        Path junk = Files.writeString(work.resolve("junk.zip"), "not a zip");
        Cli run = ingest(junk);
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is neither a folder nor a readable zip"), run::toString);
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli run = Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Missing required option: '--lake=<dir>'"), run::toString);
        assertEquals(ExitCodes.OK, Cli.run("ingest", "faers", "--help").exitCode());
    }

    private Lake lake() {
        return new Lake(work.resolve("lake"));
    }

    private Cli ingest(Path input) {
        return Cli.run("ingest", "faers", "--input", input.toString(), "--lake", lake().root().toString());
    }

    private void assertNothingPublished() {
        for (FaersTable t : FaersTable.values()) {
            assertFalse(Files.exists(lake().faersPartition(t, Q)), t + " must not be published");
        }
        assertFalse(Files.exists(lake().faersManifest(Q)));
    }

    private static List<JsonNode> rejects(Path file) throws IOException {
        assertNotNull(file);
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static void replaceFirstLine(Path file, String header) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, header);
        Files.write(file, lines);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
