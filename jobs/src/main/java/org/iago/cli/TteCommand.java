package org.iago.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.tte.registry.RegistryTteJob;
import org.iago.tte.registry.RegistryTteOptions;
import org.iago.tte.registry.RegistryTteSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iago tte}: registry time-to-event signals, grading harmonization and management comparisons. */
@Command(name = "tte", mixinStandardHelpOptions = true,
        description = {"Time-to-event analysis of the registry in the lake (after ingest registry): Kaplan-Meier "
                + "overall survival; Aalen-Johansen cumulative incidence of every toxicity, infection and subsequent "
                + "neoplasm with death as competing event, with Gray's test between products and targets; onset "
                + "patterns (Weibull shape); infections and toxicities per 100 patient-days in days 0-30, 31-100 and "
                + ">100 by pathogen class, severity, setting and prophylaxis; rate ratios of management options; "
                + "ASTCT/EHA grades re-derived from raw parameters and their agreement with the recorded grades.",
                "Writes Parquet and CSV tables under <out>/tte/ (docs/outputs.md). Runs in this process, without "
                + "Spark: a registry fits in memory."})
public final class TteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake folder.")
    Path lake;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--competing-relapse",
            description = "Relapse or next therapy also competes with every event in the cumulative incidences.")
    boolean competingRelapse;

    @Option(names = "--censor-at-relapse",
            description = "At-risk time of rates and rate ratios ends at relapse or next therapy.")
    boolean censorAtRelapse;

    @Override
    public Integer call() throws Exception {
        Path output = out.toAbsolutePath().normalize();
        RegistryTteOptions options = RegistryTteOptions.defaults().withCompetingRelapse(competingRelapse)
                .withCensorAtRelapse(censorAtRelapse);
        RegistryTteSummary summary = new RegistryTteJob(new Configuration()).run(new Lake(lake),
                LakePaths.location(output), options);
        spec.commandLine().getOut().printf("tte: %d patients (%d without an outcome row excluded), %d patient-days at"
                + " risk, %d infections; tables in %s%n", summary.patients(), summary.excludedNoOutcome(),
                summary.atRiskPatientDays(), summary.infections(), output.resolve(RegistryTteJob.FOLDER));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
