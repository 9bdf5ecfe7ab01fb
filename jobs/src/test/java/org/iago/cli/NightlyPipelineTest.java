package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.iago.batch.RunLock;
import org.iago.lake.Lake;
import org.iago.csv.CsvTable;
import org.iago.disproportionality.MaskingTable;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightly runs over two successive synthetic quarters. The generator plants CARVYKTI × Guillain-Barré syndrome
 * from the second quarter on: the first run does not signal it, the second lists it as NEW in its status table and in
 * the report's "what is new" table, while the signals planted from the first quarter are no longer new. The second run
 * skips the quarter it already ingested; {@code latest} moves only when a run succeeds; a second run on the same lake
 * is refused while the first holds the lock.
 */
class NightlyPipelineTest {

    private static final String GBS = "Guillain-Barre syndrome/neuropathy";

    @TempDir
    static Path work;
    static NightlyWorkspace nightly;

    @BeforeAll
    static void synthesise() throws Exception {
        nightly = NightlyWorkspace.synthesise(work, 6_000);
    }

    @Test
    void theSignalThatEmergesInTheSecondQuarterIsNewInTheSecondRun() throws Exception {
        Files.copy(work.resolve("synth/faers_ascii_2024q1.zip"), nightly.inbox().resolve("faers_ascii_2024q1.zip"));
        try (RunLock held = RunLock.acquire(new Lake(work.resolve("lake")).defaultState(), "nightly run 99")) {
            Cli refused = Cli.run("nightly", "--config", nightly.config().toString());
            assertEquals(ExitCodes.FAILED, refused.exitCode(), refused::toString);
            assertTrue(refused.err().contains("held by nightly run 99 (pid " + ProcessHandle.current().pid()
                    + ", since "), refused::toString);
        }
        assertFalse(Files.exists(nightly.out().resolve("latest")), "the refused run left no run behind");

        Cli first = Cli.run("nightly", "--config", nightly.config().toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        Path firstRun = Files.readSymbolicLink(nightly.out().resolve("latest"));
        Map<String, String> before = statuses(nightly.out().resolve(firstRun));
        assertTrue(before.keySet().stream().noneMatch(k -> k.contains("|BCMA|" + GBS) || k.contains("|CARVYKTI|"
                + GBS)), before::toString);
        assertEquals("NEW", before.get("target|BCMA|Cranial nerve palsy|ror"), "first run: everything is new");

        Files.copy(work.resolve("synth/faers_ascii_2024q2.zip"), nightly.inbox().resolve("faers_ascii_2024q2.zip"));
        Cli second = Cli.run("nightly", "--config", nightly.config().toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        assertTrue(second.out().contains("1 extracts ingested: faers 2024Q2 (faers_ascii_2024q2.zip); 1 already"
                + " ingested with the same SHA-256"), second::toString);
        Path secondRun = Files.readSymbolicLink(nightly.out().resolve("latest"));
        assertFalse(secondRun.equals(firstRun), "latest moved to the second run");
        Map<String, String> after = statuses(nightly.out().resolve(secondRun));
        for (String pair : List.of("target|BCMA|" + GBS + "|", "product|CARVYKTI|" + GBS + "|")) {
            Map<String, String> methods = after.entrySet().stream().filter(e -> e.getKey().startsWith(pair))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertTrue(methods.keySet().containsAll(List.of(pair + "prr", pair + "ror", pair + "ic")), second::toString);
            assertTrue(methods.values().stream().allMatch("NEW"::equals), methods::toString);
        }
        assertTrue(List.of("ONGOING", "STRENGTHENED", "WEAKENED").contains(
                after.get("target|BCMA|Cranial nerve palsy|ror")), "planted from the first quarter: not new");

        CsvTable masking = CsvTable.read(nightly.out().resolve(secondRun).resolve(RunLayout.signals(RunLayout.TARGET,
                RunLayout.MASKING_CSV)));
        assertEquals(MaskingTable.COLUMNS, masking.columns());
        assertTrue(masking.rows().stream().anyMatch(r -> r.get("drug").equals("BCMA") && r.get("event").equals(GBS)
                && r.get("removal").equals("none")), "the nightly examines the targets' pairs for masking");
        CsvTable news = CsvTable.read(nightly.out().resolve(secondRun).resolve("report/tables/new-signals.csv"));
        assertTrue(news.rows().stream().anyMatch(r -> r.get("drug").equals("BCMA") && r.get("event").equals(GBS)
                && r.get("status").equals("NEW")), "the report lists it as new");
        String page = Files.readString(nightly.out().resolve(secondRun).resolve("report/index.html"));
        assertTrue(page.contains("New and strengthened signals since the last run") && page.contains(GBS));
        assertTrue(Files.isRegularFile(nightly.out().resolve(firstRun).resolve("report/report.pdf")), "run 1 is kept");
        Cli runs = Cli.run("runs", "--lake", work.resolve("lake").toString());
        assertEquals(2, runs.out().lines().filter(l -> l.contains(" nightly ") && l.contains("COMPLETED")).count(),
                runs::toString);
    }

    /** A broken extract in the inbox fails the run at once, says which and why, and leaves no run behind. */
    @Test
    void aBrokenExtractFailsTheRunWithItsReason() throws Exception {
        Path brokenInbox = Files.createDirectories(work.resolve("broken/inbox"));
        Files.writeString(brokenInbox.resolve("faers_ascii_2024q3.zip"), "not a zip");
        Path brokenOut = work.resolve("broken/out");
        Path brokenConfig = NightlyConfigFile.write(work.resolve("broken/nightly.yaml"), work.resolve("broken/lake"),
                brokenOut, List.of(brokenInbox), List.of());

        Cli run = Cli.run("nightly", "--config", brokenConfig.toString());

        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().contains("extractsIngest   FAILED") && run.out().contains("faers_ascii_2024q3.zip is"
                + " neither a folder nor a readable zip"), run::toString);
        assertTrue(run.out().contains("latest still points to the last successful run"), run::toString);
        assertFalse(Files.exists(brokenOut.resolve("latest")));
    }

    /** "analysis|drug|event|method" → status. */
    private static Map<String, String> statuses(Path run) throws Exception {
        return CsvTable.read(run.resolve("status/signal_status.csv")).rows().stream().collect(Collectors.toMap(
                r -> r.get("analysis") + "|" + r.get("drug") + "|" + r.get("event") + "|" + r.get("method"),
                r -> r.get("status")));
    }
}
