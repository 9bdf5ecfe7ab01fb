package org.iago.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.iago.batch.RootCause;
import org.iago.lake.FreeSpace;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.springframework.batch.core.BatchStatus;
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
    /** The job parameter naming the input file or folder, shared by every ingestion job. */
    private static final String INPUT = "input";

    private StagingArea() {
    }

    public static Lake lake(JobExecution execution) {
        return new Lake(Path.of(execution.getJobParameters().getString(LAKE)));
    }

    public static Path of(JobExecution execution) {
        return lake(execution).staging().resolve(execution.getJobInstance().getJobName() + "-"
                + execution.getJobInstance().getInstanceId());
    }

    /**
     * Before each run, refuses to start when the lake's file system has less free space than {@link FreeSpace#margin}
     * and, on a job instance's first run, the input's size (the staged Parquet, compressed, is smaller); on the first
     * run (not on restart), empties its staging folder. After a run that failed once its publish had completed (recording the
     * step's or the job's end failed), adds a {@link LakePublishTasklet.PublishedException} that says what was
     * published.
     */
    public static JobExecutionListener prepare(JobRepository repository) {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                String published = execution.getExecutionContext().getString(LakePublishTasklet.PUBLISHED, null);
                if (published != null && execution.getStatus() != BatchStatus.COMPLETED) {
                    List<Throwable> failures = execution.getAllFailureExceptions();
                    Throwable cause = failures.isEmpty() ? null : failures.get(0);
                    execution.addFailureException(new LakePublishTasklet.PublishedException(published
                            + " was published; recording the run failed: " + (cause == null ? execution.getStatus()
                            : RootCause.message(cause))));
                }
            }

            @Override
            public void beforeJob(JobExecution execution) {
                // a restart carries the context of the execution before it
                execution.getExecutionContext().remove(LakePublishTasklet.PUBLISHED);
                boolean firstRun = repository.getJobExecutions(execution.getJobInstance()).size() <= 1;
                try {
                    // a restart has staged most of the input already, and one that only finishes a killed publish
                    // writes almost nothing: it must not be refused for the whole input's size
                    String input = execution.getJobParameters().getString(INPUT);
                    FreeSpace.require(lake(execution).root(), input == null || !firstRun ? 0 : size(Path.of(input)),
                            "ingesting " + input);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (firstRun) {
                    try {
                        Publisher.local().deleteRecursively(LakePaths.location(of(execution)));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot clear staging folder " + of(execution), e);
                    }
                }
            }
        };
    }

    /** Bytes of a file, of a zip's entries uncompressed, or of a folder's files. */
    static long size(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            long total = 0;
            try (Stream<Path> files = Files.walk(input)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    total += size(f);
                }
            }
            return total;
        }
        if (!Files.isRegularFile(input)) {
            return 0;
        }
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            long total = 0;
            try (ZipFile zip = new ZipFile(input.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    total += Math.max(0, entries.nextElement().getSize());
                }
            } catch (IOException e) {
                // not a readable zip: its reader says why; its own size is the estimate
                return Files.size(input);
            }
            return total;
        }
        return Files.size(input);
    }
}
