package org.iago.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.iago.synth.registry.RegistryManifest;
import org.iago.synth.registry.RegistrySynthSpec;
import org.iago.synth.registry.RegistrySynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iago synth registry}: a cellular-therapy registry extract with known hazards. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Write a synthetic CAR-T registry extract (docs/registry-format.md: patients, outcomes, "
                + "toxicities, infections, labs, management, neoplasms) with known toxicity incidences and onsets, "
                + "infection rates, prophylaxis and IVIG effects, and <out>/manifest.json stating them.",
                "The same arguments always give the same bytes."})
public final class SynthRegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--patients", required = true, paramLabel = "<n>", converter = OptionValues.AtLeastOne.class,
            description = "Number of patients.")
    int patients;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<seed>", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--defects", description = "Add one invalid line of every kind and list them in the manifest.")
    boolean defects;

    @Override
    public Integer call() throws Exception {
        Path folder = out.toAbsolutePath().normalize();
        RegistryManifest manifest = new RegistrySynthesizer(new RegistrySynthSpec(folder, patients, seed, defects))
                .write();
        spec.commandLine().getOut().printf("wrote %d patients (%d discordant CRS/ICANS grades, %d invalid lines) to"
                + " %s; %s lists the hazards%n", patients, manifest.discordantGrades(), manifest.defects().size(),
                folder, RegistryManifest.FILE_NAME);
        return ExitCodes.OK;
    }
}
