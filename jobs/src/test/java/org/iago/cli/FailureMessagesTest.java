package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected failures of a command, run as a user runs it: exit 1, the first line of stderr says the cause and what to
 * do, and no Java stack trace unless asked for (IAGO_LOG_LEVEL=debug).
 */
class FailureMessagesTest {

    @TempDir
    Path work;

    @Test
    void lakeThatIsAFile() throws IOException {
        Path file = Files.writeString(work.resolve("lake"), "not a folder");
        Cli run = ingest(Samples.faers2017q2(), file);
        assertFailedWith(run, "iago: " + file + " is a file where a folder is expected");

        Cli under = ingest(Samples.faers2017q2(), file.resolve("inner"));
        assertFailedWith(under, "iago: " + file + " is a file where a folder is expected");
    }

    @Test
    void missingInputFile() {
        Path missing = work.resolve("faers_ascii_2024q1.zip");
        assertFailedWith(ingest(missing, work.resolve("lake")), "iago: input " + missing + " does not exist");
    }

    @Test
    void emptyFileSaysSoFirst() throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Files.write(extract.resolve("ascii/INDI17Q2.txt"), new byte[0]);
        Cli run = ingest(extract, work.resolve("lake"));
        assertFailedWith(run, "iago: INDI17Q2.txt is empty: it has no header row. Nothing of this run was published"
                + " to the lake: fix the cause and run the same command again to resume");
        assertEquals("  failed: INDI17Q2.txt is empty: it has no header row", firstFailedLine(run), run::toString);
        assertFalse(run.toString().contains("Failed to close"), run::toString);
    }

    @Test
    void missingColumnSaysSoFirst() throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        Path outc = extract.resolve("ascii/OUTC17Q2.txt");
        Samples.dropFirstColumn(outc);
        Cli run = ingest(extract, work.resolve("lake"));
        assertFailedWith(run, "iago: OUTC17Q2.txt");
        assertTrue(run.err().lines().findFirst().orElseThrow().contains("required column 'primaryid' is missing"),
                run::toString);
        assertTrue(firstFailedLine(run).contains("required column 'primaryid' is missing"), run::toString);
    }

    @Test
    void debugLevelAddsTheStackTrace() throws IOException {
        Path file = Files.writeString(work.resolve("lake"), "not a folder");
        Cli run = Cli.run(true, "ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                file.toString());
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("iago: " + file + " is a file where a folder is expected"), run::toString);
        assertTrue(run.err().contains("\tat "), run::toString);
    }

    /** A read-only file system, mounted for the test (root may write through file permissions). */
    @Test
    void readOnlyLake() throws Exception {
        Path mount = Files.createDirectory(work.resolve("ro"));
        assumeTrue(mount(mount, "ro,size=1m"), "needs root to mount a tmpfs");
        try {
            Cli run = ingest(Samples.faers2017q2(), mount.resolve("lake"));
            assertFailedWith(run, "iago: read-only file system: " + mount.resolve("lake"));
        } finally {
            unmount(mount);
        }
    }

    /** A file system too small for the quarter: the run fails promptly, says so and where, and publishes nothing. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void fullDisk() throws Exception {
        Path mount = Files.createDirectory(work.resolve("small"));
        assumeTrue(mount(mount, "size=600k"), "needs root to mount a tmpfs");
        try {
            Path lake = mount.resolve("lake");
            Cli run = ingest(Samples.faers2017q2(), lake);
            assertFailedWith(run, "iago: disk full");
            String first = run.err().lines().findFirst().orElseThrow();
            assertTrue(first.contains(mount.toString()), "says where: " + run);
            assertTrue(first.contains("free space there and run the same command again"), run::toString);
            assertFalse(first.contains("Nothing of this run"), "one piece of advice: " + run);
        } finally {
            unmount(mount);
        }
    }

    private static Cli ingest(Path input, Path lake) {
        return Cli.run("ingest", "faers", "--input", input.toString(), "--lake", lake.toString());
    }

    private static void assertFailedWith(Cli run, String firstLine) {
        assertEquals(ExitCodes.FAILED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(firstLine), "first line of stderr: " + run);
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "no stack trace: " + run);
    }

    private static String firstFailedLine(Cli run) {
        return run.out().lines().filter(l -> l.startsWith("  failed: ")).findFirst().orElse("");
    }

    private static boolean mount(Path folder, String options) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static void unmount(Path folder) throws Exception {
        new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor();
    }
}
