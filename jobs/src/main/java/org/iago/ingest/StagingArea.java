package org.iago.ingest;

import java.io.IOException;
import java.nio.file.Path;

import org.iago.lake.Lake;
import org.iago.lake.PartitionPublisher;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The private staging folder of one job instance, {@code <lake>/_staging/<job>-<instance id>/}. Keyed by instance, so
 * a restart finds the work of the steps that already completed, and two different commands never share files.
 */
public final class StagingArea {

    /** The job parameter naming the lake folder, shared by every ingestion job. */
    public static final String LAKE = "lake";

    private StagingArea() {
    }

    public static Lake lake(JobExecution execution) {
        return new Lake(Path.of(execution.getJobParameters().getString(LAKE)));
    }

    public static Path of(JobExecution execution) {
        return lake(execution).staging().resolve(execution.getJobInstance().getJobName() + "-"
                + execution.getJobInstance().getInstanceId());
    }

    /** Empties the staging folder when a job instance runs for the first time (not on restart). */
    public static JobExecutionListener freshOnFirstRun(JobRepository repository) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                if (repository.getJobExecutions(execution.getJobInstance()).size() <= 1) {
                    try {
                        PartitionPublisher.deleteRecursively(of(execution));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot clear staging folder " + of(execution), e);
                    }
                }
            }
        };
    }
}
