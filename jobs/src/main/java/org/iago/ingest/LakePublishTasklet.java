package org.iago.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.iago.ingest.FileReconciliation.FileCount;
import org.iago.lake.FreeSpace;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.LakeSchema;
import org.iago.lake.PublishJournal;
import org.iago.lake.Publisher;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step of an ingestion job: checks that every file reconciles ({@code lines = written + rejected}), then swaps
 * the staged partitions and rejects into the lake ({@link Publisher}) and writes the ingestion manifest. Nothing
 * reaches the lake before every load step has completed, and a publish that dies half-way finishes on restart. The
 * renames run between the writing and the deleting of a {@link PublishJournal} record, so that readers refuse the
 * dataset, rather than read some tables new and some old, while a killed publish waits for its restart.
 */
public class LakePublishTasklet implements Tasklet {

    /** A staged table partition, its schema, and where it goes. */
    public record Publication(String loadStep, Path staged, LakeSchema schema, Path target) {
    }

    /**
     * Test only: the JVM halts, as {@code kill -9} would stop it, once this many tables are published (for the kill
     * tests of a publish; unset, it never does).
     */
    public static final String HALT_AFTER_TABLES = "iago.test.haltAfterPublishedTables";

    /**
     * Key in the job execution's context, set (in memory) once the publish is complete: what was published. A run that
     * fails after it, recording its end, {@linkplain StagingArea#prepare says so}.
     */
    static final String PUBLISHED = "published";

    private final JobRepository repository;
    private final List<Publication> publications;
    private final Path stagedRejects;
    private final Path rejectsTarget;
    private final Path manifestTarget;
    private final Map<String, Object> description;
    private final String dataset;
    private final String finish;

    /**
     * @param description what was ingested (source, input, quarter …), written at the top of the manifest
     * @param dataset     what is published, in words ("FAERS quarter 2024Q4"), for the publish record
     * @param finish      the command that finishes a publish this run leaves half done (see {@link #command})
     */
    public LakePublishTasklet(JobRepository repository, List<Publication> publications, Path stagedRejects,
            Path rejectsTarget, Path manifestTarget, Map<String, Object> description, String dataset,
            String finish) {
        this.repository = repository;
        this.publications = List.copyOf(publications);
        this.stagedRejects = stagedRejects;
        this.rejectsTarget = rejectsTarget;
        this.manifestTarget = manifestTarget;
        this.description = description;
        this.dataset = dataset;
        this.finish = finish;
    }

    /** A command line to show, each word that a shell would split or expand in single quotes. */
    public static String command(String... words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word.matches("[A-Za-z0-9_./=:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution publish = chunkContext.getStepContext().getStepExecution();
        JobExecution job = publish.getJobExecution();
        List<FileCount> counts = new ArrayList<>();
        for (Publication p : publications) {
            StepExecution load = repository.getLastStepExecution(job.getJobInstance(), p.loadStep());
            FileCount count = load == null ? null : FileCount.from(load.getExecutionContext());
            if (count == null) {
                throw new IllegalStateException("step " + p.loadStep() + " recorded no line counts; nothing published");
            }
            if (!count.reconciles()) {
                throw new IllegalStateException(String.format("%s does not reconcile: %d lines, but %d written and %d"
                        + " rejected; nothing published", count.file(), count.lines(), count.written(),
                        count.rejected()));
            }
            counts.add(count);
        }
        Lake lake = StagingArea.lake(job);
        FreeSpace.require(lake.root(), 0, "publishing " + dataset + " and recording the run");
        PublishJournal.Entry record = new PublishJournal.Entry(dataset, publications.stream()
                .map(p -> lake.root().relativize(p.target()).toString()).toList(), finish);
        PublishJournal.begin(lake, StagingArea.of(job).getFileName().toString(), record);
        Publisher publisher = Publisher.local();
        int published = 0;
        for (Publication p : publications) {
            if (Files.isDirectory(p.staged())) {
                ParquetPartWriter.ensureSchema(p.staged(), p.schema());
            }
            publisher.replace(LakePaths.location(p.staged()), LakePaths.location(p.target()));
            if (++published == Integer.getInteger(HALT_AFTER_TABLES, -1)) {
                Runtime.getRuntime().halt(137);
            }
        }
        deleteEmptyFiles(stagedRejects);
        publisher.replace(LakePaths.location(stagedRejects), LakePaths.location(rejectsTarget));
        writeManifest(job, counts);
        publisher.deleteRecursively(LakePaths.location(StagingArea.of(job)));
        PublishJournal.end(lake, record);
        job.getExecutionContext().putString(PUBLISHED, dataset);
        long written = counts.stream().mapToLong(FileCount::written).sum();
        long rejected = counts.stream().mapToLong(FileCount::rejected).sum();
        publish.getExecutionContext().putLong("written", written);
        publish.getExecutionContext().putLong("rejected", rejected);
        return RepeatStatus.FINISHED;
    }

    /** A run that failed after its publish had completed: the lake holds what it ingested. */
    public static final class PublishedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishedException(String message) {
            super(message);
        }
    }

    private void writeManifest(JobExecution job, List<FileCount> counts) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>(description);
        manifest.put("job", job.getJobInstance().getJobName());
        manifest.put("jobInstanceId", job.getJobInstance().getInstanceId());
        manifest.put("jobExecutionId", job.getId());
        manifest.put("publishedAt", Instant.now().toString());
        manifest.put("files", counts);
        Publisher.local().writeJson(LakePaths.location(manifestTarget), manifest);
    }

    private static void deleteEmptyFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.size(f) == 0) {
                    Files.delete(f);
                }
            }
        }
    }
}
