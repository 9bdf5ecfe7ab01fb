package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option value out of its range is a usage error where picocli parses it: exit 2, a message naming the option
 * and what it allows, the usage, and no work started (no lake, no output folder created). The boundary values are
 * accepted.
 */
class OptionValuesTest {

    @TempDir
    Path work;

    /** A command with its required options; "{w}" is the test's folder, where nothing may be created. */
    private static final String FAERS = "ingest faers --input {w}/in.zip --lake {w}/lake";
    private static final String CASES = "ingest cases --input {w}/in.csv --lake {w}/lake --source s --id i --drug d"
            + " --event e";
    private static final String REGISTRY = "ingest registry --input {w}/in --lake {w}/lake";
    private static final String SIGNALS = "signals --lake {w}/lake --out {w}/out";
    private static final String ONSET = "onset --lake {w}/lake --out {w}/out";
    private static final String SYNTH_FAERS = "synth faers --out {w}/out";
    private static final String SYNTH_REGISTRY = "synth registry --out {w}/out";

    /** Command, option, a bad value, and what the message must say it allows. */
    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(FAERS, "--chunk-size", "0", "allowed: 1 to"),
                Arguments.of(FAERS, "--chunk-size", "-5", "allowed: 1 to"),
                Arguments.of(FAERS, "--chunk-size", "lots", "allowed: 1 to"),
                Arguments.of(FAERS, "--chunk-size", "99999999999", "allowed: 1 to"),
                Arguments.of(FAERS, "--encoding", "NO-SUCH-CHARSET", "not a character set"),
                Arguments.of(FAERS, "--encoding", "bad name!", "not a character set"),
                Arguments.of(FAERS, "--quarter", "2024Q5", "allowed: YYYYQ1 to YYYYQ4"),
                Arguments.of(FAERS, "--quarter", "2024Q0", "allowed: YYYYQ1 to YYYYQ4"),
                Arguments.of(FAERS, "--quarter", "24Q1", "allowed: YYYYQ1 to YYYYQ4"),
                Arguments.of(FAERS, "--quarter", "1899Q4", "allowed: YYYYQ1 to YYYYQ4"),
                Arguments.of(FAERS, "--max-reject-fraction", "1.5", "allowed: 0 to 1"),
                Arguments.of(FAERS, "--max-reject-fraction", "-0.01", "allowed: 0 to 1"),
                Arguments.of(FAERS, "--max-reject-fraction", "NaN", "allowed: 0 to 1"),
                Arguments.of(FAERS, "--max-reject-fraction", "1%", "allowed: 0 to 1"),
                Arguments.of(CASES, "--chunk-size", "0", "allowed: 1 to"),
                Arguments.of(CASES, "--max-reject-fraction", "2", "allowed: 0 to 1"),
                Arguments.of(REGISTRY, "--encoding", "NO-SUCH-CHARSET", "not a character set"),
                Arguments.of(REGISTRY, "--max-reject-fraction", "1.5", "allowed: 0 to 1"),
                Arguments.of(SIGNALS, "--drug-level", "brand", "expected one of"),
                Arguments.of(SIGNALS, "--event-level", "llt", "expected one of"),
                Arguments.of(SIGNALS, "--roles", "concomitant", "expected one of"),
                Arguments.of(SIGNALS, "--background", "some", "expected one of"),
                Arguments.of(SIGNALS, "--through", "2024Q5", "allowed: YYYYQ1 to YYYYQ4"),
                Arguments.of(SIGNALS, "--shuffle-partitions", "0", "allowed: 1 to"),
                Arguments.of(SIGNALS, "--source", "vigibase", "--source must be faers or cases:<name>"),
                Arguments.of(ONSET, "--drug-level", "ingredient", "expected one of"),
                Arguments.of(ONSET, "--shuffle-partitions", "-1", "allowed: 1 to"),
                Arguments.of("curate --lake {w}/lake", "--shuffle-partitions", "0", "allowed: 1 to"),
                Arguments.of(SYNTH_FAERS + " --quarters 2024Q1", "--reports-per-quarter", "0", "allowed: 1 to"),
                Arguments.of(SYNTH_FAERS + " --reports-per-quarter 10", "--quarters", "2024Q5", "allowed: a quarter"),
                Arguments.of(SYNTH_FAERS + " --reports-per-quarter 10", "--quarters", "2024Q4..2024Q1",
                        "runs backwards"),
                Arguments.of(SYNTH_FAERS + " --quarters 2024Q1 --reports-per-quarter 10", "--duplicates", "-1",
                        "allowed: 0 to"),
                Arguments.of(SYNTH_FAERS + " --quarters 2024Q1 --reports-per-quarter 200", "--duplicates", "11",
                        "allowed: 0 to 10"),
                Arguments.of(SYNTH_REGISTRY, "--patients", "0", "allowed: 1 to"),
                Arguments.of("runs --lake {w}/lake", "--limit", "0", "allowed: 1 to"),
                Arguments.of("runs --lake {w}/lake", "--limit", "-1", "allowed: 1 to"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("invalidValues")
    void invalidValueIsAUsageErrorBeforeAnyWork(String command, String option, String value, String allowed) {
        Cli run = Cli.run(args(command, option, value));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains(option), "the message names the option: " + run);
        assertTrue(firstLine.contains(allowed), "the message says what is allowed: " + run);
        assertTrue(run.err().contains("Usage: iago"), run::toString);
        assertFalse(Files.exists(work.resolve("lake")), "no work started");
        assertFalse(Files.exists(work.resolve("out")), "no work started");
    }

    /** Boundary values parse (the commands are not run: that would need inputs). */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("boundaryValues")
    void boundaryValueIsAccepted(String command, String option, String value) {
        assertDoesNotThrow(() -> Iago.commandLine(false).parseArgs(args(command, option, value)));
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                Arguments.of(FAERS, "--chunk-size", "1"),
                Arguments.of(FAERS, "--chunk-size", String.valueOf(Integer.MAX_VALUE)),
                Arguments.of(FAERS, "--max-reject-fraction", "0"),
                Arguments.of(FAERS, "--max-reject-fraction", "1"),
                Arguments.of(FAERS, "--quarter", "1900Q1"),
                Arguments.of(FAERS, "--quarter", "2999q4"),
                Arguments.of(FAERS, "--encoding", "windows-1252"),
                Arguments.of(SIGNALS, "--drug-level", "TARGET"),
                Arguments.of(SIGNALS, "--event-level", "soc"),
                Arguments.of(SIGNALS, "--roles", "all"),
                Arguments.of(SIGNALS, "--background", "cart"),
                Arguments.of(SIGNALS, "--shuffle-partitions", "1"),
                Arguments.of(ONSET, "--drug-level", "product"),
                Arguments.of(SYNTH_FAERS + " --reports-per-quarter 1", "--quarters", "2024Q4..2024Q4"),
                Arguments.of(SYNTH_FAERS + " --quarters 2024Q1 --reports-per-quarter 1", "--duplicates", "0"),
                Arguments.of(SYNTH_REGISTRY, "--patients", "1"));
    }

    private String[] args(String command, String option, String value) {
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(word.replace("{w}", work.toString()));
        }
        args.add(option);
        args.add(value);
        return args.toArray(String[]::new);
    }
}
