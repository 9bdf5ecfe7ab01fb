package org.iago.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.iago.lake.LakeSchema;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The work of a load step (file → staged Parquet parts), one part per transaction. Each call reads {@code chunkSize}
 * lines, or to the end of the file; each row goes into the open part as soon as its line is parsed (no row is kept in
 * memory), and the part is committed at the end of the call. A line the parser refuses goes to the {@link RejectLog},
 * within the file's {@link RejectLimitSkipPolicy limit}. So a step commits the same parts and rejects as a
 * chunk-oriented step of {@code chunkSize} items (whose chunks count skipped lines too), without the objects of an item
 * per line.
 * <p>
 * Restart safety: the number of data lines read (written or rejected) is saved in the step's execution context at each
 * commit, under the key a {@code FlatFileItemReader} named {@code readerName} uses (so a step that the chunk-oriented
 * load left half done resumes too), and a restarted step skips them; the {@link ParquetPartWriter} and the
 * {@link RejectLog} drop what an uncommitted part wrote.
 */
public class LoadTasklet implements Tasklet, ItemStream {

    private final InputFile input;
    private final int headerLines;
    private final LineParser parser;
    private final ParquetPartWriter parts;
    private final RejectLog rejectLog;
    private final RejectLimitSkipPolicy rejectLimit;
    private final int chunkSize;
    private final String readCountKey;
    private final RowBuffer row;
    private ByteLines lines;
    private int linesRead;
    private long rejectsThisRun;

    /**
     * @param headerLines lines before the data (0 or 1), handed to the parser's {@link LineParser#header}
     * @param readerName  the name that keys the number of lines read in the execution context
     */
    public LoadTasklet(InputFile input, int headerLines, LineParser parser, LakeSchema schema,
            ParquetPartWriter parts, RejectLog rejectLog, RejectLimitSkipPolicy rejectLimit, int chunkSize,
            String readerName) {
        this.input = input;
        this.headerLines = headerLines;
        this.parser = parser;
        this.parts = parts;
        this.rejectLog = rejectLog;
        this.rejectLimit = rejectLimit;
        this.chunkSize = chunkSize;
        this.readCountKey = readerName + ".read.count";
        this.row = new RowBuffer(schema);
    }

    /** Opens the file, reads its header, and skips the lines that earlier executions of the step committed. */
    @Override
    public void open(ExecutionContext context) {
        linesRead = context.getInt(readCountKey, 0);
        try {
            lines = new ByteLines(input.resource().getInputStream(), input.name());
            for (int i = 0; i < headerLines && lines.next(); i++) {
                parser.header(lines);
            }
            for (int i = 0; i < linesRead && lines.next(); i++) {
                // read by an earlier execution: written or rejected then
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input.resource().getDescription(), e);
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        ParquetPartWriter.Part part = null;
        int read = 0;
        int written = 0;
        boolean more = true;
        try {
            while (read < chunkSize && (more = lines.next())) {
                read++;
                linesRead++;
                row.clear();
                try {
                    parser.parse(lines, row);
                } catch (RuntimeException e) {
                    reject(e.getMessage(), contribution);
                    continue;
                }
                row.lineNo(lines.number());
                if (part == null) {
                    part = parts.start(lines.number());
                }
                part.write(row);
                written++;
                contribution.incrementReadCount();
            }
            if (part != null) {
                part.commit();
                contribution.incrementWriteCount(written);
            }
        } finally {
            if (part != null) {
                part.close();
            }
        }
        return more ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
    }

    private void reject(String reason, StepContribution contribution) {
        rejectLimit.accept(rejectsThisRun, reason);
        rejectLog.reject(lines.text(), lines.number(), reason);
        rejectsThisRun++;
        contribution.incrementReadSkipCount();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(readCountKey, linesRead);
    }

    @Override
    public void close() {
        if (lines != null) {
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + input.resource().getDescription(), e);
            } finally {
                lines = null;
            }
        }
    }
}
