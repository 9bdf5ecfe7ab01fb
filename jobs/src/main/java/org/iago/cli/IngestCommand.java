package org.iago.cli;

import picocli.CommandLine.Command;

/** {@code iago ingest}: the ingestion jobs. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest extracts into the Parquet lake.",
        subcommands = {IngestFaersCommand.class, IngestCasesCommand.class, IngestRegistryCommand.class})
public final class IngestCommand extends SubcommandRequired {
}
