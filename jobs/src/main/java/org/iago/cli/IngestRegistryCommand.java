package org.iago.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.iago.ingest.IngestParameters;
import org.iago.ingest.registry.RegistryExtract;
import org.iago.ingest.registry.RegistryIngestJobConfiguration;
import org.iago.lake.RegistryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iago ingest registry}: a cellular-therapy registry extract into the lake. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Ingest a cellular-therapy registry extract: a folder with patients.csv, outcomes.csv, "
                + "toxicities.csv, infections.csv, labs.csv, management.csv and neoplasms.csv (docs/registry-format.md).",
                "Validates dates, products, codes, grades and patient references; writes <lake>/registry/<table>/, "
                        + "replacing the previous extract atomically; rejected lines go to <lake>/rejects/registry/."})
public final class IngestRegistryCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "<dir>", description = "The extract folder.")
    Path input;

    @Option(names = "--conf", defaultValue = "${env:IAGO_HOME:-.}/conf", paramLabel = "<dir>",
            description = "Folder with products.yaml, the known products (default: ${DEFAULT-VALUE}).")
    Path conf;

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Override
    public Integer call() throws Exception {
        Path folder = input.toAbsolutePath().normalize();
        // an extract lacking a table file is a bad input (exit 1), refused before the run starts
        RegistryExtract.open(folder, ingest.load.encoding);
        Path products = conf.resolve("products.yaml");
        return ingest.run("ingest registry from " + folder, RegistryIngestJobConfiguration.class,
                RegistryIngestJobConfiguration.JOB_NAME,
                (load, lake) -> IngestParameters.registry(load, folder, lake, products),
                Arrays.stream(RegistryTable.values()).map(RegistryTable::loadStepName).toList());
    }
}
