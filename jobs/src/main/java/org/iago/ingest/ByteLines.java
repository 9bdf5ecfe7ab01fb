package org.iago.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, in place in one reused buffer: no string or array per line. A line ends as
 * {@link java.io.BufferedReader#readLine()} ends one, and as {@link InputFile} counts them: at {@code \n}, {@code \r\n}
 * or a lone {@code \r}; a last line without a line break counts.
 */
public final class ByteLines implements Closeable {

    private final InputStream in;
    private final String name;
    private byte[] buffer = new byte[1 << 16];
    /** The bytes read and not yet consumed are {@code buffer[position, limit)}. */
    private int position;
    private int limit;
    private int start;
    private int end;
    private long number;
    private boolean afterCr;
    private boolean eof;

    /** @param name the file, for the error of a line longer than {@link InputFile#MAX_LINE_BYTES} */
    public ByteLines(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the stream
     */
    public boolean next() throws IOException {
        if (afterCr) {
            afterCr = false;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        int i = position;
        while (true) {
            while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
                i++;
            }
            if (i < limit) {
                start = position;
                end = i;
                afterCr = buffer[i] == '\r';
                position = i + 1;
                number++;
                return true;
            }
            int scanned = i - position;
            if (scanned > InputFile.MAX_LINE_BYTES) {
                throw new InvalidInputException(name + ": line " + (number + 1) + " is longer than "
                        + InputFile.MAX_LINE_BYTES + " bytes; the file is refused and nothing of it is published");
            }
            if (!fill()) {
                if (position == limit) {
                    return false;
                }
                start = position;
                end = limit;
                position = limit;
                number++;
                return true;
            }
            i = position + scanned;
        }
    }

    /** Reads more bytes behind the unconsumed ones, which move to the start of the buffer; false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** The buffer holding the current line, from {@link #start()} for {@link #length()} bytes; valid until next(). */
    public byte[] bytes() {
        return buffer;
    }

    public int start() {
        return start;
    }

    public int length() {
        return end - start;
    }

    /** The current line's number, from 1. */
    public long number() {
        return number;
    }

    /** The current line with one char per byte (ISO-8859-1), as a reject shows it. */
    public String text() {
        return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
