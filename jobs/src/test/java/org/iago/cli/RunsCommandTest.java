package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import org.iago.batch.BatchContext;
import org.iago.batch.JobRepositoryDatabase;
import org.iago.batch.RunLock;
import org.iago.lake.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** {@code iago runs} reads the history of a lake while another process runs on it. */
class RunsCommandTest {

    @TempDir
    Path work;

    @Test
    void theHistoryIsReadWhileAnotherProcessHoldsTheDatabaseAndTheLock() throws Exception {
        Path lake = work.resolve("lake");
        Path log = work.resolve("holder.log");
        Process holder = IagoChild.start(log, RunningNightly.class, lake.toString());
        try {
            waitFor(log, "holding", holder);

            Cli runs = Cli.run("runs", "--lake", lake.toString());

            assertEquals(ExitCodes.OK, runs.exitCode(), runs::toString);
            assertTrue(runs.out().lines().anyMatch(l -> l.matches("\\s+2  nightly\\s+2 .* STARTED .*")),
                    runs::toString);
            assertTrue(runs.out().lines().anyMatch(l -> l.matches("\\s+1  nightly\\s+1 .* COMPLETED .*")),
                    runs::toString);
            assertEquals("", runs.err(), "no error, no stack trace");
            assertTrue(holder.isAlive(), "the run was not disturbed");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aLakeWithoutHistoryHasNoRunsAndGetsNoDatabase() {
        Path lake = work.resolve("lake");

        Cli runs = Cli.run("runs", "--lake", lake.toString());

        assertEquals(ExitCodes.OK, runs.exitCode(), runs::toString);
        assertTrue(runs.out().endsWith("no runs recorded" + System.lineSeparator()), runs::toString);
        assertFalse(Files.exists(lake), "reading the history wrote nothing");
    }

    private static void waitFor(Path log, String line, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the holder ended: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the holder did not start: " + Files.readString(log));
    }

    /**
     * A nightly run in progress, as another process: it holds the lake's run lock and its H2 JobRepository open, with
     * one run completed and one running, until it is killed.
     */
    static final class RunningNightly {

        public static void main(String[] args) throws Exception {
            Path state = new Lake(Path.of(args[0])).defaultState();
            try (RunLock lock = RunLock.acquire(state, "nightly run 2");
                 BatchContext context = BatchContext.open(JobRepositoryDatabase.embedded(state), Map.of())) {
                JobRepository repository = context.jobRepository();
                record(repository, 1, BatchStatus.COMPLETED);
                record(repository, 2, BatchStatus.STARTED);
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            }
        }

        private static void record(JobRepository repository, long attempt, BatchStatus status) {
            JobParameters parameters = new JobParametersBuilder().addLong("attempt", attempt).toJobParameters();
            JobInstance instance = repository.createJobInstance("nightly", parameters);
            JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
            execution.setStartTime(LocalDateTime.now());
            execution.setStatus(status);
            if (!status.isRunning()) {
                execution.setEndTime(LocalDateTime.now());
            }
            repository.update(execution);
        }
    }
}
