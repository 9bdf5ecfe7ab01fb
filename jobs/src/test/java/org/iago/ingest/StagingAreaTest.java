package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/** A run that fails once its publish is complete says what it published, and only such a run. */
class StagingAreaTest {

    private final JobExecutionListener listener = StagingArea.prepare(null);

    @Test
    void aRunThatFailsAfterItsPublishSaysWhatWasPublished() {
        JobExecution run = execution();
        run.getExecutionContext().putString(LakePublishTasklet.PUBLISHED, "FAERS quarter 2024Q4");
        run.addFailureException(new IllegalStateException("JDBC commit failed",
                new IOException("No space left on device")));
        run.setStatus(BatchStatus.FAILED);
        listener.afterJob(run);
        // Spring Batch gathers a run's failures in a HashSet: in no particular order
        List<String> published = run.getAllFailureExceptions().stream()
                .filter(LakePublishTasklet.PublishedException.class::isInstance).map(Throwable::getMessage).toList();
        assertEquals(List.of("FAERS quarter 2024Q4 was published; recording the run failed: No space left on device"),
                published);
    }

    @Test
    void aRunThatFailsBeforeItsPublishOrCompletesSaysNothingMore() {
        JobExecution failed = execution();
        failed.addFailureException(new IllegalStateException("drug.txt does not reconcile"));
        failed.setStatus(BatchStatus.FAILED);
        listener.afterJob(failed);
        assertEquals(1, failed.getAllFailureExceptions().size());

        JobExecution completed = execution();
        completed.getExecutionContext().putString(LakePublishTasklet.PUBLISHED, "FAERS quarter 2024Q4");
        completed.setStatus(BatchStatus.COMPLETED);
        listener.afterJob(completed);
        assertTrue(completed.getAllFailureExceptions().isEmpty());
    }

    private static JobExecution execution() {
        return new JobExecution(1L, new JobInstance(1L, "faersIngest"), new JobParameters());
    }
}
