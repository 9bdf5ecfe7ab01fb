package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.iago.lake.Lake;
import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run killed with SIGKILL inside its Spark signals step resumes with the same command at that step, and ends
 * with the same signal, onset and status tables, byte for byte, as a clean run of the same inbox. The killed process
 * ran Spark with its own settings (local[*], 16 shuffle partitions), the restart and the clean run with the tests'
 * shared session: the outputs must not depend on that either.
 */
class NightlyKillRestartTest {

    @TempDir
    static Path work;
    static Path inbox;

    @BeforeAll
    static void synthesise() throws Exception {
        inbox = work.resolve("inbox");
        new FaersSynthesizer(new FaersSynthSpec(inbox, List.of(Quarter.parse("2024Q1")), 3_000, 17, true, true))
                .write();
    }

    @Test
    void killedInsideTheSignalsStepRestartsToTheOutputsOfACleanRun() throws Exception {
        Path killedConfig = config("killed");
        Process child = IagoChild.start(work.resolve("child.log"), "nightly", "--config",
                killedConfig.toString());
        // the target analysis and its emergence series are written, product and within-class are to come; a file that
        // stays, not the staging folder of the emergence series, which since the driver path lives for milliseconds and
        // could come and go between two polls
        waitFor(work.resolve("killed/out/runs/1/signals/target/emergence.csv"), child);
        child.destroyForcibly().waitFor();
        assertFalse(Files.exists(work.resolve("killed/out/latest")), "latest is switched only by a finished run");

        Cli restart = Cli.run("nightly", "--config", killedConfig.toString());
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, restart.exitCode(), restart::toString);
        assertTrue(restart.out().startsWith("nightly run 1: COMPLETED"), "the killed run resumed: " + restart);
        assertEquals(List.of(1, 1, 2, 1), IagoChild.stepExecutions(new Lake(work.resolve("killed/lake")),
                "extractsIngest", "lakeCurate", "signalsDetect", "reportWrite"), "completed steps were not run again");

        Cli clean = Cli.run("nightly", "--config", config("clean").toString());
        assertEquals(ExitCodes.COMPLETED_WITH_REJECTS, clean.exitCode(), clean::toString);
        Map<String, byte[]> expected = tables(work.resolve("clean/out/runs/1"));
        Map<String, byte[]> actual = tables(work.resolve("killed/out/runs/1"));
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.keySet().containsAll(List.of("signals/target/disproportionality.csv",
                "signals/product/disproportionality.csv", "signals/target/emergence.csv", "onset/onset.csv",
                "status/signal_status.csv")), expected::toString);
        expected.forEach((file, bytes) -> assertEquals(new String(bytes), new String(actual.get(file)), file));
    }

    private static Path config(String name) throws Exception {
        return NightlyConfigFile.write(work.resolve(name).resolve("nightly.yaml"), work.resolve(name).resolve("lake"),
                work.resolve(name).resolve("out"), List.of(inbox), List.of());
    }

    /** The CSV tables of a run folder except the report, which records its own time. */
    private static Map<String, byte[]> tables(Path run) throws Exception {
        Map<String, byte[]> tables = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".csv") && !p.startsWith(run.resolve("report")))
                    .toList()) {
                tables.put(run.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return tables;
    }

    private static void waitFor(Path path, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before it could be killed: "
                        + Files.readString(work.resolve("child.log")));
            }
            if (Files.exists(path)) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no " + path + " within 5 minutes");
    }
}
