package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import picocli.CommandLine;

/** The one error renderer: the most specific cause first, one line each, stack traces only when asked. */
class FailureReportTest {

    @TempDir
    Path work;

    /**
     * A step whose input file is empty fails twice: the header check, wrapped by Spring, and the close of its
     * composite stream, which attaches the same failures as suppressed. In either recorded order the cause comes
     * first, once, and the aggregate's own message not at all.
     */
    @Test
    void causeComesBeforeTheCompositeStreamsCloseFailure() {
        IllegalArgumentException empty = new IllegalArgumentException("INDI17Q2.txt is empty: it has no header row");
        RuntimeException wrapped = new RuntimeException("Error creating bean 'faersLoadContext'",
                new IllegalStateException("Failed to instantiate", empty));
        ItemStreamException close = new ItemStreamException("Failed to close 3 delegate(s) due to exceptions");
        for (int i = 0; i < 3; i++) {
            close.addSuppressed(new RuntimeException("Error creating bean", empty));
        }
        for (List<Throwable> recorded : List.of(List.<Throwable>of(close, wrapped), List.<Throwable>of(wrapped, close))) {
            List<Throwable> causes = FailureReport.causes(recorded);
            assertEquals(List.of(empty), causes, recorded::toString);
        }
    }

    /** Spark's "Path does not exist" says which command would have put the table there. */
    @Test
    void aTableMissingFromTheLakeSaysWhichCommandWritesIt() {
        String spark = "[PATH_NOT_FOUND] Path does not exist: file:/srv/lake/%s. SQLSTATE: 42K03";
        assertEquals("file:/srv/lake/curated/reports does not exist: run iago curate on this lake first",
                FailureReport.describe(new RuntimeException(String.format(spark, "curated/reports")), List.of()));
        assertEquals("file:/srv/lake/cases/source=vigi does not exist: no case source of that name was ingested"
                + " (iago ingest cases)",
                FailureReport.describe(new RuntimeException(String.format(spark, "cases/source=vigi")), List.of()));
        assertEquals("file:/srv/lake/faers/demo does not exist: nothing of it was ingested into this lake (iago"
                + " ingest faers, or --lake names another folder)",
                FailureReport.describe(new RuntimeException(String.format(spark, "faers/demo")), List.of()));
    }

    @Test
    void aFailureOnlyTheCloseSawIsStillReported() {
        ItemStreamException close = new ItemStreamException("Failed to close 1 delegate(s) due to exceptions");
        close.addSuppressed(new IllegalStateException("part file lost"));
        IllegalArgumentException header = new IllegalArgumentException("no column 'report' in the header");
        assertEquals(List.of("no column 'report' in the header", "part file lost"),
                FailureReport.causes(List.of(close, header)).stream().map(Throwable::getMessage).toList());
    }

    /** H2's exceptions refer to each other through their suppressed exceptions: the walk ends. */
    @Test
    void cyclesOfSuppressedFailuresEnd() {
        IllegalStateException locked = new IllegalStateException("The file is locked: /lake/_state/jobrepository.mv.db");
        RuntimeException general = new RuntimeException("General error", locked);
        locked.addSuppressed(new RuntimeException("General error", locked));
        locked.addSuppressed(general);
        assertEquals(List.of(locked), FailureReport.causes(List.of(new RuntimeException("dataSource", general))));
    }

    @Test
    void runHistoryHeldByAnotherProcessSaysWhatToDo() {
        IllegalStateException locked = new IllegalStateException("The file is locked: /lake/_state/jobrepository.mv.db");
        SQLException inUse = new SQLException("Database may be already in use", "90020", 90020, locked);
        List<Throwable> causes = FailureReport.causes(List.of(new IllegalStateException("dataSource", inUse)));
        assertEquals(List.of(inUse), causes);
        assertEquals("the run history is in use by another process (The file is locked: /lake/_state/jobrepository"
                + ".mv.db): wait for the iago command running on this lake to end, and try again",
                FailureReport.describe(inUse, List.of()));
    }

