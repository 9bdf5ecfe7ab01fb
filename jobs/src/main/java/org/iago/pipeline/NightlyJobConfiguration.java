package org.iago.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.sql.DataSource;

import org.iago.batch.RunLock;
import org.iago.ingest.cases.CasesIngestJobConfiguration;
import org.iago.ingest.faers.FaersIngestJobConfiguration;
import org.iago.ingest.registry.RegistryIngestJobConfiguration;
import org.iago.review.SignalReviews;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code nightly} job: ingest what is new in the inbox, curate, detect, analyse, compare with the last run,
 * queue the signals for review, report, and point {@code latest} at the run. Steps that completed are not run again when a failed or killed run is
 * restarted; the step that failed runs again from its start and replaces its outputs, so a restarted run ends with the
 * outputs of a clean one. The analysis steps hold no database transaction while Spark works (a resourceless
 * transaction manager): Spark steps take minutes, and their outputs are files, not rows.
 */
@Configuration(proxyBeanMethods = false)
@Import({FaersIngestJobConfiguration.class, RegistryIngestJobConfiguration.class, CasesIngestJobConfiguration.class})
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";

    /** The steps in order, for reports of a run. */
    public static final List<String> STEPS = List.of("extractsIngest", "lakeCurate", "signalsDetect",
            "onsetMeasure", "registryAnalyse", "statusCompare", "reviewQueue", "reportWrite", "latestSwitch");

    @Bean
    public Job nightly(JobRepository jobRepository, JobExecutionListener runLockDescription, Step extractsIngest,
            Step lakeCurate, Step signalsDetect, Step onsetMeasure, Step registryAnalyse, Step statusCompare,
            Step reviewQueue, Step reportWrite, Step latestSwitch) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLockDescription)
                .start(extractsIngest)
                .next(lakeCurate)
                .next(signalsDetect)
                .next(onsetMeasure)
                .next(registryAnalyse)
                .next(statusCompare)
                .next(reviewQueue)
                .next(reportWrite)
                .next(latestSwitch)
                .build();
    }

    /** Tells anyone refused the run lock which run holds it. */
    @Bean
    public JobExecutionListener runLockDescription(ObjectProvider<RunLock> runLock) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                RunLock lock = runLock.getIfAvailable();
                if (lock == null) {
                    return;
                }
                try {
                    lock.describe("nightly run " + execution.getJobInstance().getInstanceId() + " (job execution "
                            + execution.getId() + ")");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Bean
    public Step extractsIngest(JobRepository jobRepository, ObjectProvider<JobOperator> jobOperator, Job faersIngest,
            Job registryIngest, Job casesIngest) {
        return new ExtractsIngestStep("extractsIngest", jobRepository, jobOperator, faersIngest, registryIngest,
                casesIngest);
    }

    @Bean
    public Step lakeCurate(JobRepository jobRepository) {
        return analysisStep("lakeCurate", jobRepository, NightlyTasks::curate);
    }

    @Bean
    public Step signalsDetect(JobRepository jobRepository) {
        return analysisStep("signalsDetect", jobRepository, NightlyTasks::detect);
    }

    @Bean
    public Step onsetMeasure(JobRepository jobRepository) {
        return analysisStep("onsetMeasure", jobRepository, NightlyTasks::onset);
    }

    @Bean
    public Step registryAnalyse(JobRepository jobRepository) {
        return analysisStep("registryAnalyse", jobRepository, NightlyTasks::registry);
    }

    @Bean
    public Step statusCompare(JobRepository jobRepository) {
        return analysisStep("statusCompare", jobRepository, NightlyTasks::status);
    }

    /** The review log lives in the JobRepository's database: the same data source, never a second pool on it. */
    @Bean
    public Step reviewQueue(JobRepository jobRepository, DataSource dataSource) {
        return analysisStep("reviewQueue", jobRepository, run -> NightlyTasks.reviewQueue(run,
                SignalReviews.open(dataSource)));
    }

    @Bean
    public Step reportWrite(JobRepository jobRepository) {
        return analysisStep("reportWrite", jobRepository, NightlyTasks::report);
    }

    @Bean
    public Step latestSwitch(JobRepository jobRepository) {
        return analysisStep("latestSwitch", jobRepository, NightlyTasks::latest);
    }

    private static Step analysisStep(String name, JobRepository jobRepository, Work work) {
        Tasklet tasklet = (contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            step.setExitStatus(ExitStatus.COMPLETED.addExitDescription(work.on(NightlyRun.of(step))));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, jobRepository).tasklet(tasklet, new ResourcelessTransactionManager()).build();
    }

    /** The work of a step on its run, reading the run from the step's job parameters; returns a summary. */
    @FunctionalInterface
    private interface Work {
        String on(NightlyRun run) throws Exception;
    }
}
