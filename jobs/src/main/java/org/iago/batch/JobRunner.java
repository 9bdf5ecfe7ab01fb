package org.iago.batch;

import java.time.LocalDateTime;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs a job so that the same command does the right thing whatever happened before:
 * <ul>
 * <li>no earlier run with these parameters: start one;</li>
 * <li>the last run failed, was stopped, or died (the JobRepository still shows it running, but this process holds the
 * {@link RunLock}, so nobody runs it): restart it, which resumes after its last committed chunk;</li>
 * <li>the last run completed: start a fresh run (a new {@code attempt}), so a rerun recomputes and replaces its
 * outputs.</li>
 * </ul>
 * The caller must hold the {@link RunLock} of the state folder.
 */
public final class JobRunner {

    /** Identifying parameter that tells successive complete runs of the same command apart. */
    public static final String ATTEMPT = "attempt";

    private final JobRepository repository;
    private final JobOperator operator;

    public JobRunner(JobRepository repository, JobOperator operator) {
        this.repository = repository;
        this.operator = operator;
    }

    public JobRunner(BatchContext context) {
        this(context.jobRepository(), context.jobOperator());
    }

    public JobExecution run(Job job, JobParameters parameters) throws Exception {
        for (long attempt = 1; ; attempt++) {
            JobParameters candidate = new JobParametersBuilder(parameters).addLong(ATTEMPT, attempt).toJobParameters();
            JobInstance instance = repository.getJobInstance(job.getName(), candidate);
            JobExecution last = instance == null ? null : repository.getLastJobExecution(instance);
            if (last != null && (last.getStatus() == BatchStatus.COMPLETED
                    || last.getStatus() == BatchStatus.ABANDONED)) {
                continue;
            }
            if (last != null && last.getStatus().isRunning()) {
                markDead(repository, repository.getJobExecution(last.getId()));
            }
            // start() restarts a failed instance, taking this command's non-identifying parameters
            return operator.start(job, candidate);
        }
    }

    /** Records that a run the repository shows as running has no live process, so that it can be restarted. */
    private static void markDead(JobRepository repository, JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        ExitStatus dead = ExitStatus.FAILED.addExitDescription(
                "the process running it ended without recording an end (killed or crashed)");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(dead);
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(dead);
        execution.setEndTime(now);
        repository.update(execution);
    }
}
