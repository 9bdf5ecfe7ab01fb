package org.iago.vocabulary;

import java.util.Locale;

/**
 * How drug and event names are compared: upper-cased, trimmed, inner white space collapsed. The same rule is written
 * as Spark column expressions in {@code curate.CurateJob.normalised}; this is the plain-Java form for dictionaries.
 */
public final class Names {

    private Names() {
    }

    public static String normalise(String name) {
        return name == null ? null : name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
