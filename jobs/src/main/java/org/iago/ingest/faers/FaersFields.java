package org.iago.ingest.faers;

import java.util.ArrayList;
import java.util.List;

/** Splitting of {@code $}-delimited FAERS lines and small field checks. */
final class FaersFields {

    static final char DELIMITER = '$';

    private FaersFields() {
    }

    /** Splits on every {@code $}, keeping empty fields, including a trailing one. FAERS has no quoting. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(32);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == DELIMITER) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
        return fields;
    }

    /** Whether bytes {@code from} to {@code to} are one or more ASCII digits. */
    static boolean isDigits(byte[] text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
