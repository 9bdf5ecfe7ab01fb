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

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
