package org.iago.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.iago.batch.RunLock;
import org.iago.ingest.cases.CasesIngestJobConfiguration;
import org.iago.ingest.faers.FaersIngestJobConfiguration;
import org.iago.ingest.registry.RegistryIngestJobConfiguration;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code nightly} job: ingest what is new in the inbox, curate, detect, analyse, compare with the last run,
 * report, and point {@code latest} at the run. Steps that completed are not run again when a failed or killed run is
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
            "onsetMeasure", "registryAnalyse", "statusCompare", "reportWrite", "latestSwitch");

    @Bean
    public Job nightly(JobRepository jobRepository, JobExecutionListener runLockDescription, Step extractsIngest,
            Step lakeCurate, Step signalsDetect, Step onsetMeasure, Step registryAnalyse, Step statusCompare,
            Step reportWrite, Step latestSwitch) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runLockDescription)
                .start(extractsIngest)
                .next(lakeCurate)
                .next(signalsDetect)
                .next(onsetMeasure)
                .next(registryAnalyse)
                .next(statusCompare)
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
    public Step lakeCurate(JobRepository jobRepository, Tasklet curateTasklet) {
        return analysisStep("lakeCurate", jobRepository, curateTasklet);
    }

    @Bean
    public Step signalsDetect(JobRepository jobRepository, Tasklet detectTasklet) {
        return analysisStep("signalsDetect", jobRepository, detectTasklet);
    }

    @Bean
    public Step onsetMeasure(JobRepository jobRepository, Tasklet onsetTasklet) {
        return analysisStep("onsetMeasure", jobRepository, onsetTasklet);
    }

    @Bean
    public Step registryAnalyse(JobRepository jobRepository, Tasklet registryTasklet) {
        return analysisStep("registryAnalyse", jobRepository, registryTasklet);
    }

    @Bean
    public Step statusCompare(JobRepository jobRepository, Tasklet statusTasklet) {
        return analysisStep("statusCompare", jobRepository, statusTasklet);
    }

    @Bean
    public Step reportWrite(JobRepository jobRepository, Tasklet reportTasklet) {
        return analysisStep("reportWrite", jobRepository, reportTasklet);
    }

    @Bean
    public Step latestSwitch(JobRepository jobRepository, Tasklet latestTasklet) {
        return analysisStep("latestSwitch", jobRepository, latestTasklet);
    }

    @Bean
    @StepScope
    public Tasklet curateTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.curate(run));
    }

    @Bean
    @StepScope
    public Tasklet detectTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.detect(run));
    }

    @Bean
    @StepScope
    public Tasklet onsetTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.onset(run));
    }

    @Bean
    @StepScope
    public Tasklet registryTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.registry(run));
    }

    @Bean
    @StepScope
    public Tasklet statusTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.status(run));
    }

    @Bean
    @StepScope
    public Tasklet reportTasklet(@Value("#{stepExecution}") StepExecution step,
            @Value("#{jobParameters['" + NightlyRun.CONFIG + "']}") String config) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> finish(contribution.getStepExecution(), NightlyTasks.report(run,
                Path.of(config), step.getJobExecution().getStartTime()));
    }

    @Bean
    @StepScope
    public Tasklet latestTasklet(@Value("#{stepExecution}") StepExecution step) throws IOException {
        NightlyRun run = NightlyRun.of(step);
        return (contribution, chunk) -> {
            RunFolders.switchLatest(run.config().out(), run.runId());
            return finish(contribution.getStepExecution(), "latest -> " + run.folder());
        };
    }

    private static Step analysisStep(String name, JobRepository jobRepository, Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, new ResourcelessTransactionManager()).build();
    }

    private static RepeatStatus finish(StepExecution step, String summary) {
        step.setExitStatus(ExitStatus.COMPLETED.addExitDescription(summary));
        return RepeatStatus.FINISHED;
    }
}
