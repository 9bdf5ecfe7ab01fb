package org.iago.ingest;

/**
 * An input that cannot be ingested as a whole (a missing or corrupt file, an extract of mixed layouts): bad input, not
 * a usage error, so the command fails (exit 1) with this message and nothing is published.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
