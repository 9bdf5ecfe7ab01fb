package org.iago.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iago.cli.Cli;
import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs that compute only what their inputs changed: a run over the same inbox curates nothing, takes every
 * analysis over from the run before without starting Spark, and its report says whose results it shows; changed
 * signal rules make the signals computed again and nothing else; a new quarter makes curation, the FAERS analyses and
 * the source counts computed again, not the registry analyses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyReuseTest {

    private static final List<String> ANALYSES = List.of("signals", "onset", "tte");

    @TempDir
    static Path work;
    static Path config;
    static Path inbox;
    static Path conf;
    static Path out;
    static String firstRun;
    static String rulesRun;

    @BeforeAll
    static void synthesise() throws Exception {
        new FaersSynthesizer(new FaersSynthSpec(work.resolve("synth"), Quarter.parseRange("2024Q1..2024Q2"), 3_000,
                5, false, true)).write();
        inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(work.resolve("synth/faers_ascii_2024q1.zip"), inbox.resolve("faers_ascii_2024q1.zip"));
        conf = Files.createDirectories(work.resolve("conf"));
        for (String f : List.of("iago.yaml", "products.yaml", "term-groups.yaml")) {
            Files.copy(Samples.root().resolveSibling("conf").resolve(f), conf.resolve(f));
        }
        out = work.resolve("out");
        config = Files.writeString(work.resolve("nightly.yaml"), """
                lake: lake
                out: out
                inbox:
                  faers: [inbox]
                  registry: ["%s"]
                load: {maxRejectFraction: 0.05}
                conf: conf
                report:
                  title: "nightly reuse test"
                  focus: [{drug: BCMA, event: "Cranial nerve palsy"}]
                """.formatted(Samples.root().resolve("registry")));
    }

    @Test
    @Order(1)
    void theFirstRunComputesEverything() throws Exception {
        Cli run = nightly();
        firstRun = latest();
        assertTrue(line(run, "lakeCurate").contains(" DEMO rows -> "), run::toString);
        assertTrue(line(run, "signalsDetect").contains(" pairs"), run::toString);
        assertTrue(line(run, "onsetMeasure").contains(" drug x toxicity-group rows"), run::toString);
        assertTrue(line(run, "registryAnalyse").contains(" patients, "), run::toString);
        for (JsonNode r : provenance(firstRun).path("results")) {
            assertFalse(r.path("reused").asBoolean(), r::toString);
            assertEquals(firstRun, r.path("run").asText());
        }
    }

    @Test
    @Order(2)
    void aRunOverTheSameInboxCuratesNothingAndTakesTheResultsOver() throws Exception {
        Cli run = nightly();
        String second = latest();
        assertNotEquals(firstRun, second);
        assertTrue(line(run, "lakeCurate").contains("curated tables are up to date (inputs unchanged since run "
                + firstRun + "): not curated again"), run::toString);
        for (String step : List.of("signalsDetect", "onsetMeasure", "registryAnalyse")) {
            assertTrue(line(run, step).contains("unchanged since run " + firstRun + ": reused"), run::toString);
        }
        for (String analysis : ANALYSES) {
            assertSameFiles(out.resolve("runs").resolve(firstRun).resolve(analysis),
                    out.resolve("runs").resolve(second).resolve(analysis));
        }
        JsonNode provenance = provenance(second);
        assertEquals(4, provenance.path("results").size(), provenance::toString);
        for (JsonNode r : provenance.path("results")) {
            assertTrue(r.path("reused").asBoolean(), r::toString);
            assertEquals(firstRun, r.path("run").asText());
        }
        assertEquals(provenance(firstRun).path("sources"), provenance.path("sources"));
        String page = Files.readString(out.resolve("runs").resolve(second).resolve("report/index.html"));
        assertTrue(page.contains("Inputs and settings unchanged: this run shows the curated tables, signals, FAERS "
                + "time to onset and registry time-to-event analyses of run " + firstRun), page);
        assertTrue(Files.readString(out.resolve("runs").resolve(second).resolve("report/tables/provenance-results.csv"))
                .contains("signalsDetect,signals/,run " + firstRun + " (taken over: inputs unchanged)"));
    }

    /** The steps of a run over unchanged inputs, on a run whose Spark fails if asked for. */
    @Test
    @Order(3)
    void aRunOverUnchangedInputsStartsNoSpark() throws Exception {
        NightlyConfig settings = NightlyConfig.load(config);
        NightlyRun run = new NightlyRun(settings, config.toAbsolutePath().normalize(), 999_999,
                RunFolders.run(settings.out(), 999_999), LocalDateTime.now(), () -> {
                    throw new AssertionError("Spark was started");
                });
        try {
            assertTrue(NightlyTasks.curate(run).endsWith("not curated again"));
            assertTrue(NightlyTasks.detect(run).endsWith(": reused"));
            assertTrue(NightlyTasks.onset(run).endsWith(": reused"));
            assertTrue(NightlyTasks.registry(run).endsWith(": reused"));
            NightlyTasks.status(run);
            NightlyTasks.report(run);
        } finally {
            RunFolders.deleteRecursively(run.folder());
        }
    }

    @Test
    @Order(4)
    void changedSignalRulesComputeTheSignalsOnly() throws Exception {
        Path rules = conf.resolve("iago.yaml");
        String text = Files.readString(rules);
        String stricter = text.replace("prr: {minPrr: 2.0, minChiSquared: 4.0, minReports: 3}",
                "prr: {minPrr: 2.0, minChiSquared: 4.0, minReports: 1000000}");
        assertNotEquals(text, stricter, "the PRR rule of conf/iago.yaml");
        Files.writeString(rules, stricter);
        String before = latest();

        Cli run = nightly();
        rulesRun = latest();
        assertTrue(line(run, "lakeCurate").contains("not curated again"), run::toString);
        assertTrue(line(run, "signalsDetect").contains(" pairs") && line(run, "signalsDetect").contains(
                "(computed: rules changed since run " + firstRun + ")"), run::toString);
        assertTrue(line(run, "onsetMeasure").contains("unchanged since run " + firstRun + ": reused"), run::toString);
        assertTrue(line(run, "registryAnalyse").contains("unchanged since run " + firstRun + ": reused"),
                run::toString);
        Path signals = Path.of("signals/target/disproportionality.csv");
        assertTrue(Files.readString(out.resolve("runs").resolve(before).resolve(signals)).contains(",true,"));
        assertNotEquals(Files.readString(out.resolve("runs").resolve(before).resolve(signals)),
                Files.readString(out.resolve("runs").resolve(rulesRun).resolve(signals)), "no PRR signal now");
    }

    @Test
    @Order(5)
    void aNewQuarterCuratesAndComputesTheFaersAnalysesAgain() throws Exception {
        Files.copy(work.resolve("synth/faers_ascii_2024q2.zip"), inbox.resolve("faers_ascii_2024q2.zip"));

        Cli run = nightly();
        String fourth = latest();
        assertTrue(line(run, "extractsIngest").contains("1 extracts ingested: faers 2024Q2"), run::toString);
        assertTrue(line(run, "lakeCurate").contains(" DEMO rows -> ") && line(run, "lakeCurate").contains(
                "(computed: lake/faers changed since run " + firstRun + ")"), run::toString);
        assertTrue(line(run, "signalsDetect").contains("(computed: lake/curated changed since run " + rulesRun
                + ")"), run::toString);
        assertTrue(line(run, "onsetMeasure").contains("(computed: lake/curated, lake/faers changed since run "
                + firstRun + ")"), run::toString);
        assertTrue(line(run, "registryAnalyse").contains("unchanged since run " + firstRun + ": reused"),
                run::toString);
        JsonNode sources = provenance(fourth).path("sources");
        assertNotEquals(provenance(firstRun).path("sources"), sources, "counted again: more reports");
        assertEquals(fourth, provenance(fourth).path("sourcesInputs").path("run").asText());
    }

    private static Cli nightly() {
        Cli run = Cli.run("nightly", "--config", config.toString());
        assertTrue(run.exitCode() == 0 || run.exitCode() == 3, run::toString);
        return run;
    }

    /** The step's line of the run's summary. */
    private static String line(Cli run, String step) {
        return run.out().lines().filter(l -> l.strip().startsWith(step + " ")).findFirst().orElse("");
    }

    private static String latest() throws Exception {
        return Files.readSymbolicLink(out.resolve("latest")).getFileName().toString();
    }

    private static JsonNode provenance(String run) throws Exception {
        return new ObjectMapper().readTree(out.resolve("runs").resolve(run).resolve("provenance.json").toFile());
    }

    private static void assertSameFiles(Path expected, Path actual) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(expected)) {
            files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        assertFalse(files.isEmpty());
        try (Stream<Path> walk = Files.walk(actual)) {
            assertEquals(files, walk.filter(Files::isRegularFile).map(actual::relativize).sorted().toList());
        }
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                    f::toString);
        }
    }
}
