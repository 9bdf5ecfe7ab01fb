package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;

/** The independent line count agrees with BufferedReader, which FlatFileItemReader uses, for every line ending. */
class InputFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "a\n\nb", "\n", "\r\n\r\n", "a\r\n\nb"})
    void countsLinesAsBufferedReaderDoes(String text) throws Exception {
        long expected = new BufferedReader(new StringReader(text)).lines().count();
        InputFile scanned = InputFile.scan("t", new ByteArrayResource(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(expected, scanned.lines(), () -> "for " + text.replace("\r", "\\r").replace("\n", "\\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc"})
    void hashesTheBytes(String text) throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                InputFile.scan("t", new ByteArrayResource(text.getBytes(StandardCharsets.US_ASCII))).sha256());
    }

    /** A file without line breaks was read as one line, which exhausted the heap: the scan refuses it first. */
    @Test
    void aLineAboveTheLimitFailsTheScan() throws Exception {
        byte[] text = new byte[InputFile.MAX_LINE_BYTES + 1 + 6];
        Arrays.fill(text, (byte) 'x');
        System.arraycopy("a$b$c\n".getBytes(StandardCharsets.US_ASCII), 0, text, 0, 6);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> InputFile.scan("REAC24Q1.txt", new ByteArrayResource(text)));
        assertTrue(refused.getMessage().startsWith("REAC24Q1.txt: the line that starts at line 2 is longer than"
                + " 1048576 bytes"), refused::getMessage);
        byte[] longest = Arrays.copyOf(text, text.length - 1);
        assertEquals(2, InputFile.scan("REAC24Q1.txt", new ByteArrayResource(longest)).lines());
    }
}
