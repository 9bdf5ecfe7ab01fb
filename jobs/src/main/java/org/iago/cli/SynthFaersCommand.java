package org.iago.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.iago.synth.FaersSynthSpec;
import org.iago.synth.FaersSynthesizer;
import org.iago.synth.SynthManifest;
import org.iago.vocabulary.Quarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code iago synth faers}: FDA-format quarterly extracts with planted CAR-T signals and, on request, planted
 * cross-caseid duplicates and drug-name variants.
 */
@Command(name = "faers", mixinStandardHelpOptions = true,
        description = {"Write synthetic FAERS quarterly ASCII extracts (current layout) with Zipf-distributed drugs "
                + "and events, follow-up versions, deleted cases, CAR-T products under brand, generic and code names, "
                + "planted CAR-T signals, and <out>/manifest.json saying what was planted.",
                "The same arguments always give the same bytes; an option left off leaves the others' bytes as "
                        + "they were."})
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

    @Option(names = "--duplicates", defaultValue = "0", paramLabel = "<n>",
            converter = OptionValues.AtLeastZero.class,
            description = "Per quarter, plant <n> copies of reports under another caseid that the default duplicate "
                    + "rule must merge (same sex, age in years, reporter country, event date, PTs and suspect "
                    + "ingredients) and <n> near-misses it must not (one of those fields different or missing); "
                    + "at most one per " + FaersSynthSpec.REPORTS_PER_DUPLICATE + " reports per quarter. The "
                    + "manifest lists each pair with the report the rule keeps (default: ${DEFAULT-VALUE}).")
    int duplicates;

    @Option(names = "--name-variants", description = "Write some rows of common drugs under variant spellings "
            + "(strengths, forms, case, punctuation, bracketed ingredient), often without prod_ai, and list each "
            + "spelling in the manifest with the ingredient it must map to.")
    boolean nameVariants;

    @Override
    public Integer call() throws Exception {
        int mostDuplicates = reportsPerQuarter / FaersSynthSpec.REPORTS_PER_DUPLICATE;
        if (duplicates > mostDuplicates) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--duplicates': " + duplicates
                    + " is more than one per " + FaersSynthSpec.REPORTS_PER_DUPLICATE + " of the " + reportsPerQuarter
                    + " reports per quarter (allowed: 0 to " + mostDuplicates + ")");
        }
        SynthManifest manifest = new FaersSynthesizer(new FaersSynthSpec(out.toAbsolutePath().normalize(), quarters,
                reportsPerQuarter, seed, defects, zip, duplicates, nameVariants)).write();
        spec.commandLine().getOut().printf("wrote %d quarters (%d reports, %d planted signals) to %s; %s lists what"
                + " was planted%n", quarters.size(), (long) quarters.size() * reportsPerQuarter,
                manifest.plantedSignals().size(), out.toAbsolutePath().normalize(), SynthManifest.FILE_NAME);
        if (manifest.duplicates() != null) {
            spec.commandLine().getOut().printf("planted %d duplicates and %d near-misses%n",
                    manifest.duplicates().exactPairs().size(), manifest.duplicates().nearMisses().size());
        }
        return ExitCodes.OK;
    }
}
