package org.iago.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.iago.batch.BatchContext;
import org.iago.batch.JobRunner;
import org.iago.batch.RunLock;
import org.iago.ingest.FileReconciliation.FileCount;
import org.iago.ingest.LakePublishTasklet;
import org.iago.lake.Lake;
import org.iago.lake.PublishJournal;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs one ingestion job under the state folder's lock and prints how every input line was accounted for.
 */
final class IngestRun {

    private IngestRun() {
    }

    /**
     * @param loadSteps the steps whose file counts are reported, in order
     * @return the exit code: {@link ExitCodes#OK}, or {@link ExitCodes#COMPLETED_WITH_REJECTS} when a line was rejected
     */
    static int run(PrintWriter out, Lake lake, StateOptions state, String what, Class<?> jobConfiguration,
            String jobName, JobParameters parameters, Map<String, Object> properties, List<String> loadSteps)
            throws Exception {
        List<Path> folders = List.of(lake.root(), state.stateFolder(lake));
        try (RunLock lock = RunLock.acquire(state.lockFolder(lake), what)) {
            state.requireRoomToRecord(lake);
            Instant started = Instant.now();
            try (BatchContext context = BatchContext.open(state.database(lake), properties, jobConfiguration)) {
                JobExecution execution = new JobRunner(context).run(context.job(jobName), parameters);
                return report(out, lake, context.jobRepository(), execution, what, loadSteps, folders);
            } catch (RunFailedException e) {
                throw e;
            } catch (Exception e) {
                // e.g. the JobRepository cannot be written: the folders tell where a full disk is. Its last write may
                // fail after the publish step renamed the tables in, and only the lake can tell then.
                List<Path> manifests = manifestsWrittenSince(lake, started);
                List<Throwable> failures = manifests.isEmpty() ? List.of(e)
                        : List.of(new LakePublishTasklet.PublishedException("the tables of " + manifests.stream()
                                .map(m -> lake.root().relativize(m).toString()).toList() + " were published;"
                                + " recording the run failed"), e);
                throw new RunFailedException(what + ": failed", failures, advice(lake, !manifests.isEmpty()),
                        folders);
            }
        } catch (RunFailedException e) {
            throw e;
        } catch (Exception e) {
            // the lock or its folder: nothing ran
            throw new RunFailedException(what + ": failed", List.of(e), null, folders);
        }
    }

    /**
     * Prints how every line was accounted for; a run that did not complete is a {@link RunFailedException}.
     *
     * @param folders the folders the run writes to
     */
    private static int report(PrintWriter out, Lake lake, JobRepository repository, JobExecution execution,
            String what, List<String> loadSteps, List<Path> folders) throws RunFailedException {
        long lines = 0;
        long written = 0;
        long rejected = 0;
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf("%s: %s (job instance %d, execution %d, %.1f s)%n", what, execution.getStatus(),
                execution.getJobInstance().getInstanceId(), execution.getId(), took.toMillis() / 1000.0);
        out.printf("  %-28s %12s %12s %10s%n", "file", "lines", "written", "rejected");
        for (String step : loadSteps) {
            StepExecution last = repository.getLastStepExecution(execution.getJobInstance(), step);
            FileCount count = last == null ? null : FileCount.from(last.getExecutionContext());
            if (count == null || last.getStatus() != BatchStatus.COMPLETED) {
                out.printf("  %-28s %12s%n", count == null ? step : count.file(),
                        last == null ? "not run" : last.getStatus());
                continue;
            }
            out.printf("  %-28s %12d %12d %10d%s%n", count.file(), count.lines(), count.written(), count.rejected(),
                    count.reconciles() ? "" : "  DOES NOT RECONCILE");
            lines += count.lines();
            written += count.written();
            rejected += count.rejected();
        }
        out.printf("  %-28s %12d %12d %10d%n", "total", lines, written, rejected);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            for (Throwable cause : FailureReport.causes(execution.getAllFailureExceptions())) {
                out.println("  failed: " + FailureReport.describe(cause, folders));
            }
            String advice = advice(lake, execution.getAllFailureExceptions().stream()
                    .anyMatch(LakePublishTasklet.PublishedException.class::isInstance));
            out.println("  " + advice);
            out.flush();
            throw new RunFailedException(what + ": " + execution.getStatus(), execution.getAllFailureExceptions(),
                    advice, folders);
        }
        out.flush();
        return rejected > 0 ? ExitCodes.COMPLETED_WITH_REJECTS : ExitCodes.OK;
    }

    /** What a failed run left in the lake, and what to do. */
    private static String advice(Lake lake, boolean published) {
        List<PublishJournal.Entry> pending;
        try {
            pending = PublishJournal.pending(lake.location(), null);
        } catch (IOException e) {
            pending = List.of();
        }
        if (!pending.isEmpty()) {
            return String.join(", ", pending.stream().map(PublishJournal.Entry::dataset).toList()) + " is half"
                    + " published: readers refuse it until the same command, run again once the cause is fixed,"
                    + " finishes the publish";
        }
        return published ? "Its tables are in the lake: fix the cause and run the same command again to record the run"
                : "Nothing of this run was published to the lake: fix the cause and run the same command again to"
                        + " resume";
    }

    /** The ingestion manifests ({@code <lake>/_meta/**.json}) written since {@code since}: what a run published. */
    private static List<Path> manifestsWrittenSince(Lake lake, Instant since) {
        Path meta = lake.root().resolve("_meta");
        if (!Files.isDirectory(meta)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(meta)) {
            return files.filter(f -> f.toString().endsWith(".json") && modifiedSince(f, since)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since.truncatedTo(ChronoUnit.SECONDS));
        } catch (IOException e) {
            return false;
        }
    }
}
