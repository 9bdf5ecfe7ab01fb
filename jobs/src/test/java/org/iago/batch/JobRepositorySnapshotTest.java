package org.iago.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class JobRepositorySnapshotTest {

    private static final String JOB = "probe";

    @TempDir
    Path work;

    /**
     * Copies taken while a writer commits job executions, as Spring Batch does (instance, execution, steps, ends: one
     * transaction each), open at one of its commits: every execution but the newest is complete, and no copy shows
     * fewer executions than an earlier one. The writer goes on until twelve copies were taken, so a slow machine
     * still sees copies in the middle of the writing.
     */
    @Test
    void aCopyTakenWhileARunCommitsOpensAtOneOfItsCommits() throws Exception {
        Path state = work.resolve("state");
        List<Throwable> failures = new ArrayList<>();
        AtomicInteger copies = new AtomicInteger();
        AtomicLong written = new AtomicLong();
        try (BatchContext live = BatchContext.open(JobRepositoryDatabase.embedded(state), Map.of())) {
            Thread writer = new Thread(() -> {
                try {
                    for (long attempt = 1; attempt <= 200 || copies.get() < 12 && attempt <= 20_000; attempt++) {
                        run(live.jobRepository(), attempt);
                        written.set(attempt);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            writer.start();
            List<Integer> seen = new ArrayList<>();
            try {
                while (writer.isAlive()) {
                    try (JobRepositorySnapshot snapshot = JobRepositorySnapshot.take(state).orElseThrow()) {
                        seen.add(checkedCommits(snapshot.database(), seen.size()));
                    }
                    copies.incrementAndGet();
                }
            } finally {
                writer.join();
            }
            assertEquals(List.of(), failures);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "copies go forward in time: " + seen);
            }
            long total = written.get();
            assertTrue(seen.stream().filter(n -> n > 0 && n < total).distinct().count() >= 5,
                    "the copies were taken while the writer ran (" + total + " executions): " + seen);
        }
    }

    @Test
    void aStateFolderWithoutDatabaseHasNoSnapshotAndTheCopyIsDeleted() throws Exception {
        assertEquals(Optional.empty(), JobRepositorySnapshot.take(work.resolve("none")));
        Path state = work.resolve("state");
        try (BatchContext live = BatchContext.open(JobRepositoryDatabase.embedded(state), Map.of())) {
            run(live.jobRepository(), 1);
        }
        Path copy;
        try (JobRepositorySnapshot snapshot = JobRepositorySnapshot.take(state).orElseThrow()) {
            assertEquals(1, executions(snapshot.database()));
            copy = Path.of(snapshot.database().url().substring("jdbc:h2:file:".length()).split(";")[0]).getParent();
            assertTrue(Files.isRegularFile(copy.resolve("jobrepository.mv.db")));
        }
        assertFalse(Files.exists(copy), "the copy is deleted");
    }

    /** One job execution with two steps, committed as Spring Batch commits a run. */
    private static void run(JobRepository repository, long attempt) {
        JobParameters parameters = new JobParametersBuilder().addLong("attempt", attempt).toJobParameters();
        JobInstance instance = repository.createJobInstance(JOB, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        for (String name : List.of("load", "publish")) {
            StepExecution step = repository.createStepExecution(name, execution);
            step.setStartTime(LocalDateTime.now());
            step.setWriteCount(attempt);
            step.setStatus(BatchStatus.COMPLETED);
            step.setEndTime(LocalDateTime.now());
            repository.update(step);
        }
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setEndTime(LocalDateTime.now());
        repository.update(execution);
    }

    /**
     * Checks that a copy holds a prefix of the writer's commits: every execution but the newest completed, with its
     * two steps of its attempt's counts. Read with SQL, which is quicker than a JobRepository on a busy machine.
     *
     * @return the number of job executions in the copy
     */
    private static int checkedCommits(JobRepositoryDatabase copy, int snapshot) throws SQLException {
        List<String> executions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(copy.url(), copy.user(), copy.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.JOB_EXECUTION_ID, e.STATUS, p.PARAMETER_VALUE, count(t.STATUS),"
                     + " count(CASE WHEN t.STATUS = 'COMPLETED' AND CAST(t.WRITE_COUNT AS VARCHAR) = p.PARAMETER_VALUE"
                     + " THEN 1 END) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON"
                     + " p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'attempt' LEFT JOIN"
                     + " BATCH_STEP_EXECUTION t ON t.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID GROUP BY e.JOB_EXECUTION_ID,"
                     + " e.STATUS, p.PARAMETER_VALUE ORDER BY e.JOB_EXECUTION_ID")) {
            while (rs.next()) {
                executions.add(rs.getString(2) + " attempt " + rs.getString(3) + ", steps " + rs.getInt(4) + ", of"
                        + " its attempt " + rs.getInt(5));
            }
        }
        for (int i = 0; i < executions.size() - 1; i++) {
            assertEquals("COMPLETED attempt " + (i + 1) + ", steps 2, of its attempt 2", executions.get(i),
                    "snapshot " + snapshot + ", execution " + (i + 1));
        }
        return executions.size();
    }

    /** Opens a copy as {@code iago runs} does and counts the executions it shows. */
    private static int executions(JobRepositoryDatabase copy) {
        try (BatchContext context = BatchContext.open(copy, Map.of())) {
            JobRepository repository = context.jobRepository();
            return repository.getJobInstances(JOB, 0, Integer.MAX_VALUE).stream()
                    .mapToInt(i -> repository.getJobExecutions(i).size()).sum();
        }
    }
}
