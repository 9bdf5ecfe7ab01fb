package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.iago.lake.FreeSpace;
import org.iago.lake.Lake;
import org.iago.lake.PublishJournal;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake on a small file system (a tmpfs, so these tests need root and {@code mount}, as in CI): the ingest stops
 * within seconds, says "disk full" and where, publishes nothing, and the same command completes once there is space.
 */
class FaersDiskFullTest {

    private static final Quarter Q = Quarter.parse("2017Q2");
    private static final Duration PROMPTLY = Duration.ofSeconds(90);

    @TempDir
    Path work;

    /** About 1 MB free: the JobRepository's file alone grows past it while this quarter loads. */
    @Test
    void tooLittleSpaceToStartIsRefusedAtOnce() throws Exception {
        Path disk = mountTmpfs("1m");
        try {
            Lake lake = new Lake(disk.resolve("lake"));
            Cli full = assertTimeoutPreemptively(PROMPTLY, () -> Cli.run(ingest(lake)));
            assertEquals(ExitCodes.FAILED, full.exitCode(), full::toString);
            assertTrue(full.out().contains("disk full: " + lake.root() + " has "), full::toString);
            assertPublishedNothing(lake);

            remount(disk, "100m");
            Cli done = Cli.run(ingest(lake));
            assertEquals(ExitCodes.OK, done.exitCode(), done::toString);
            assertPublishedWhole(lake);
        } finally {
            unmount(disk);
        }
    }

    /**
     * Space enough to load but not, with the margin, to publish and record the run: refused before the first rename,
     * so that a full disk cannot fail the run once its quarter is in the lake.
     */
    @Test
    void tooLittleSpaceToPublishIsRefusedBeforeTheFirstRename() throws Exception {
        Path disk = mountTmpfs("4m");
        System.setProperty(FreeSpace.MARGIN_PROPERTY, Long.toString(3584L << 10));
        try {
            Lake lake = new Lake(disk.resolve("lake"));
            Cli full = assertTimeoutPreemptively(PROMPTLY, () -> Cli.run(ingest(lake)));
            assertEquals(ExitCodes.FAILED, full.exitCode(), full::toString);
            assertTrue(full.out().contains("failed: disk full: " + lake.root() + " has "), full::toString);
            assertTrue(full.out().contains("publishing FAERS quarter 2017Q2 and recording the run needs"),
                    full::toString);
            assertPublishedNothing(lake);

            remount(disk, "100m");
            Cli done = Cli.run(ingest(lake));
            assertEquals(ExitCodes.OK, done.exitCode(), done::toString);
            assertTrue(done.out().contains("job instance 1,"), "the same run resumed: " + done);
            assertPublishedWhole(lake);
        } finally {
            System.clearProperty(FreeSpace.MARGIN_PROPERTY);
            unmount(disk);
        }
    }

    /** A state folder outside the lake, on a full disk: refused before the run starts, since H2 could not record it. */
    @Test
    void aStateFolderOnAFullDiskIsRefusedBeforeTheRun() throws Exception {
        Path disk = mountTmpfs("1m");
        try {
            Lake lake = new Lake(work.resolve("lake"));
            String[] command = Stream.concat(Arrays.stream(ingest(lake)),
                    Stream.of("--state", disk.resolve("state").toString())).toArray(String[]::new);
            Cli full = assertTimeoutPreemptively(PROMPTLY, () -> Cli.run(command));
            assertEquals(ExitCodes.FAILED, full.exitCode(), full::toString);
            assertTrue(full.err().startsWith("iago: disk full: " + disk.resolve("state") + " has "), full::toString);
            assertTrue(full.err().contains("recording the run history needs"), full::toString);
            assertPublishedNothing(lake);
            assertFalse(Files.exists(disk.resolve("state").resolve("jobrepository.mv.db")), "no run was recorded");
        } finally {
            unmount(disk);
        }
    }

    private static void assertPublishedNothing(Lake lake) {
        for (FaersTable table : FaersTable.values()) {
            assertFalse(Files.exists(lake.faersPartition(table, Q)), table + " was published");
        }
        assertFalse(Files.exists(lake.faersManifest(Q)), "manifest written");
        assertFalse(Files.exists(PublishJournal.folder(lake)), "a publish was begun");
    }

    private static void assertPublishedWhole(Lake lake) {
        for (FaersTable table : FaersTable.values()) {
            assertTrue(Files.isDirectory(lake.faersPartition(table, Q)), table + " not published");
        }
        assertTrue(Files.isRegularFile(lake.faersManifest(Q)));
        assertFalse(Files.exists(PublishJournal.folder(lake)), "the publish record is gone");
    }

    private Path mountTmpfs(String size) throws Exception {
        Path disk = Files.createDirectories(work.resolve("disk"));
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString()) == 0,
                "mount -t tmpfs failed");
        return disk;
    }

    private static void remount(Path disk, String size) throws Exception {
        assertEquals(0, run("mount", "-o", "remount,size=" + size, disk.toString()), "remount " + disk);
    }

    private static void unmount(Path disk) throws Exception {
        run("umount", disk.toString());
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static String[] ingest(Lake lake) {
        return new String[] {"ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake.root().toString()};
    }
}
