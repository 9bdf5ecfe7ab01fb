package org.iago.ingest;

/**
 * A line that cannot become a lake row. The message is the reason shown in the reject file. The reader wraps it in a
 * {@code FlatFileParseException} that adds the raw line and its number.
 */
public final class RecordRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordRejectedException(String reason) {
        super(reason);
    }
}
