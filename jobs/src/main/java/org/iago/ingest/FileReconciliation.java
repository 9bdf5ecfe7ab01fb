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
 * Lines come from an independent scan of the file; written and rejected are the committed totals that
 * {@link ParquetPartWriter} and {@link RejectLog} keep in the execution context. Unlike a step execution's own read and
 * write counts, these span every execution of the step, so a restarted step still reconciles with its whole file.
 */
public class FileReconciliation implements StepExecutionListener {

    private final InputFile input;
    private final long headerLines;

    public FileReconciliation(InputFile input, long headerLines) {
        this.input = input;
        this.headerLines = headerLines;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        FileCount count = new FileCount(input.name(), input.sha256(),
                Math.max(0, input.physicalLines() - headerLines),
                context.getLong(ParquetPartWriter.COMMITTED_ROWS, 0L),
                context.getLong(RejectLog.COMMITTED_REJECTS, 0L));
        count.store(context);
        if (!step.getStatus().isUnsuccessful() && count.rejected() > 0) {
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

        void store(ExecutionContext context) {
            context.putString("file", file);
            if (sha256 != null) {
                context.putString("sha256", sha256);
            }
            context.putLong("lines", lines);
            context.putLong("written", written);
            context.putLong("rejected", rejected);
        }

        /** @return null when the step recorded no count */
        public static FileCount from(ExecutionContext context) {
            if (!context.containsKey("lines")) {
                return null;
            }
            return new FileCount(context.getString("file"), (String) context.get("sha256"), context.getLong("lines"),
                    context.getLong("written"), context.getLong("rejected"));
        }
    }
}
