package org.iago.cli;

import java.util.Map;

import org.iago.ingest.IngestParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Option;

/**
 * How an ingestion job reads its input: encoding, reject limit and chunk size. Field values are the defaults; picocli
 * checks given values ({@link OptionValues}).
 */
public final class LoadOptions {

    @Option(names = "--encoding", paramLabel = "<charset>", converter = OptionValues.CharsetName.class,
            description = "Encoding of the input (default: ${DEFAULT-VALUE}); lines not valid in it are rejected.")
    String encoding = "UTF-8";

    @Option(names = "--max-reject-fraction", paramLabel = "<fraction>", converter = OptionValues.Share.class,
            description = "Fail a file when more than this share of its lines is rejected, from 0 to 1 (default: "
                    + "${DEFAULT-VALUE}).")
    double maxRejectFraction = 0.01;

    @Option(names = "--chunk-size", paramLabel = "<lines>", converter = OptionValues.AtLeastOne.class,
            description = "Lines per transaction and per Parquet part file (default: ${DEFAULT-VALUE}).")
    int chunkSize = 100_000;

    JobParametersBuilder parameters() {
        return IngestParameters.load(encoding, maxRejectFraction);
    }

    Map<String, Object> properties() {
        return Map.of("iago.ingest.chunk-size", chunkSize);
    }
}
