package org.iago.archfixture.lake;

import org.iago.archfixture.curate.CuratedThing;

/** Deliberately wrong for ArchitectureTest: the lake importing a later stage. */
public final class LakeReadsCurate {

    public static String name() {
        return CuratedThing.NAME;
    }
}
