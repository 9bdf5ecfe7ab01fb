package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.core.io.FileSystemResource;

/** What a chunk wrote but never committed is undone when the step reopens after a crash. */
class RestartableWritersTest {

    @TempDir
    Path dir;

    @Test
    void partWriterDeletesPartsOfUncommittedChunks() throws Exception {
        ExecutionContext context = new ExecutionContext();
        ParquetPartWriter writer = new ParquetPartWriter(dir, FaersTable.DELETED.schema());
        writer.open(context);
        writer.write(new Chunk<>(new LakeRow(1, new Object[] {"1"}), new LakeRow(2, new Object[] {"2"})));
        writer.update(context);
        writer.write(new Chunk<>(new LakeRow(3, new Object[] {"3"})));
        writer.close();

        new ParquetPartWriter(dir, FaersTable.DELETED.schema()).open(context);

        assertEquals(List.of("part-0000000001.parquet"), files());
    }

    @Test
    void rejectLogCutsBackToTheLastCommit() throws Exception {
        Path file = dir.resolve("rejects.jsonl");
        StrictDecoder decoder = new StrictDecoder(StandardCharsets.UTF_8);
        ExecutionContext context = new ExecutionContext();
        RejectLog log = new RejectLog(file, "DRUG.txt", decoder);
        log.open(context);
        log.onSkipInRead(new FlatFileParseException("bad", new RecordRejectedException("first"), "a$b", 5));
        log.update(context);
        log.onSkipInRead(new FlatFileParseException("bad", new RecordRejectedException("second"), "c$d", 9));
        log.close();

        RejectLog reopened = new RejectLog(file, "DRUG.txt", decoder);
        reopened.open(context);
        reopened.close();

        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("{\"file\":\"DRUG.txt\",\"line\":5,\"reason\":\"first\",\"raw\":\"a$b\"}"), lines);
    }

    /**
     * Spring Batch 6 saves a step as COMPLETED before its after-step listeners run; a kill in between must not lose
     * the counts. Everything reconciliation needs is in the context before afterStep.
     */
    @Test
    void fileCountsNeedNoAfterStep() throws Exception {
        Path file = Files.writeString(dir.resolve("DRUG.txt"), "header\na\nb\nc\n");
        ExecutionContext context = new ExecutionContext();
        StepExecution step = new StepExecution(1L, "drugLoad", new JobExecution(1L, new JobInstance(1L, "faersIngest"),
                new JobParameters()));
        step.setExecutionContext(context);
        new FileReconciliation(InputFile.scan("DRUG.txt", new FileSystemResource(file)), 1).beforeStep(step);
        ParquetPartWriter writer = new ParquetPartWriter(dir.resolve("parts"), FaersTable.DELETED.schema());
        writer.open(context);
        writer.write(new Chunk<>(new LakeRow(2, new Object[] {"1"}), new LakeRow(4, new Object[] {"3"})));
        writer.update(context);
        RejectLog log = new RejectLog(dir.resolve("rejects.jsonl"), "DRUG.txt",
                new StrictDecoder(StandardCharsets.UTF_8));
        log.open(context);
        log.onSkipInRead(new FlatFileParseException("bad", new RecordRejectedException("bad"), "b", 3));
        log.update(context);
        log.close();

        FileReconciliation.FileCount count = FileReconciliation.FileCount.from(context);
        assertEquals(new FileReconciliation.FileCount("DRUG.txt", count.sha256(), 3, 2, 1), count);
        assertEquals(64, count.sha256().length());
        assertTrue(count.reconciles());
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
