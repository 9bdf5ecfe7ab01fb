package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * One run of the nightly pipeline as its steps see it: the configuration, the run id (the job instance id, the same
 * across restarts of the run), the run folder {@code <out>/runs/<run-id>/}, when this execution of it started, and
 * how to get Spark: only a step that computes asks for it, so a run whose inputs did not change starts no Spark.
 */
public record NightlyRun(NightlyConfig config, Path configFile, long runId, Path folder, LocalDateTime startedAt,
        Supplier<SparkSession> sparkSession) {

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
        NightlyConfig.Spark spark = config.spark();
        return new NightlyRun(config, configFile, runId, RunFolders.run(config.out(), runId),
                step.getJobExecution().getStartTime(),
                () -> IagoSpark.session("iago-nightly", spark.master(), spark.shufflePartitions()));
    }

    public Lake lake() {
        return new Lake(config.lake());
    }

    /** Spark as configured ({@link IagoSpark}), started on the first call. */
    public SparkSession spark() {
        return sparkSession.get();
    }
}
