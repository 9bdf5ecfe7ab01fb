package org.iago.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * A job run that ended without completing: why (its failure exceptions, as Spring Batch recorded them) and what to do
 * about it. The command has printed its summary; {@link FailureReport} prints the causes.
 */
final class RunFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> failures;
    private final String advice;
    private final transient List<Path> folders;

    /**
     * @param status   what ended how, e.g. "ingest faers 2024Q4 ...: FAILED", said when no failure was recorded
     * @param failures the job's failure exceptions, in the order recorded
     * @param advice   what to do once the cause is fixed
     * @param folders  the folders the run writes to, where a full disk may be
     */
    RunFailedException(String status, List<Throwable> failures, String advice, List<Path> folders) {
        super(status);
        this.failures = List.copyOf(failures);
        this.advice = advice;
        this.folders = List.copyOf(folders);
    }

    List<Throwable> failures() {
        return failures;
    }

    String advice() {
        return advice;
    }

    List<Path> folders() {
        return folders;
    }
}
