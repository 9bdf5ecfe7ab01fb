package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.testing.DuckLake;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL in the middle of a step restarts with the same command and ends with exactly the rows and
 * rejects of a clean run: no duplicates, none missing, and the completed steps are not run again. The extract carries
 * the generator's malformed lines, so the reject log is restarted too.
 */
class FaersKillRestartTest {

    private static final Quarter Q = Quarter.parse("2024Q1");

    @TempDir
    static Path work;
    static Path extract;

    @BeforeAll
    static void synthesise() throws Exception {
        new FaersSynthesizer(new FaersSynthSpec(work.resolve("synth"), List.of(Q), 20_000, 11, true, false)).write();
        extract = work.resolve("synth/faers_ascii_2024Q1");
    }

    @Test
    void killedMidStepRestartsToTheRowsOfACleanRun() throws Exception {
        Lake clean = new Lake(work.resolve("clean"));
        Lake killed = new Lake(work.resolve("killed"));
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, Cli.run(args(clean)).exitCode());

        Process child = IagoChild.start(work.resolve("child.log"), args(killed));
        // reacLoad follows drugLoad in the same flow: once it has staged parts, drugLoad has completed
        Path stagedReac = killed.staging().resolve("faersIngest-1").resolve("reac");
        waitForParts(stagedReac, 3, child);
        child.destroyForcibly().waitFor();

        assertFalse(Files.exists(killed.faersPartition(FaersTable.DEMO, Q)), "nothing published by the killed run");
        Cli restart = Cli.run(args(killed));
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, restart.exitCode(), restart::toString);
        assertTrue(restart.out().contains("job instance 1,"), "the killed instance resumed: " + restart);

        try (DuckLake duck = new DuckLake()) {
            for (FaersTable table : FaersTable.values()) {
                String a = DuckLake.parquet(clean.faersPartition(table, Q));
                String b = DuckLake.parquet(killed.faersPartition(table, Q));
                assertEquals(duck.count(clean.faersPartition(table, Q)), duck.count(killed.faersPartition(table, Q)),
                        table + " row count");
                assertEquals(0L, ((Number) duck.single("SELECT count(*) FROM (SELECT * FROM " + a
                        + " EXCEPT ALL SELECT * FROM " + b + ")")).longValue(), table + " rows missing after restart");
                assertEquals(0L, ((Number) duck.single("SELECT count(*) FROM (SELECT * FROM " + b
                        + " EXCEPT ALL SELECT * FROM " + a + ")")).longValue(), table + " rows duplicated by restart");
            }
        }
        for (FaersTable table : FaersTable.values()) {
            Path cleanRejects = clean.faersRejects(Q).resolve(table.lakeName() + ".jsonl");
            Path killedRejects = killed.faersRejects(Q).resolve(table.lakeName() + ".jsonl");
            assertEquals(Files.exists(cleanRejects), Files.exists(killedRejects), table + " rejects");
            if (Files.exists(cleanRejects)) {
                assertEquals(Files.readString(cleanRejects), Files.readString(killedRejects), table + " rejects");
            }
        }
        assertEquals(List.of(1, 2), IagoChild.stepExecutions(killed, "drugLoad", "reacLoad"),
                "drugLoad completed before the kill and ran once; reacLoad ran twice");
    }

    private static String[] args(Lake lake) {
        return new String[] {"ingest", "faers", "--input", extract.toString(), "--lake", lake.root().toString(),
                "--chunk-size", "500"};
    }

    private static void waitForParts(Path folder, int parts, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before it could be killed: "
                        + Files.readString(work.resolve("child.log")));
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.filter(p -> p.toString().endsWith(".parquet")).count() >= parts) {
                        return;
                    }
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no " + parts + " staged parts in " + folder);
    }
}
