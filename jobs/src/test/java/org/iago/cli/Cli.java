package org.iago.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the iago command line in-process and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return run(false, args);
    }

    /** @param traces as with {@code IAGO_LOG_LEVEL=debug}: failures print their stack traces */
    public static Cli run(boolean traces, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Iago.commandLine(traces).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
