package org.iago.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.iago.batch.BatchContext;
import org.iago.batch.JobRunner;
import org.iago.batch.RunLock;
import org.iago.lake.Lake;
import org.iago.pipeline.NightlyConfig;
import org.iago.pipeline.NightlyJobConfiguration;
import org.iago.pipeline.NightlyRun;
import org.iago.pipeline.RunFolders;
import org.iago.vocabulary.RunLayout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code iago nightly}: the whole pipeline as one restartable Spring Batch job. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Run the nightly pipeline of a configuration (docs/operations.md): ingest every extract of the "
                + "inbox folders not ingested before (same SHA-256: skipped), curate, detect signals (target, product, "
                + "within-class; emergence by quarter), time to onset, registry time-to-event, signal status against "
                + "the last successful run, and the report; outputs in <out>/runs/<run-id>/, and <out>/latest points "
                + "to the run once it succeeded.",
                "After a failure or a kill, the same command resumes the run at the step that did not complete."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:the run completed", "1:the run failed (run the same command to resume it)",
                "2:usage error", "3:completed, some input lines were rejected"})
public final class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "<yaml>", description = "The pipeline configuration.")
    Path config;

    @Option(names = "--lake", paramLabel = "<dir>", description = "Lake folder instead of the configuration's.")
    Path lake;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output folder instead of the configuration's.")
    Path out;

    @Mixin
    StateOptions state = new StateOptions();

    /** The outcome of a run that completed, for the demo. */
    record Outcome(int exitCode, long runId, Path report) {
    }

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut()).exitCode();
    }

    Outcome run(PrintWriter console) throws Exception {
        Path file = config.toAbsolutePath().normalize();
        NightlyConfig settings = NightlyConfig.load(file).withLocations(absolute(lake), absolute(out));
        Lake target = new Lake(settings.lake());
        JobParameters parameters = new JobParametersBuilder()
                .addString(NightlyRun.CONFIG, file.toString())
                .addString(NightlyRun.LAKE, settings.lake().toString())
                .addString(NightlyRun.OUT, settings.out().toString())
                .toJobParameters();
        List<Path> folders = List.of(settings.lake(), settings.out(), state.stateFolder(target));
        state.requireRoomToRecord(target);
        try (RunLock lock = RunLock.acquire(state.lockFolder(target), "nightly --config " + file);
             BatchContext context = BatchContext.open(state.database(target),
                     Map.of("iago.ingest.chunk-size", settings.load().chunkSize()), Map.of("runLock", lock),
                     NightlyJobConfiguration.class)) {
            JobExecution execution = new JobRunner(context).run(context.job(NightlyJobConfiguration.JOB_NAME),
                    parameters);
            return report(console, settings, folders, context.jobRepository(), execution);
        } catch (RunFailedException e) {
            throw e;
        } catch (Exception e) {
            // e.g. the JobRepository cannot be written: the folders tell where a full disk is
            throw new RunFailedException("nightly --config " + file + ": failed", List.of(e), null, folders);
        }
    }

    /**
     * Every step of the run, those completed by an earlier execution of a restarted run included; a run that did not
     * complete is a {@link RunFailedException}.
     */
    private static Outcome report(PrintWriter console, NightlyConfig settings, List<Path> folders,
            JobRepository repository, JobExecution execution) throws RunFailedException {
        long runId = execution.getJobInstance().getInstanceId();
        console.printf("nightly run %d: %s (job execution %d, %.1f s)%n", runId, execution.getStatus(),
                execution.getId(), seconds(execution.getStartTime(), execution.getEndTime()));
        long rejected = 0;
        for (String step : NightlyJobConfiguration.STEPS) {
            StepExecution s = repository.getLastStepExecution(execution.getJobInstance(), step);
            if (s == null) {
                console.printf("  %-16s not run%n", step);
                continue;
            }
            String earlier = s.getJobExecutionId() == execution.getId() ? ""
                    : " (job execution " + s.getJobExecutionId() + ")";
            console.printf("  %-16s %-9s %7.1f s  %s%s%n", step, s.getStatus(), seconds(s.getStartTime(),
                    s.getEndTime()), s.getExitStatus().getExitDescription().lines().findFirst().orElse(""), earlier);
            rejected += s.getWriteSkipCount();
        }
        Path folder = RunFolders.run(settings.out(), runId);
        Path report = folder.resolve(RunLayout.REPORT).resolve(RunLayout.REPORT_HTML);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            for (Throwable cause : FailureReport.causes(execution.getAllFailureExceptions())) {
                console.println("  failed: " + FailureReport.describe(cause, folders));
            }
            console.println("  latest still points to the last successful run. Fix the cause and run the same command"
                    + " again: it resumes at the step that failed.");
            console.flush();
            throw new RunFailedException("nightly run " + runId + ": " + execution.getStatus(),
                    execution.getAllFailureExceptions(), "latest still points to the last successful run: fix the"
                            + " cause and run the same command again to resume at the step that failed", folders);
        }
        console.println("  run folder: " + folder);
        console.println("  report:     " + report + " (and report.pdf)");
        console.println("  latest:     " + settings.out().resolve("latest"));
        if (rejected > 0) {
            console.println("  " + rejected + " input lines were rejected: see <lake>/rejects/");
        }
        console.flush();
        return new Outcome(rejected > 0 ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.OK, runId, report);
    }

    private static double seconds(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
    }

    private static Path absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }
}
