package org.iago.synth;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code $}-delimited FAERS lines straight into its own byte buffer: no quoting, {@code \n} line ends, ASCII
 * text (anything else UTF-8). It counts physical data lines and, separately, the deliberately invalid ones, so that
 * the manifest can state both for every file.
 */
final class RecordWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream out;
    private final byte[] buffer;
    private int position;
    private boolean lineStarted;
    private final LineTally tally = new LineTally();

    RecordWriter(OutputStream out) {
        this(out, BUFFER_BYTES);
    }

    RecordWriter(OutputStream out, int bufferBytes) {
        this.out = out;
        this.buffer = new byte[bufferBytes];
    }

    /** Writes the header row, which does not count as a data line. */
    void header(String header) throws IOException {
        ascii(header);
        put((byte) '\n');
    }

    RecordWriter text(String value) throws IOException {
        separate();
        ascii(value);
        return this;
    }

    /** A non-negative number, or an empty field for a negative one. */
    RecordWriter number(long value) throws IOException {
        separate();
        if (value >= 0) {
            digits(value);
        }
        return this;
    }

    /** A {@code yyyymmdd}, {@code yyyymm} or {@code yyyy} date, or an empty field for 0. */
    RecordWriter date(int value) throws IOException {
        separate();
        if (value > 0) {
            digits(value);
        }
        return this;
    }

    /** Ends a valid data line. */
    void end() throws IOException {
        put((byte) '\n');
        lineStarted = false;
        tally.valid();
    }

    /** Writes a deliberately malformed data line, given without its line end. */
    void invalidLine(byte[] content) throws IOException {
        if (lineStarted) {
            throw new IllegalStateException("a record is still open");
        }
        ensure(content.length + 1);
        System.arraycopy(content, 0, buffer, position, content.length);
        position += content.length;
        put((byte) '\n');
        tally.invalid();
    }

    LineTally tally() {
        return tally;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private void separate() throws IOException {
        if (lineStarted) {
            put((byte) '$');
        }
        lineStarted = true;
    }

    private void ascii(String value) throws IOException {
        int length = value.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                // the vocabulary is ASCII; should anything else slip in, keep it valid UTF-8
                position -= i;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buffer, position, utf8.length);
                position += utf8.length;
                return;
            }
            buffer[position++] = (byte) c;
        }
    }

    private void digits(long value) throws IOException {
        ensure(20);
        int start = position;
        do {
            buffer[position++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = position - 1; i < j; i++, j--) {
            byte b = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = b;
        }
    }

    private void put(byte b) throws IOException {
        ensure(1);
        buffer[position++] = b;
    }

    private void ensure(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flush();
            if (bytes > buffer.length) {
                throw new IllegalArgumentException("field of " + bytes + " bytes exceeds the write buffer");
            }
        }
    }
}
