package org.iago.archfixture.curate;

/** A stand-in for a curation class. */
public final class Curated {

    public static String normalise(String name) {
        return name.trim();
    }
}
