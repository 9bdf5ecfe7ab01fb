package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iago.batch.RunLock;
import org.iago.lake.Lake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lake or state folder is a name: nothing in it is read as a setting of the JobRepository's JDBC URL. */
class StateOptionsTest {

    @TempDir
    Path work;

    /** The folder name carries an H2 INIT setting that would write a file: the command is refused, nothing is run. */
    @Test
    void aLakeNamedLikeAnH2SettingIsRefusedAndRunsNoSql() throws Exception {
        Path written = work.resolve("written-by-h2.txt");
        Path lake = work.resolve("lake;INIT=CALL FILE_WRITE(STRINGTOUTF8('x'), '" + written + "')--");

        Cli refused = Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake.toString());

        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
        assertFalse(Files.exists(written), "no SQL ran from the folder name");
        assertTrue(refused.err().contains("state folder " + lake.resolve("_state") + " cannot hold the embedded H2"
                + " JobRepository") && refused.err().contains("--state") && refused.err().contains("--jdbc-url"),
                refused::toString);
        assertFalse(refused.err().contains("\tat "), "no stack trace: " + refused);
        assertFalse(Files.exists(lake.resolve("_state")), "refused before the lock or the database is created");
    }

    @Test
    void aStateFolderWithASemicolonIsRefusedWithWhatToDo() {
        Path state = work.resolve("state;x");

        Cli refused = Cli.run("runs", "--lake", work.resolve("lake").toString(), "--state", state.toString());

        assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("state folder " + state + " cannot hold the embedded H2 JobRepository: H2"
                + " reads ';'"), refused::toString);
        assertFalse(refused.err().contains("Unsupported connection setting"), refused::toString);
    }

    /** Two JobRepositories number their job instances alike, and so their staging folders in the lake: one lock. */
    @Test
    void aRunWithAnotherStateFolderIsRefusedWhileTheLakeIsLocked() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        try (RunLock held = RunLock.acquire(lake.defaultState(), "ingest faers 2024Q1 --state s1")) {
            Cli refused = Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                    lake.root().toString(), "--state", work.resolve("s2").toString());

            assertEquals(ExitCodes.FAILED, refused.exitCode(), refused::toString);
            assertTrue(refused.err().startsWith("iago: lock on " + lake.defaultState() + " held by ingest faers 2024Q1"
                    + " --state s1"), refused::toString);
            assertFalse(Files.exists(lake.staging()), "nothing staged");
        }
    }
}
