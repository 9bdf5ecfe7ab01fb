package org.iago.cli;

/** The exit status of every iago command. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** The run completed, but some input lines were rejected: see the reject files. */
    public static final int COMPLETED_WITH_REJECTS = 3;

    private ExitCodes() {
    }
}
