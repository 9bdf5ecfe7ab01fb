package org.iago.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text into a stream through a buffer of its own, for one thread: what {@code new BufferedWriter(new
 * OutputStreamWriter(out, UTF_8))} writes, byte for byte, without a lock taken on every write (Java 17's
 * {@code BufferedWriter} synchronises each call: a third of the time of the 327 MB signal CSV at 1M reports). ASCII is
 * copied as it is; other text is encoded by {@link String#getBytes}. Each call must hold whole code points (a
 * surrogate pair split across two calls would be written as two {@code ?}), as {@link CsvWriter}'s calls do: it
 * writes whole strings and single ASCII characters.
 */
public final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] buffer;
    private int size;

    /** @param out receives the bytes; flushed and closed with this writer */
    public Utf8Writer(OutputStream out) {
        this.out = out;
        this.buffer = new byte[1 << 16];
    }

    @Override
    public void write(int c) throws IOException {
        if (c < 0x80) {
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (byte) c;
        } else {
            write(String.valueOf((char) c));
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {                    // not ASCII: the rest as UTF-8, as the JDK's encoder writes it
                bytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (size == buffer.length) {
                drain();
            }
            buffer[size++] = (byte) c;
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    private void bytes(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - size) {
            drain();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