    @Test
    void fileSystemFailureIsPickedFromTheChainAndSaysWhereAndWhatToDo() throws IOException {
        Path lake = work.resolve("lake");
        FileSystemException full = new FileSystemException(lake.resolve("part-0.parquet").toString(), null,
                "No space left on device");
        Throwable wrapped = new IllegalStateException("Transaction 1 is closed",
                new UncheckedIOException(new IOException("write failed", full)));
        List<Throwable> causes = FailureReport.causes(List.of(wrapped));
        assertEquals(List.of(full), causes);
        assertEquals("disk full: " + lake.resolve("part-0.parquet") + " (No space left on device): free space and"
                + " run the same command again to resume", FailureReport.describe(full, List.of()));

        Path file = Files.writeString(work.resolve("lake-file"), "x");
        assertEquals(file + " is a file where a folder is expected (for " + file.resolve("_state") + "): give a"
                        + " folder, or move the file away",
                FailureReport.describe(new FileSystemException(file.resolve("_state").toString(), null,
                        "Not a directory"), List.of()));
        assertEquals("no such file or folder: /nowhere/x.zip",
                FailureReport.describe(new NoSuchFileException("/nowhere/x.zip"), List.of()));
        assertEquals("permission denied: /srv/lake: give a path this user may read and write",
                FailureReport.describe(new AccessDeniedException("/srv/lake"), List.of()));
        assertEquals("read-only file system: /mnt/ro/lake: give a folder on a writable file system",
                FailureReport.describe(new FileSystemException("/mnt/ro/lake", null, "Read-only file system"),
                        List.of()));
    }

    /** Writing a stream fails with no path; the report names the folder, of those the run writes to, that is full. */
    @Test
    void diskFullWithoutAPathNamesAFolderOfTheRun() {
        String line = FailureReport.describe(new IOException("No space left on device"), List.of(work));
        assertEquals("disk full under " + work + " (No space left on device): free space and run the same command"
                + " again to resume", line);
    }

    @Test
    void stackTracesOnlyWhenAskedFor() {
        RunFailedException failed = new RunFailedException("ingest faers: FAILED",
                List.of(new IllegalArgumentException("DEMO17Q2.txt: required column 'primaryid' is missing")),
                "Nothing was published", List.of());
        StringWriter quiet = new StringWriter();
        assertEquals(ExitCodes.FAILED, new FailureReport(false).print(new PrintWriter(quiet), failed));
        assertEquals("iago: DEMO17Q2.txt: required column 'primaryid' is missing. Nothing was published\n",
                quiet.toString());

        StringWriter debug = new StringWriter();
        new FailureReport(true).print(new PrintWriter(debug), failed);
        assertTrue(debug.toString().startsWith("iago: DEMO17Q2.txt: required column"), debug::toString);
        assertTrue(debug.toString().contains("\tat "), debug::toString);
    }

    @Test
    void aDefectSaysHowToGetItsStackTrace() {
        StringWriter err = new StringWriter();
        new FailureReport(false).print(new PrintWriter(err), new RuntimeException(new NullPointerException()));
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].startsWith("iago: java.lang.NullPointerException at "), err::toString);
        assertTrue(lines[1].contains("IAGO_LOG_LEVEL=debug"), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
    }

    /** An Error thrown by a command is reported by the same renderer, not by the JVM with its stack trace. */
    @Test
    void outOfMemoryIsOneLineWithWhatToDo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Iago.commandLine(false).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        cli.addSubcommand(new Exhausting());
        assertEquals(ExitCodes.FAILED, cli.execute("exhaust"));
        assertEquals("iago: out of memory (Java heap space): give iago more, e.g. IAGO_JAVA_OPTS=-Xmx4g (the default"
                + " is -Xmx2g), and run the same command again\n", err.toString());
    }

    /** A command that runs out of memory. */
    @CommandLine.Command(name = "exhaust")
    static final class Exhausting implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void logLevelsThatAskForTraces() {
        assertTrue(FailureReport.tracesAt("debug"));
        assertTrue(FailureReport.tracesAt("TRACE"));
        assertFalse(FailureReport.tracesAt("info"));
        assertFalse(FailureReport.tracesAt(null));
    }
}
