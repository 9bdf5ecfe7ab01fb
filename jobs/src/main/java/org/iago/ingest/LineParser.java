package org.iago.ingest;

/**
 * Turns the data lines of one input file, as bytes, into lake rows: the parsing and validation of a {@link LoadTasklet}.
 */
public interface LineParser {

    /** Receives the file's header line; never called for a file without one. */
    void header(ByteLines line);

    /**
     * Sets the row's values from the current line (the row is cleared first; its line number is set by the caller).
     * Nothing is written for a line that throws: it is rejected, the exception's message being the reason.
     *
     * @throws RecordRejectedException when the line is not a valid row
     */
    void parse(ByteLines line, RowBuffer row);
}
