package org.iago.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iago demo}: the whole available pipeline on {@code data-samples/} with the embedded defaults (H2
 * JobRepository, local files), printing where every output is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on the committed samples: every FAERS quarter under data-samples/faers "
                + "(real and synthetic, some with deliberately malformed lines), openEBGM's CAERS case table and the "
                + "synthetic cellular-therapy registry.",
                "Then curates the FAERS lake and computes all-pairs signals: CAR-T targets with their emergence over "
                        + "the quarters, and the CAERS table; time to onset; registry time-to-event analyses.",
                "Exit status 0 when every job completed (rejected lines are expected and listed), 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    private static final Pattern QUARTER = Pattern.compile("(faers|aers)_ascii_\\d{4}q[1-4].*");

    @Spec
    CommandSpec spec;

    @Option(names = "--samples", defaultValue = "${env:IAGO_HOME:-.}/data-samples", paramLabel = "<dir>",
            description = "The samples folder (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--out", defaultValue = "iago-demo", paramLabel = "<dir>",
            description = "Where the lake and outputs go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--conf", defaultValue = "${env:IAGO_HOME:-.}/conf", paramLabel = "<dir>",
            description = "Dictionaries and signal rules (default: ${DEFAULT-VALUE}).")
    Path conf;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path lake = out.toAbsolutePath().normalize().resolve("lake");
        List<String> failed = new ArrayList<>();
        long rejected = 0;
        for (Path quarter : faersQuarters(samples.resolve("faers"))) {
            IngestFaersCommand ingest = new IngestFaersCommand();
            ingest.input = quarter;
            ingest.lake = lake;
            IngestRun.Outcome outcome = ingest.ingest(console);
            rejected += outcome.rejected();
            if (outcome.exitCode() == ExitCodes.FAILED) {
                failed.add(quarter.toString());
            }
        }
        IngestCasesCommand caers = new IngestCasesCommand();
        caers.spec = spec;
        caers.input = samples.resolve("caers").resolve("caers.csv");
        caers.lake = lake;
        caers.source = "caers";
        caers.idColumn = "id";
        caers.drugColumn = "var1";
        caers.eventColumn = "var2";
        caers.strata = List.of("strat1");
        IngestRun.Outcome outcome = caers.ingest(console);
        rejected += outcome.rejected();
        if (outcome.exitCode() == ExitCodes.FAILED) {
            failed.add(caers.input.toString());
        }
        IngestRegistryCommand registry = new IngestRegistryCommand();
        registry.spec = spec;
        registry.input = samples.resolve("registry");
        registry.lake = lake;
        registry.conf = conf;
        outcome = registry.ingest(console);
        rejected += outcome.rejected();
        if (outcome.exitCode() == ExitCodes.FAILED) {
            failed.add(registry.input.toString());
        }
        if (!failed.isEmpty()) {
            console.println("FAILED: " + String.join(", ", failed));
            return ExitCodes.FAILED;
        }
        Path signals = out.toAbsolutePath().normalize().resolve("signals");
        CurateCommand curate = new CurateCommand();
        curate.spec = spec;
        curate.lake = lake;
        curate.conf = conf;
        curate.call();
        SignalsCommand byTarget = signalsCommand(lake, signals.resolve("faers-by-target"));
        byTarget.drugLevel = "target";
        byTarget.byQuarter = true;
        byTarget.call();
        SignalsCommand caersSignals = signalsCommand(lake, signals.resolve("caers"));
        caersSignals.source = "cases:caers";
        caersSignals.call();
        OnsetCommand onset = new OnsetCommand();
        onset.spec = spec;
        onset.lake = lake;
        onset.out = out.toAbsolutePath().normalize().resolve("onset");
        onset.call();
        TteCommand tte = new TteCommand();
        tte.spec = spec;
        tte.lake = lake;
        tte.out = out.toAbsolutePath().normalize();
        tte.call();

        console.println();
        console.println("Lake (Hive-partitioned Parquet): " + lake);
        console.println("  FAERS tables:     " + lake.resolve("faers") + "/<table>/quarter=<YYYYQn>/");
        console.println("  case tables:      " + lake.resolve("cases") + "/source=caers/");
        console.println("  registry tables:  " + lake.resolve("registry") + "/<table>/");
        console.println("  rejected lines:   " + lake.resolve("rejects") + " (" + rejected + " lines; the synthetic"
                + " samples carry deliberate defects, listed in their manifest.json)");
        console.println("  ingest manifests: " + lake.resolve("_meta"));
        console.println("  run history:      " + lake.resolve("_state") + " (H2 JobRepository)");
        console.println("  curated tables:   " + lake.resolve("curated"));
        console.println("Signals: " + signals);
        console.println("  CAR-T targets x PTs: " + signals.resolve("faers-by-target/disproportionality.csv")
                + ", first quarter flagged per method: emergence.csv");
        console.println("  CAERS (openEBGM's data): " + signals.resolve("caers/disproportionality.csv"));
        console.println("Time to onset (Weibull shape test): " + onset.out.resolve("onset.csv"));
        console.println("Registry time-to-event, infection density, grading agreement: " + tte.out.resolve("tte"));
        return ExitCodes.OK;
    }

    private SignalsCommand signalsCommand(Path lake, Path output) {
        SignalsCommand signals = new SignalsCommand();
        signals.spec = spec;
        signals.lake = lake;
        signals.out = output;
        signals.config = conf.resolve("iago.yaml");
        return signals;
    }

    /** Quarter folders and zips under {@code faers/}, oldest first by name within each group. */
    private static List<Path> faersQuarters(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no samples at " + folder + ": pass --samples <data-samples folder>");
        }
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            return walk.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return QUARTER.matcher(name).matches() && (Files.isDirectory(p) || name.endsWith(".zip"));
            }).sorted().toList();
        }
    }
}
