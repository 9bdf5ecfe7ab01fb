package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * One run of the nightly pipeline as its steps see it: the configuration, the run id (the job instance id, the same
 * across restarts of the run) and the run folder {@code <out>/runs/<run-id>/}.
 */
public record NightlyRun(NightlyConfig config, long runId, Path folder) {

    /** Job parameters: the configuration file, and the lake and output folders (identifying). */
    public static final String CONFIG = "config";
    public static final String LAKE = "lake";
    public static final String OUT = "out";

    public static NightlyRun of(StepExecution step) throws IOException {
        JobParameters parameters = step.getJobParameters();
        NightlyConfig config = NightlyConfig.load(Path.of(parameters.getString(CONFIG)))
                .withLocations(Path.of(parameters.getString(LAKE)), Path.of(parameters.getString(OUT)));
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        return new NightlyRun(config, runId, RunFolders.run(config.out(), runId));
    }

    public Lake lake() {
        return new Lake(config.lake());
    }

    /** Spark as configured ({@link IagoSpark}). */
    public SparkSession spark() {
        return IagoSpark.session("iago-nightly", config.spark().master(), config.spark().shufflePartitions());
    }
}
