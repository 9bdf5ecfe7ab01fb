package org.iago.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.iago.ingest.IngestParameters;
import org.iago.ingest.faers.FaersExtract;
import org.iago.ingest.faers.FaersIngestJobConfiguration;
import org.iago.lake.FaersTable;
import org.iago.vocabulary.Quarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code iago ingest faers}: one FDA FAERS/LAERS quarterly ASCII extract into the lake. */
@Command(name = "faers", mixinStandardHelpOptions = true,
        description = {"Ingest one FDA FAERS (2012Q4 on) or legacy LAERS (2004Q1-2012Q3) quarterly ASCII extract.",
                "Writes <lake>/faers/<table>/quarter=<q>/ for demo, drug, reac, outc, rpsr, ther, indi and deleted, "
                        + "replacing that quarter atomically; rejected lines go to <lake>/rejects/faers/quarter=<q>/.",
                "Running the same command after a failure or a kill resumes the run; after a success it reruns it."})
public final class IngestFaersCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "<zip|dir>",
            description = "The quarter's zip (faers_ascii_2024q4.zip) or a folder holding its files.")
    Path input;

    @Option(names = "--quarter", paramLabel = "<YYYYQn>", converter = OptionValues.QuarterValue.class,
            description = "The quarter, when the file names do not say it; must agree with them when they do.")
    Quarter quarter;

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Override
    public Integer call() throws Exception {
        Path extractPath = input.toAbsolutePath().normalize();
        Quarter q = FaersExtract.open(extractPath).quarter(quarter);
        return ingest.run("ingest faers " + q + " from " + extractPath, FaersIngestJobConfiguration.class,
                FaersIngestJobConfiguration.JOB_NAME,
                (load, lake) -> IngestParameters.faers(load, extractPath, lake, q),
                Arrays.stream(FaersTable.values()).map(FaersTable::loadStepName).toList());
    }
}
