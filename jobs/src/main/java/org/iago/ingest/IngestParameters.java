package org.iago.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.iago.lake.Lake;
import org.iago.vocabulary.Quarter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of the ingestion jobs, built in one place for the {@code ingest} commands and the nightly
 * pipeline, so that both name the same job instance for the same input. The case table's are
 * {@code ingest.cases.CasesIngestJobConfiguration.parameters}, beside the job that reads them: this package is shared
 * by every ingestion and imports none of them.
 */
public final class IngestParameters {

    private IngestParameters() {
    }

    /**
     * {@code encoding} (identifying) and {@code maxRejectFraction} (not identifying, so a restart may raise it).
     *
     * @throws java.nio.charset.UnsupportedCharsetException when the encoding is unknown
     */
    public static JobParametersBuilder load(String encoding, double maxRejectFraction) {
        Charset.forName(encoding);
        return new JobParametersBuilder().addString("encoding", encoding)
                .addDouble("maxRejectFraction", maxRejectFraction, false);
    }

    public static JobParameters faers(JobParametersBuilder load, Path extract, Lake lake, Quarter quarter) {
        return new JobParametersBuilder(load.toJobParameters())
                .addString("input", extract.toAbsolutePath().normalize().toString())
                .addString(StagingArea.LAKE, lake.root().toString())
                .addString("quarter", quarter.toString())
                .toJobParameters();
    }

    public static JobParameters registry(JobParametersBuilder load, Path folder, Lake lake, Path products) {
        return new JobParametersBuilder(load.toJobParameters())
                .addString("input", folder.toAbsolutePath().normalize().toString())
                .addString(StagingArea.LAKE, lake.root().toString())
                .addString("products", products.toAbsolutePath().normalize().toString())
                .toJobParameters();
    }
}
