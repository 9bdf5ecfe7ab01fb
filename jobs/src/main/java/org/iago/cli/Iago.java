package org.iago.cli;

import java.io.PrintWriter;

import org.iago.batch.RunLock;
import org.iago.ingest.faers.FaersExtract;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iago} command line. */
@Command(name = "iago", mixinStandardHelpOptions = true, versionProvider = IagoVersion.class,
        description = "Pharmacovigilance pipeline for CAR T cell therapy toxicities (IAGO framework).",
        subcommands = {IngestCommand.class, CurateCommand.class, SignalsCommand.class, OnsetCommand.class,
                SynthCommand.class, TteCommand.class, NightlyCommand.class, RunsCommand.class,
                DemoCommand.class})
public final class Iago extends SubcommandRequired {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status, without exiting: for tests and embedding. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Iago());
        cli.setExecutionExceptionHandler(Iago::handle);
        return cli;
    }

    /** Expected failures are reported in one line; anything else with its stack trace. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof FaersExtract.InvalidExtractException || e instanceof RunLock.LockHeldException
                || e instanceof IllegalArgumentException) {
            err.println("iago: " + e.getMessage());
        } else {
            err.println("iago: " + IngestRun.rootMessage(e));
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILED;
    }
}
