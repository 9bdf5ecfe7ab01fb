package org.iago.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import org.iago.lake.Lake;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code iago ingest} command shares: the lake, how the input is read ({@link LoadOptions}), where the run
 * state is kept ({@link StateOptions}), and the run itself with its exit status ({@link IngestRun}).
 */
@Command(exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every line written", "1:failed; nothing published", "2:usage error",
                "3:completed, some lines rejected"})
public final class IngestOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake folder.")
    Path lake;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    StateOptions state = new StateOptions();

    /**
     * Runs an ingestion job into the lake, printing to the command's output how every line was accounted for.
     *
     * @param parameters the job's parameters from the load options' and the lake
     * @param loadSteps  the steps whose file counts are reported, in order
     * @return the exit code
     */
    int run(String what, Class<?> jobConfiguration, String jobName,
            BiFunction<JobParametersBuilder, Lake, JobParameters> parameters, List<String> loadSteps)
            throws Exception {
        Lake target = new Lake(lake);
        return IngestRun.run(command.commandLine().getOut(), target, state, what, jobConfiguration, jobName,
                parameters.apply(load.parameters(), target), load.properties(), loadSteps);
    }
}
