package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

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
}
