package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Lines end where BufferedReader and InputFile's count end them, however the stream's reads fall. */
class ByteLinesTest {

    @Test
    void linesEndAsBufferedReaderEndsThem() throws IOException {
        Random random = new Random(19);
        byte[] alphabet = {'a', '$', '\r', '\n', (byte) 0xC3, (byte) 0xA9};
        for (int round = 0; round < 500; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            List<String> expected = bufferedReaderLines(bytes);
            // reads of one to three bytes put every line break at the end or start of a read somewhere
            assertEquals(expected, lines(new TrickleStream(bytes, random)), () -> "input " + escape(bytes));
            assertEquals(expected, lines(new ByteArrayInputStream(bytes)), () -> "input " + escape(bytes));
            assertEquals(expected.size(), InputFile.scan("f", new ByteArrayResource(bytes)).lines(),
                    () -> "input " + escape(bytes));
        }
    }

    @Test
    void aLineLongerThanTheBufferIsReadWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        byte[] bytes = ("a\r\n" + longLine + "\rb").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("a", longLine, "b"), lines(new TrickleStream(bytes, new Random(1))));
    }

    @Test
    void numbersCountEveryPhysicalLine() throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream("h\n\nx\r\ny".getBytes(StandardCharsets.US_ASCII)),
                "f");
        List<Long> numbers = new ArrayList<>();
        while (lines.next()) {
            numbers.add(lines.number());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), numbers);
    }

    @Test
    void aLineAboveTheLimitIsRefused() {
        byte[] bytes = new byte[InputFile.MAX_LINE_BYTES + 10];
        ByteLines lines = new ByteLines(new ByteArrayInputStream(bytes), "DRUG.txt");
        InvalidInputException e = assertThrows(InvalidInputException.class, lines::next);
        assertTrue(e.getMessage().startsWith("DRUG.txt: line 1 is longer than"), e.getMessage());
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ByteLines byteLines = new ByteLines(in, "f")) {
            while (byteLines.next()) {
                assertEquals(byteLines.text(), new String(byteLines.bytes(), byteLines.start(), byteLines.length(),
                        StandardCharsets.ISO_8859_1));
                lines.add(byteLines.text());
            }
        }
        return lines;
    }

    private static List<String> bufferedReaderLines(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    private static String escape(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Hands out one to three bytes per read. */
    private static final class TrickleStream extends FilterInputStream {
        private final Random random;

        TrickleStream(byte[] bytes, Random random) {
            super(new ByteArrayInputStream(bytes));
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(3)));
        }
    }
}
