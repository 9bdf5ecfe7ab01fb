package org.iago.ingest.faers;

import java.nio.charset.StandardCharsets;

import org.iago.ingest.ByteLines;
import org.iago.ingest.LineParser;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.RowBuffer;
import org.iago.ingest.StrictDecoder;

/**
 * A line of {@code Deleted/DELETEyyQn.txt}: one case identifier, no header, no delimiter. Surrounding blanks (and
 * control characters, as {@link String#trim} drops them) are dropped; anything but digits is rejected. Whether the ids
 * are caseids or primaryids is decided at curation.
 */
public final class DeletedLineParser implements LineParser {

    private final StrictDecoder decoder;

    public DeletedLineParser(StrictDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void header(ByteLines line) {
        throw new IllegalStateException("the deleted-case list has no header");
    }

    @Override
    public void parse(ByteLines line, RowBuffer row) {
        byte[] text = line.bytes();
        int from = line.start();
        int to = from + line.length();
        byte[] utf8 = decoder.utf8UnlessAscii(text, from, line.length());
        if (utf8 != null) {
            text = utf8;
            from = 0;
            to = utf8.length;
        }
        // bytes up to the space are the chars String.trim drops; a non-ASCII char's bytes are all above it
        while (from < to && (text[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (text[to - 1] & 0xff) <= ' ') {
            to--;
        }
        if (from == to) {
            throw new RecordRejectedException("empty line where a deleted case id was expected");
        }
        if (!FaersFields.isDigits(text, from, to)) {
            throw new RecordRejectedException("deleted case id '" + new String(text, from, to - from,
                    StandardCharsets.UTF_8) + "' is not a number");
        }
        row.text(0, text, from, to - from);
    }
}
