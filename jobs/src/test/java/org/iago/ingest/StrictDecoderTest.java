package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictDecoderTest {

    private final StrictDecoder utf8 = new StrictDecoder(StandardCharsets.UTF_8);

    private static String asRead(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesValidMultiByteText() {
        assertEquals("Ecz\u00e9ma \u2013 ok", utf8.decode(asRead("Ecz\u00e9ma \u2013 ok".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesMalformedBytesAndSaysWhere() {
        String line = asRead(new byte[] {'a', 'b', (byte) 0xC3, 0x28});
        RecordRejectedException e = assertThrows(RecordRejectedException.class, () -> utf8.decode(line));
        assertEquals("not valid UTF-8: malformed byte sequence at byte 3 of the line", e.getMessage());
        assertFalse(utf8.isDecodable(line));
    }

    @Test
    void anotherDeclaredEncodingAcceptsItsOwnBytes() {
        StrictDecoder cp1252 = new StrictDecoder(Charset.forName("windows-1252"));
        assertEquals("caf\u00e9", cp1252.decode(asRead(new byte[] {'c', 'a', 'f', (byte) 0xE9})));
    }
}
