package org.iago.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.iago.lake.Lake;
import org.iago.tte.OnsetJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iago onset}: time to onset from FAERS with the Weibull shape parameter test. */
@Command(name = "onset", mixinStandardHelpOptions = true,
        description = {"Time to onset from the curated FAERS lake: for each primary-suspect drug and toxicity group, "
                + "days from the THER start date to the event date (day-precision dates only; partial dates and "
                + "negative intervals counted as excluded), median and quartiles, and the Weibull shape parameter "
                + "test (shape with 95%% CI; hazard EARLY, RANDOM or WEAR_OUT).",
                "Writes <out>/onset.csv and <out>/onset_days.csv (the onsets, one row per report). Spontaneous "
                        + "reports are right-truncated: read late onsets with care."})
public final class OnsetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The curated lake.")
    Path lake;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--drug-level", paramLabel = "product|target",
            description = "CAR-T products by brand or pooled by target (default: target).")
    DrugLevel drugLevel = DrugLevel.TARGET;

    /** CAR-T products by brand, or pooled by target. */
    enum DrugLevel { PRODUCT, TARGET }

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Override
    public Integer call() throws Exception {
        Path output = out.toAbsolutePath().normalize();
        int rows = new OnsetJob(sparkOptions.session("iago-onset")).run(new Lake(lake), drugLevel == DrugLevel.TARGET,
                output);
        spec.commandLine().getOut().printf("onset: %d drug x toxicity-group rows in %s%n", rows,
                output.resolve("onset.csv"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
