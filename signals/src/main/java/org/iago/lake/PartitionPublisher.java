package org.iago.lake;

import java.io.IOException;
import java.nio.file.Path;

/** {@link LakeStorage#replace} and {@link LakeStorage#deleteRecursively} for the local folders of the ingest jobs. */
public final class PartitionPublisher {

    private PartitionPublisher() {
    }

    /** Replaces {@code target} with {@code staged}; does nothing when {@code staged} is gone (already published). */
    public static void replace(Path staged, Path target) throws IOException {
        LakeStorage.local().replace(LakePaths.location(staged), LakePaths.location(target));
    }

    public static void deleteRecursively(Path path) throws IOException {
        LakeStorage.local().deleteRecursively(LakePaths.location(path));
    }
}
