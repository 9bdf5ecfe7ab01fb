package org.iago.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.iago.lake.Quarter;
import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.synth.SynthManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iago synth faers}: FDA-format quarterly extracts with planted CAR-T signals. */
@Command(name = "faers", mixinStandardHelpOptions = true,
        description = {"Write synthetic FAERS quarterly ASCII extracts (current layout) with Zipf-distributed drugs "
                + "and events, follow-up versions, deleted cases, CAR-T products under brand, generic and code names, "
                + "planted CAR-T signals, and <out>/manifest.json saying what was planted.",
                "The same arguments always give the same bytes."})
public final class SynthFaersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    List<Quarter> quarters;

    @Option(names = "--quarters", required = true, paramLabel = "<from..to>",
            description = "Quarters to generate, e.g. 2023Q1..2024Q4 or 2024Q1.")
    void quarters(String range) {
        try {
            quarters = Quarter.parseRange(range);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--quarters': " + e.getMessage()
                    + " (allowed: a quarter such as 2024Q1, or a range first..last such as 2023Q1..2024Q4)");
        }
    }

    @Option(names = "--reports-per-quarter", required = true, paramLabel = "<n>",
            converter = OptionValues.AtLeastOne.class, description = "DEMO rows per quarter.")
    int reportsPerQuarter;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<seed>", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--defects", description = "Insert malformed lines of every kind and list them in the manifest.")
    boolean defects;

    @Option(names = "--zip", description = "Write faers_ascii_<yyyy>q<n>.zip files instead of folders.")
    boolean zip;

    @Override
    public Integer call() throws Exception {
        SynthManifest manifest = new FaersSynthesizer(new FaersSynthSpec(out.toAbsolutePath().normalize(), quarters,
                reportsPerQuarter, seed, defects, zip)).write();
        spec.commandLine().getOut().printf("wrote %d quarters (%d reports, %d planted signals) to %s; %s lists what"
                + " was planted%n", quarters.size(), (long) quarters.size() * reportsPerQuarter,
                manifest.plantedSignals().size(), out.toAbsolutePath().normalize(), SynthManifest.FILE_NAME);
        return ExitCodes.OK;
    }
}
