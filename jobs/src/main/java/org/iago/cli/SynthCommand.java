package org.iago.cli;

import picocli.CommandLine.Command;

/** {@code iago synth}: synthetic data generators. */
@Command(name = "synth", mixinStandardHelpOptions = true, description = "Generate synthetic extracts.",
        subcommands = {SynthFaersCommand.class, SynthRegistryCommand.class})
public final class SynthCommand extends SubcommandRequired {
}
