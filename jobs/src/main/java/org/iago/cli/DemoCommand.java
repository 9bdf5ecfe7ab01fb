package org.iago.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code iago demo}: the nightly pipeline on {@code data-samples/} with the shipped demo configuration and the embedded
 * defaults (H2 JobRepository, Spark in this process), printing where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the nightly pipeline (conf/nightly-demo.yaml) on the committed samples: every FAERS quarter "
                + "under data-samples/faers (real and synthetic, some with deliberately malformed lines), openEBGM's "
                + "CAERS case table and the synthetic cellular-therapy registry; then curation, signals by CAR-T "
                + "target and product with their emergence over the quarters, time to onset, registry time-to-event "
                + "analyses, signal status against the previous demo run, and the signal report.",
                "Exit status 0 when the run completed (rejected lines are expected here and listed), 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "iago-demo", paramLabel = "<dir>",
            description = "Where the lake and the runs go (default: ./${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--conf", defaultValue = "${env:IAGO_HOME:-.}/conf", paramLabel = "<dir>",
            description = "The folder of nightly-demo.yaml (default: ${DEFAULT-VALUE}).")
    Path conf;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path folder = out.toAbsolutePath().normalize();
        NightlyCommand nightly = new NightlyCommand();
        nightly.config = conf.resolve("nightly-demo.yaml");
        nightly.lake = folder.resolve("lake");
        nightly.out = folder;
        NightlyCommand.Outcome outcome = nightly.run(console);
        Path lake = folder.resolve("lake");
        console.println();
        console.println("Lake (Hive-partitioned Parquet): " + lake + "; rejected lines under " + lake.resolve("rejects")
                + " (the synthetic samples carry deliberate defects, listed in their manifest.json)");
        console.println("Run history: bin/iago runs --lake " + lake);
        console.println("Signal report: " + outcome.report());
        console.flush();
        return ExitCodes.OK;
    }
}
