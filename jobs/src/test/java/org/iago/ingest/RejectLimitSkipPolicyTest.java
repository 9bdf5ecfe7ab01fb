package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iago.ingest.RejectLimitSkipPolicy.TooManyRejectsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

class RejectLimitSkipPolicyTest {

    private static final FlatFileParseException BAD_LINE = new FlatFileParseException("bad", "x", 2);

    /** Whether {@code rejects} of {@code lines} pass {@code fraction}: exactly when rejects <= fraction * lines. */
    @ParameterizedTest(name = "{0} of {1} at {2}: {3}")
    @CsvSource({
            "1, 100, 0.01, true",
            "2, 100, 0.01, false",
            "1, 140, 0.01, true",
            "2, 140, 0.01, false",
            "1, 76, 0.01, false",
            "1, 99, 0.01, false",
            "3, 300, 0.01, true",
            "29, 1000, 0.029, true",
            "30, 1000, 0.029, false",
            "1, 10, 0, false",
            "10, 10, 1, true"})
    void rejectsPassExactlyWhenTheirShareIsWithinTheLimit(int rejects, long lines, double fraction, boolean passes) {
        RejectLimitSkipPolicy policy = new RejectLimitSkipPolicy("DRUG24Q1.txt", lines, fraction);
        for (int skipped = 0; skipped < rejects - 1; skipped++) {
            assertTrue(policy.shouldSkip(BAD_LINE, skipped));
        }
        if (passes) {
            assertTrue(policy.shouldSkip(BAD_LINE, rejects - 1));
        } else {
            assertThrows(TooManyRejectsException.class, () -> policy.shouldSkip(BAD_LINE, rejects - 1));
        }
    }

    @Test
    void refusalSaysTheLimitAsWritten() {
        RejectLimitSkipPolicy policy = new RejectLimitSkipPolicy("DRUG24Q1.txt", 140, 0.01);
        TooManyRejectsException refused = assertThrows(TooManyRejectsException.class,
                () -> policy.shouldSkip(BAD_LINE, 1));
        assertEquals("DRUG24Q1.txt: more than 1 of its 140 lines are malformed (limit 1%); the file is refused and"
                + " nothing of it is published. Last reject: bad", refused.getMessage());
    }

    /** 1 reject committed before a restart and 1 after: 2 of 140 at 1%, refused as on a single run. */
    @Test
    void rejectsOfEarlierExecutionsCount() {
        RejectLimitSkipPolicy policy = new RejectLimitSkipPolicy("DRUG24Q1.txt", 140, 0.01);
        StepExecution restarted = new StepExecution(2L, "drugLoad", new JobExecution(2L,
                new JobInstance(1L, "faersIngest"), new JobParameters()));
        restarted.getExecutionContext().putLong(RejectLog.COMMITTED_REJECTS, 1L);
        policy.beforeStep(restarted);
        assertThrows(TooManyRejectsException.class, () -> policy.shouldSkip(BAD_LINE, 0));
    }

    @Test
    void onlyLineParseFailuresAreSkipped() {
        assertEquals(false, new RejectLimitSkipPolicy("x", 100, 1).shouldSkip(new IllegalStateException(), 0));
    }
}
