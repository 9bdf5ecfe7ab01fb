package org.iago.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one line in the extract's declared encoding, refusing bytes that are not valid in it.
 * <p>
 * Files are read as ISO-8859-1, which maps every byte to one char, so that a bad byte affects only its own line: the
 * line is decoded here, strictly, and rejected on failure instead of being silently replaced with U+FFFD.
 */
public final class StrictDecoder {

    private final Charset charset;
    private final CharsetDecoder decoder;

    public StrictDecoder(Charset charset) {
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** @param byteLine a line read as ISO-8859-1, one char per byte */
    public String decode(String byteLine) {
        if (isAscii(byteLine)) {
            return byteLine;
        }
        byte[] bytes = byteLine.getBytes(StandardCharsets.ISO_8859_1);
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new RecordRejectedException("not valid " + charset.name() + ": malformed byte sequence at byte "
                    + (offsetOfFirstBad(bytes) + 1) + " of the line");
        } catch (CharacterCodingException e) {
            throw new RecordRejectedException("not valid " + charset.name() + ": " + e.getMessage());
        }
    }

    /**
     * A line's text in UTF-8, for a reader that works on bytes: an ASCII line is its own UTF-8 (and is not copied:
     * null is returned), any other is decoded strictly, as {@link #decode} does, and encoded again.
     *
     * @return null when bytes {@code offset} to {@code offset + length} of {@code line} are ASCII, else the line's UTF-8
     * @throws RecordRejectedException when the line is not valid in the encoding
     */
    public byte[] utf8UnlessAscii(byte[] line, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (line[i] < 0) {
                return decode(new String(line, offset, length, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The bytes of a line read as ISO-8859-1 decoded leniently, for showing a rejected line. */
    public String decodeLeniently(String byteLine) {
        return isAscii(byteLine) ? byteLine : new String(byteLine.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    public boolean isDecodable(String byteLine) {
        try {
            decode(byteLine);
            return true;
        } catch (RecordRejectedException e) {
            return false;
        }
    }

    private int offsetOfFirstBad(byte[] bytes) {
        CharsetDecoder probe = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        probe.decode(in, out, true);
        return in.position();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
