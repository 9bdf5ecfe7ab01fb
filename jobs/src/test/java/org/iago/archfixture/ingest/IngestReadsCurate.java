package org.iago.archfixture.ingest;

import org.iago.archfixture.curate.Curated;

/** Deliberately wrong: ingestion importing the curation stage, as registry ingestion once did. */
public final class IngestReadsCurate {

    public static String name(String raw) {
        return Curated.normalise(raw);
    }
}
