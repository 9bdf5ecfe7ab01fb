package org.iago.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iago} command line. */
@Command(name = "iago", mixinStandardHelpOptions = true, versionProvider = IagoVersion.class,
        description = "Pharmacovigilance pipeline for CAR T cell therapy toxicities (IAGO framework).",
        subcommands = {IngestCommand.class, CurateCommand.class, SignalsCommand.class, OnsetCommand.class,
                SynthCommand.class, TteCommand.class, NightlyCommand.class, RunsCommand.class, ReviewCommand.class,
                DemoCommand.class})
public final class Iago extends SubcommandRequired {

    public static void main(String[] args) {
        // before anything logs: log4j2.xml prints the stack traces of logged exceptions only at debug, or when
        // IAGO_BATCH_LOG_LEVEL turns on Spring Batch's log of failed steps, which is there for its traces
        String batchLevel = System.getenv("IAGO_BATCH_LOG_LEVEL");
        boolean traces = FailureReport.tracesAt(System.getenv("IAGO_LOG_LEVEL"))
                || batchLevel != null && !batchLevel.equalsIgnoreCase("off");
        System.setProperty("iago.log.traces", traces ? "full" : "none");
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit status, without exiting: for tests and embedding. Failures print their
     * stack traces only when {@code IAGO_LOG_LEVEL} is debug or finer.
     */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(FailureReport.tracesAt(System.getenv("IAGO_LOG_LEVEL")));
    }

    /** @param traces print the stack traces of failures */
    static CommandLine commandLine(boolean traces) {
        CommandLine cli = new CommandLine(new Iago());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        FailureReport report = new FailureReport(traces);
        cli.setExecutionExceptionHandler((e, failed, parsed) -> report.print(failed.getErr(), e));
        // an Error (out of memory, a stack overflow) is reported like any failure, not by the JVM with its trace
        cli.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.toString(), e);
            }
        });
        return cli;
    }
}
