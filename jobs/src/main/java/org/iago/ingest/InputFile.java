package org.iago.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.Resource;

/**
 * An input file with the facts that are checked independently of the reader: its SHA-256 and its number of lines,
 * counted as the reader counts them. Reconciliation compares this count with what the step read, so a line that the
 * reader drops silently is caught.
 * <p>
 * A line ends as {@link java.io.BufferedReader#readLine()} ends one ({@code \n}, {@code \r\n} or a lone {@code \r}; a
 * last line without terminator counts). In a CSV file ({@link #scanCsv}) a line is a record: a line break inside a
 * quoted field (RFC 4180) does not end it, so a record spanning physical lines 7–8 counts once. A quoted field still
 * open at the end of the file counts as the last record when it opened on the last line; one opened earlier fails the
 * file, as it would swallow every record after it.
 * <p>
 * A line (or record) longer than {@link #MAX_LINE_BYTES} fails the scan, and so the file, before any reader holds it
 * in memory: no real line is that long, and a file without line breaks (or with a quote left open) would otherwise be
 * read as one line and exhaust the heap.
 */
public record InputFile(String name, Resource resource, long lines, String sha256) {

    /** The longest line or CSV record read: 1 MiB, far above any real one (a FAERS line is a few kilobytes). */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /** Scans a file whose lines are its physical lines (FAERS {@code $}-separated files). */
    public static InputFile scan(String name, Resource resource) throws IOException {
        return scan(name, resource, null);
    }

    /** Scans a comma-separated file (RFC 4180 quoting), whose lines are its records. */
    public static InputFile scanCsv(String name, Resource resource) throws IOException {
        return scan(name, resource, new CsvQuotes());
    }

    private static InputFile scan(String name, Resource resource, CsvQuotes quotes) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        long lines = 0;
        long physicalLines = 0;
        long lineBytes = 0;
        long lineStart = 1;
        boolean pendingLine = false;
        boolean afterCr = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = resource.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                int i = 0;
                while (i < n) {
                    // the bytes up to the next line break, in one tight loop
                    int run = i;
                    while (i < n && buffer[i] != '\n' && buffer[i] != '\r') {
                        i++;
                    }
                    if (i > run) {
                        if (quotes != null) {
                            for (int j = run; j < i; j++) {
                                quotes.accept(buffer[j]);
                            }
                        }
                        lineBytes += i - run;
                        if (lineBytes > MAX_LINE_BYTES) {
                            throw new InvalidInputException(name + ": the line that starts at line " + lineStart
                                    + " is longer than " + MAX_LINE_BYTES + " bytes (no line break, or a quote left"
                                    + " open?); the file is refused and nothing of it is published");
                        }
                        pendingLine = true;
                        afterCr = false;
                    }
                    if (i < n) {
                        byte b = buffer[i++];
                        if (b == '\r' || !afterCr) {
                            physicalLines++;
                            if (quotes == null || !quotes.endLine()) {
                                lines++;
                                lineBytes = 0;
                                lineStart = physicalLines + 1;
                            } else {
                                lineBytes++;
                            }
                        }
                        pendingLine = false;
                        afterCr = b == '\r';
                    }
                }
            }
        }
        if (quotes != null && quotes.isOpen()) {
            long lastLine = pendingLine ? physicalLines + 1 : physicalLines;
            if (lastLine > lineStart) {
                // one reject would hold every record after the quote, and the reject limit would count it once
                throw new InvalidInputException(name + ": the quote opened in the record at line " + lineStart
                        + " is never closed, so lines " + lineStart + " to " + lastLine + " would be one record; the"
                        + " file is refused and nothing of it is published");
            }
        }
        if (pendingLine || (quotes != null && quotes.isOpen())) {
            lines++;
        }
        return new InputFile(name, resource, lines, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Whether a CSV record is inside a quoted field, byte by byte as RFC 4180 reads it: a quote opens a field only at
     * its start, and {@code ""} inside it is a quote. A quote elsewhere (after other text) is kept as text, as the
     * tokenizer keeps it; it never spans lines.
     */
    static final class CsvQuotes {

        private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private State state = State.FIELD_START;

        void accept(int c) {
            state = switch (state) {
                case FIELD_START -> c == '"' ? State.QUOTED : c == ',' ? State.FIELD_START : State.UNQUOTED;
                case UNQUOTED -> c == ',' ? State.FIELD_START : State.UNQUOTED;
                case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
                case QUOTE_IN_QUOTED -> c == '"' ? State.QUOTED : c == ',' ? State.FIELD_START : State.UNQUOTED;
            };
        }

        /** The line starts inside a quoted field that an earlier line opened. */
        void continueQuotedField() {
            state = State.QUOTED;
        }

        boolean isOpen() {
            return state == State.QUOTED;
        }

        /**
         * A physical line ends here.
         *
         * @return whether the record goes on (the line break is inside a quoted field)
         */
        boolean endLine() {
            if (isOpen()) {
                return true;
            }
            state = State.FIELD_START;
            return false;
        }
    }
}
