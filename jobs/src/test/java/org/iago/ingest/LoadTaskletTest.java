package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iago.ingest.faers.DeletedLineParser;
import org.iago.lake.FaersTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.io.FileSystemResource;

/** A load resumed after a crash ends with the parts and rejects of a clean run; chunks count rejected lines. */
class LoadTaskletTest {

    private static final String LINES = "1\n2\nx\n3\n4\n5\n6\n7";

    @TempDir
    Path dir;

    @Test
    void eachCallCommitsOnePartOfChunkSizeLines() throws Exception {
        Load clean = new Load(dir.resolve("clean"));
        ExecutionContext context = new ExecutionContext();
        clean.open(context);
        assertEquals(RepeatStatus.CONTINUABLE, clean.execute());
        assertEquals(RepeatStatus.CONTINUABLE, clean.execute());
        assertEquals(RepeatStatus.FINISHED, clean.execute());
        clean.update(context);
        clean.close();

        assertEquals(List.of("part-0000000001.parquet", "part-0000000004.parquet", "part-0000000007.parquet"),
                files(clean.parts));
        assertEquals(7, context.getLong(ParquetPartWriter.COMMITTED_ROWS));
        assertEquals(1, context.getLong(RejectLog.COMMITTED_REJECTS));
        assertEquals(8, context.getInt("deletedLoadReader.read.count"));
    }

    @Test
    void aLoadResumedAfterACrashWritesWhatACleanRunWrites() throws Exception {
        Load clean = new Load(dir.resolve("clean"));
        ExecutionContext cleanContext = new ExecutionContext();
        clean.open(cleanContext);
        while (clean.execute() == RepeatStatus.CONTINUABLE) {
            clean.update(cleanContext);
        }
        clean.update(cleanContext);
        clean.close();

        Load crashed = new Load(dir.resolve("crashed"));
        ExecutionContext context = new ExecutionContext();
        crashed.open(context);
        crashed.execute();
        crashed.update(context);
        crashed.execute(); // its part is written, but the process dies before the commit
        crashed.close();
        Load resumed = new Load(dir.resolve("crashed"));
        resumed.open(context);
        while (resumed.execute() == RepeatStatus.CONTINUABLE) {
            resumed.update(context);
        }
        resumed.update(context);
        resumed.close();

        assertEquals(files(clean.parts), files(resumed.parts));
        for (String part : files(clean.parts)) {
            assertArrayEquals(Files.readAllBytes(clean.parts.resolve(part)),
                    Files.readAllBytes(resumed.parts.resolve(part)), part);
        }
        assertEquals(Files.readString(clean.rejects), Files.readString(resumed.rejects));
        assertEquals(cleanContext.getLong(ParquetPartWriter.COMMITTED_ROWS),
                context.getLong(ParquetPartWriter.COMMITTED_ROWS));
        assertEquals(cleanContext.getLong(RejectLog.COMMITTED_REJECTS), context.getLong(RejectLog.COMMITTED_REJECTS));
    }

    @Test
    void aRejectBeyondTheLimitFailsTheFile() throws Exception {
        Load strict = new Load(dir.resolve("strict"), 0);
        strict.open(new ExecutionContext());
        assertThrows(RejectLimitSkipPolicy.TooManyRejectsException.class, strict::execute);
        strict.close();
        assertEquals(List.of(), files(strict.parts), "the part being written is dropped");
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A load step's streams and tasklet over the deleted-case list {@link #LINES}, three lines a chunk. */
    private final class Load {
        final Path parts;
        final Path rejects;
        final ParquetPartWriter writer;
        final RejectLog rejectLog;
        final LoadTasklet tasklet;
        final StepContribution contribution;

        Load(Path folder) throws Exception {
            this(folder, 0.5);
        }

        Load(Path folder, double maxRejectFraction) throws Exception {
            Path input = dir.resolve("DELETE24Q1.txt");
            Files.writeString(input, LINES);
            parts = folder.resolve("deleted");
            rejects = folder.resolve("rejects.jsonl");
            StrictDecoder decoder = new StrictDecoder(StandardCharsets.UTF_8);
            writer = new ParquetPartWriter(parts, FaersTable.DELETED.schema());
            rejectLog = new RejectLog(rejects, "DELETE24Q1.txt", decoder);
            RejectLimitSkipPolicy limit = new RejectLimitSkipPolicy("DELETE24Q1.txt", 8, maxRejectFraction);
            tasklet = new LoadTasklet(InputFile.scan("DELETE24Q1.txt", new FileSystemResource(input)), 0,
                    new DeletedLineParser(decoder), FaersTable.DELETED.schema(), writer, rejectLog, limit, 3,
                    "deletedLoadReader");
            contribution = new StepContribution(new StepExecution(1L, "deletedLoad",
                    new JobExecution(1L, new JobInstance(1L, "faersIngest"), new JobParameters())));
        }

        void open(ExecutionContext context) {
            writer.open(context);
            rejectLog.open(context);
            tasklet.open(context);
        }

        RepeatStatus execute() throws Exception {
            return tasklet.execute(contribution, null);
        }

        void update(ExecutionContext context) {
            writer.update(context);
            rejectLog.update(context);
            tasklet.update(context);
        }

        void close() {
            writer.close();
            rejectLog.close();
            tasklet.close();
        }
    }
}
