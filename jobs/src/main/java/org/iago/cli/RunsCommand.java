package org.iago.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.iago.batch.BatchContext;
import org.iago.batch.JobRepositoryDatabase;
import org.iago.batch.JobRepositorySnapshot;
import org.iago.lake.Lake;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code iago runs}: the run history kept in the JobRepository, newest first. The embedded H2 JobRepository is read
 * from a copy, so the history shows while a run holds the database, and reading it never keeps a run from starting.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the runs recorded in the JobRepository of a lake (or of --jdbc-url), newest first: "
                + "execution id, job, job instance (the run id of a nightly run), start, end, status, and per run the "
                + "lines read, written and rejected; with --steps, every step."})
public final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake folder.")
    Path lake;

    @Option(names = "--limit", paramLabel = "<n>", converter = OptionValues.AtLeastOne.class,
            description = "Newest runs shown (default: ${DEFAULT-VALUE}).")
    int limit = 20;

    @Option(names = "--steps", description = "Show every step of each run.")
    boolean steps;

    @Mixin
    StateOptions state = new StateOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Lake lakeFolder = new Lake(lake);
        Path stateFolder = state.stateFolder(lakeFolder);
        if (!state.embedded()) {
            print(out, state.database(lakeFolder));
        } else {
            // a running iago process holds the H2 file open: read a copy of it
            Optional<JobRepositorySnapshot> snapshot = JobRepositorySnapshot.take(stateFolder);
            if (snapshot.isEmpty()) {
                print(out, List.of());
            } else {
                try (JobRepositorySnapshot history = snapshot.get()) {
                    print(out, history.database());
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, JobRepositoryDatabase database) {
        try (BatchContext context = BatchContext.open(database, Map.of())) {
            print(out, newest(context.jobRepository()));
        }
    }

    private void print(PrintWriter out, List<JobExecution> runs) {
        out.printf("%6s  %-16s %8s  %-19s  %-19s  %-9s %12s %12s %10s%n", "run", "job", "instance", "start",
                "end", "status", "read", "written", "rejected");
        for (JobExecution run : runs) {
            Counts c = Counts.of(run.getStepExecutions());
            out.printf("%6d  %-16s %8d  %-19s  %-19s  %-9s %12d %12d %10d%n", run.getId(),
                    run.getJobInstance().getJobName(), run.getJobInstance().getInstanceId(),
                    time(run.getStartTime()), time(run.getEndTime()), run.getStatus(), c.read, c.written,
                    c.rejected);
            if (steps) {
                for (StepExecution s : run.getStepExecutions().stream()
                        .sorted(Comparator.comparing(StepExecution::getId)).toList()) {
                    out.printf("        %-30s %-9s %12d %12d %10d%n", s.getStepName(), s.getStatus(),
                            s.getReadCount(), s.getWriteCount(), s.getSkipCount());
                }
            }
        }
        if (runs.isEmpty()) {
            out.println("no runs recorded");
        }
    }

    private List<JobExecution> newest(JobRepository repository) {
        List<JobExecution> all = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
                all.addAll(repository.getJobExecutions(instance));
            }
        }
        return all.stream().sorted(Comparator.comparing(JobExecution::getId).reversed()).limit(limit)
                .collect(Collectors.toList());
    }

    private static String time(LocalDateTime t) {
        return t == null ? "-" : TIME.format(t);
    }

    /** Lines read, written and rejected (skipped) over a run's steps. */
    private record Counts(long read, long written, long rejected) {
        static Counts of(Iterable<StepExecution> steps) {
            long read = 0;
            long written = 0;
            long rejected = 0;
            for (StepExecution s : steps) {
                read += s.getReadCount() + s.getReadSkipCount();
                written += s.getWriteCount();
                rejected += s.getSkipCount();
            }
            return new Counts(read, written, rejected);
        }
    }
}
