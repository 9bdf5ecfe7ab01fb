package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * One run of the nightly pipeline as its steps see it: the configuration, the run id (the job instance id, the same
 * across restarts of the run), the run folder {@code <out>/runs/<run-id>/}, and when this execution of it started.
 */
public record NightlyRun(NightlyConfig config, Path configFile, long runId, Path folder, LocalDateTime startedAt) {

    /** Job parameters: the configuration file, and the lake and output folders (identifying). */
    public static final String CONFIG = "config";
    public static final String LAKE = "lake";
    public static final String OUT = "out";

    public static NightlyRun of(StepExecution step) throws IOException {
        JobParameters parameters = step.getJobParameters();
        Path configFile = Path.of(parameters.getString(CONFIG));
        NightlyConfig config = NightlyConfig.load(configFile)
                .withLocations(Path.of(parameters.getString(LAKE)), Path.of(parameters.getString(OUT)));
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        return new NightlyRun(config, configFile, runId, RunFolders.run(config.out(), runId),
                step.getJobExecution().getStartTime());
    }

    public Lake lake() {
        return new Lake(config.lake());
    }

    /** Spark as configured ({@link IagoSpark}). */
    public SparkSession spark() {
        return IagoSpark.session("iago-nightly", config.spark().master(), config.spark().shufflePartitions());
    }
}
