package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's contract: help on every command, exit 2 for usage errors. */
class CommandLineTest {

    @TempDir
    Path work;

    /** Help on every command, rendered without picocli's format warnings (which it prints to System.err). */
    @ParameterizedTest
    @ValueSource(strings = {"", "ingest", "ingest faers", "ingest cases", "ingest registry", "curate", "signals",
            "onset", "tte", "nightly", "synth", "synth faers", "synth registry", "runs", "demo"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").trim().split(" ");
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Cli run;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            run = Cli.run(args);
        } finally {
            System.setErr(stderr);
        }
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: iago"), run::toString);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "help text renders cleanly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ingest", "synth", "no-such-command", "ingest faers --lake x", "synth faers --out x"})
    void usageErrorsExitWithTwo(String command) {
        Cli run = Cli.run(command.isEmpty() ? new String[0] : command.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Usage: iago"), run::toString);
    }

    @Test
    void versionIsPrinted() {
        Cli run = Cli.run("--version");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.out().startsWith("iago "), run::toString);
    }

    @Test
    void synthWritesQuartersAndItsManifest() throws Exception {
        Cli run = Cli.run("synth", "faers", "--out", work.toString(), "--quarters", "2024Q1..2024Q2",
                "--reports-per-quarter", "200", "--seed", "3");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(Files.isRegularFile(work.resolve("faers_ascii_2024Q2/ASCII/DEMO24Q2.txt")));
        assertTrue(Files.readString(work.resolve("manifest.json")).contains("\"plantedSignals\""));
        assertEquals(ExitCodes.USAGE, Cli.run("synth", "faers", "--out", work.toString(), "--quarters", "2024Q1",
                "--reports-per-quarter", "0").exitCode());
    }

    @Test
    void synthPlantsDuplicatesAndNameVariantsOnRequest() throws Exception {
        Cli run = Cli.run("synth", "faers", "--out", work.toString(), "--quarters", "2024Q1..2024Q2",
                "--reports-per-quarter", "400", "--seed", "3", "--duplicates", "4", "--name-variants");
        assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("planted 8 duplicates and 8 near-misses"), run::toString);
        String manifest = Files.readString(work.resolve("manifest.json"));
        assertTrue(manifest.contains("\"exactPairs\"") && manifest.contains("\"nameVariants\""));
    }
}
