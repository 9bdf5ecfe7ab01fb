package org.iago.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

/**
 * Skips unparseable lines up to a fraction of the file, and fails the step beyond it: a file that is mostly bad is a
 * bad file, and its rows must not reach the lake. Only line-level parse failures are skippable; an I/O error, a bad
 * header or a write failure always fails the step.
 * <p>
 * The limit is compared exactly: a file may have {@code r} rejects of {@code n} data lines when
 * {@code r <= maxRejectFraction * n}, in decimal arithmetic on the fraction as written (1 of 100 passes a 1% limit;
 * 2 of 140, 1.43%, does not; with 0 no line may be rejected). Rejects of earlier executions of the step (committed by
 * {@link RejectLog}) count too: a restarted step resumes its file, so it does not get a fresh allowance.
 */
public class RejectLimitSkipPolicy implements SkipPolicy, StepExecutionListener {

    private final String fileName;
    private final long dataLines;
    private final double maxRejectFraction;
    private final long limit;
    private long earlierRejects;

    /**
     * @param dataLines         lines of the file, header excluded
     * @param maxRejectFraction largest share of those lines that may be rejected, 0 to 1
     */
    public RejectLimitSkipPolicy(String fileName, long dataLines, double maxRejectFraction) {
        if (!(maxRejectFraction >= 0 && maxRejectFraction <= 1)) {
            throw new IllegalArgumentException("max reject fraction must be within [0, 1]: " + maxRejectFraction);
        }
        this.fileName = fileName;
        this.dataLines = dataLines;
        this.maxRejectFraction = maxRejectFraction;
        this.limit = BigDecimal.valueOf(maxRejectFraction).multiply(BigDecimal.valueOf(Math.max(0, dataLines)))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** @return the most lines that may be rejected: {@code maxRejectFraction * dataLines}, rounded down */
    public long limit() {
        return limit;
    }

    /** Reads the rejects that earlier executions of the step committed (none on a first run). */
    @Override
    public void beforeStep(StepExecution step) {
        earlierRejects = step.getExecutionContext().getLong(RejectLog.COMMITTED_REJECTS, 0L);
    }

    /** @param skipCount lines skipped so far by this execution of the step */
    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        if (!(t instanceof FlatFileParseException)) {
            return false;
        }
        accept(skipCount, t.getCause() != null ? t.getCause().getMessage() : t.getMessage());
        return true;
    }

    /**
     * Allows one more reject, or refuses the file.
     *
     * @param rejectsSoFar lines rejected so far by this execution of the step
     * @param reason       why the line is rejected, for the message when it is one too many
     * @throws TooManyRejectsException when the limit is reached
     */
    public void accept(long rejectsSoFar, String reason) {
        if (earlierRejects + rejectsSoFar < limit) {
            return;
        }
        throw new TooManyRejectsException(String.format(
                "%s: more than %d of its %d lines are malformed (limit %s%%); the file is refused and nothing of it"
                        + " is published. Last reject: %s", fileName, limit, dataLines,
                BigDecimal.valueOf(maxRejectFraction).movePointRight(2).stripTrailingZeros().toPlainString(),
                reason));
    }

    /** Thrown when a file has more malformed lines than the limit allows. */
    public static final class TooManyRejectsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyRejectsException(String message) {
            super(message);
        }
    }
}
