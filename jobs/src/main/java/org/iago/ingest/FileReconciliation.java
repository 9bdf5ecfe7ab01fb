package org.iago.ingest;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Records, in the step's execution context (and so in the JobRepository), how the lines of one input file were
 * accounted for, and says in the step's exit description how many were rejected. (The exit code stays
 * {@code COMPLETED}: flows follow the next step on it.) The publish step refuses to publish unless
 * {@code lines = written + rejected} for every file.
 * <p>
 * Lines come from an independent scan of the file ({@link InputFile}: in a CSV file a record spanning physical lines
 * is one line, as it is one row or one reject); written and rejected are the committed totals that
 * {@link ParquetPartWriter} and {@link RejectLog} keep in the execution context. Unlike a step execution's own read and
 * write counts, these span every execution of the step, so a restarted step still reconciles with its whole file.
 * <p>
 * Nothing is left to {@code afterStep}: Spring Batch 6 saves a step as COMPLETED before it calls the after-step
 * listeners, so a process killed in between would leave a completed step without its counts. The file's name, hash and
 * line count are stored before the step and committed with its first chunk.
 */
public class FileReconciliation implements StepExecutionListener {

    private static final String FILE = "file";
    private static final String SHA256 = "sha256";
    private static final String LINES = "lines";

    private final InputFile input;
    private final long headerLines;

    public FileReconciliation(InputFile input, long headerLines) {
        this.input = input;
        this.headerLines = headerLines;
    }

    @Override
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        context.putString(FILE, input.name());
        if (input.sha256() != null) {
            context.putString(SHA256, input.sha256());
        }
        context.putLong(LINES, Math.max(0, input.lines() - headerLines));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        FileCount count = FileCount.from(step.getExecutionContext());
        if (!step.getStatus().isUnsuccessful() && count != null && count.rejected() > 0) {
            return ExitStatus.COMPLETED.addExitDescription(count.rejected() + " of " + count.lines() + " lines of "
                    + count.file() + " rejected");
        }
        return null;
    }

    /** How the data lines of one file were accounted for; {@code sha256} is null for an absent optional file. */
    public record FileCount(String file, String sha256, long lines, long written, long rejected) {

        public boolean reconciles() {
            return lines == written + rejected;
        }

        /** @return null when the step never started on its file */
        public static FileCount from(ExecutionContext context) {
            if (!context.containsKey(LINES)) {
                return null;
            }
            return new FileCount(context.getString(FILE), (String) context.get(SHA256), context.getLong(LINES),
                    context.getLong(ParquetPartWriter.COMMITTED_ROWS, 0L),
                    context.getLong(RejectLog.COMMITTED_REJECTS, 0L));
        }
    }
}
