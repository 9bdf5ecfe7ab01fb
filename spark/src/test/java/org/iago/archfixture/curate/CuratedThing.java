package org.iago.archfixture.curate;

import org.iago.archfixture.lake.LakeReadsCurate;

/** Deliberately wrong for ArchitectureTest: curate as the lake's dependency, and a cycle with it. */
public final class CuratedThing {

    public static final String NAME = LakeReadsCurate.class.getSimpleName();
}
