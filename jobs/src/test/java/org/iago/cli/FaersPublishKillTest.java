package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.iago.ingest.LakePublishTasklet;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.PublishJournal;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between two renames of its publish leaves a quarter with some tables new and others missing. Spark's
 * readers refuse it, naming the quarter and the command that finishes it, until that command has run; then the
 * quarter is whole and has the bytes of a clean run.
 */
class FaersPublishKillTest {

    private static final Quarter Q = Quarter.parse("2017Q2");

    @TempDir
    Path work;

    @Test
    void killedBetweenTwoRenamesIsRefusedUntilTheSameCommandFinishesIt() throws Exception {
        Lake clean = new Lake(work.resolve("clean"));
        Lake killed = new Lake(work.resolve("killed"));
        assertEquals(ExitCodes.OK, Cli.run(ingest(clean)).exitCode());

        Path log = work.resolve("child.log");
        Process child = IagoChild.start(List.of("-D" + LakePublishTasklet.HALT_AFTER_TABLES + "=2"), log, ingest(killed));
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child did not end");
        assertEquals(137, child.exitValue(), () -> "halted inside the publish: " + read(log));
        assertTrue(Files.isDirectory(killed.faersPartition(FaersTable.DEMO, Q)), "demo was published");
        assertTrue(Files.isDirectory(killed.faersPartition(FaersTable.DRUG, Q)), "drug was published");
        assertFalse(Files.exists(killed.faersPartition(FaersTable.REAC, Q)), "reac was not: a mixed quarter");

        Cli curate = Cli.run("curate", "--lake", killed.root().toString(), "--conf",
                Samples.root().resolveSibling("conf").toString());
        assertEquals(ExitCodes.FAILED, curate.exitCode(), curate::toString);
        assertTrue(curate.err().contains("FAERS quarter 2017Q2 is half published"), curate::toString);
        assertTrue(curate.err().contains("finish it with: iago ingest faers --input " + Samples.faers2017q2()
                + " --lake " + killed.root() + " --quarter 2017Q2"), curate::toString);
        assertFalse(Files.exists(killed.curated("reports")), "nothing curated from a mixed quarter");

        Cli finish = Cli.run(ingest(killed));
        assertEquals(ExitCodes.OK, finish.exitCode(), finish::toString);
        assertTrue(finish.out().contains("job instance 1,"), "the killed instance resumed: " + finish);
        assertFalse(Files.exists(PublishJournal.folder(killed)), "the publish record is gone");
        for (FaersTable table : FaersTable.values()) {
            Path a = clean.faersPartition(table, Q);
            Path b = killed.faersPartition(table, Q);
            assertEquals(names(a), names(b), table + " parts");
            for (String part : names(a)) {
                assertTrue(Arrays.equals(Files.readAllBytes(a.resolve(part)), Files.readAllBytes(b.resolve(part))),
                        table + "/" + part + " has the bytes of a clean run");
            }
        }
    }

    private static String[] ingest(Lake lake) {
        return new String[] {"ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake.root().toString(), "--quarter", Q.toString()};
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
