package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LakePathsTest {

    @Test
    void takesPathsAndFileUris() {
        assertEquals(Path.of("/data/lake"), LakePaths.local("/data/lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("/data/./x/../lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("file:///data/lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("file:/data/lake"));
        assertEquals(Path.of("lake").toAbsolutePath(), LakePaths.local("lake"));
        // a colon after the first slash is part of a folder name, not a scheme
        assertEquals(Path.of("/data/a:b"), LakePaths.local("/data/a:b"));
    }

    @Test
    void refusesOtherFileSystemsInsteadOfMakingAFolderNamedAfterThem() {
        for (String uri : new String[] {"hdfs://namenode:8020/iago/lake", "s3a://bucket/lake", "gs://b/lake",
                "abfs://c@a.dfs.core.windows.net/lake", "HDFS:///lake"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LakePaths.local(uri));
            assertTrue(e.getMessage().contains("docs/cluster.md"), e.getMessage());
        }
    }
}
