package org.iago.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** {@link Utf8Writer} writes what the JDK's buffered UTF-8 writer writes, byte for byte. */
class Utf8WriterTest {

    /** Each text through both writers, as whole strings, single characters and char arrays. */
    private static void assertSameBytes(List<String> texts) throws IOException {
        assertArrayEquals(bytes(texts, out -> new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))),
                bytes(texts, Utf8Writer::new));
    }

    private static byte[] bytes(List<String> texts, Function<ByteArrayOutputStream, Writer> writer)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = writer.apply(out)) {
            for (String t : texts) {
                w.write(t);
                w.write(',');
                w.write(t.toCharArray(), 0, t.length());
                if (!t.isEmpty() && !Character.isSurrogate(t.charAt(0))) {
                    w.write(t.charAt(0));
                }
                int half = t.length() / 2;        // a prefix that does not end inside a surrogate pair
                w.write(t, 0, half > 0 && Character.isHighSurrogate(t.charAt(half - 1)) ? half + 1 : half);
                w.write('\n');
            }
        }
        return out.toByteArray();
    }

    @Test
    void asciiAndOtherScriptsAsTheJdkEncodesThem() throws IOException {
        assertSameBytes(List.of("", "a", "CYTOKINE RELEASE SYNDROME", "1.0E-6", "Sjögren's syndrome",
                "naïve – “quoted”", "日本語", "emoji \uD83D\uDE00 pair", "\u00FF\u0100\u07FF\u0800\uFFFF", "é"));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsInTheJdk() throws IOException {
        assertSameBytes(List.of("x\uD83Dy", "\uDE00", "end\uD83D"));
    }

    @Test
    void textLongerThanTheBufferAndManySmallWritesAcrossIt() throws IOException {
        Random random = new Random(7);
        StringBuilder ascii = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            ascii.append((char) ('a' + random.nextInt(26)));
            mixed.append(random.nextInt(10) == 0 ? (char) (0x100 + random.nextInt(0x700)) : (char) ('0' + i % 10));
        }
        assertSameBytes(List.of(ascii.toString(), mixed.toString()));
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            small.add(i % 97 == 0 ? "ü" + i : Integer.toString(i));
        }
        assertSameBytes(small);
    }
}
