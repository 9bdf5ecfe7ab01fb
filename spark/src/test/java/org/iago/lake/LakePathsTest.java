package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LakePathsTest {

    @Test
    void takesPathsAndFileUrisForLocalFiles() {
        assertEquals(Path.of("/data/lake"), LakePaths.local("/data/lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("/data/./x/../lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("file:///data/lake"));
        assertEquals(Path.of("/data/lake"), LakePaths.local("file:/data/lake"));
        assertEquals(Path.of("lake").toAbsolutePath(), LakePaths.local("lake"));
        // a colon after the first slash is part of a folder name, not a scheme
        assertEquals(Path.of("/data/a:b"), LakePaths.local("/data/a:b"));
    }

    @Test
    void readsConfigurationOnlyFromTheDriversDisk() {
        for (String uri : new String[] {"hdfs://namenode:8020/iago/conf", "s3a://bucket/conf", "HDFS:///conf"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LakePaths.local(uri));
            assertTrue(e.getMessage().contains("driver"), e.getMessage());
        }
    }

    @Test
    void locatesLocalFoldersAsFileUrisAndKeepsOtherFileSystems() {
        assertEquals("file:/data/lake", LakePaths.location("/data/./x/../lake").toString());
        assertEquals("file:/data/lake", LakePaths.location("file:///data/lake").toString());
        assertEquals("file:" + Path.of("lake").toAbsolutePath(), LakePaths.location("lake").toString());
        assertEquals("file:/data/lake", LakePaths.location(Path.of("/data/lake/")).toString());
        assertEquals("hdfs://namenode:8020/iago/lake", LakePaths.location("hdfs://namenode:8020/iago/./lake/")
                .toString());
        assertEquals("hdfs:/iago/lake", LakePaths.location("HDFS:///iago/lake").toString());
        assertEquals("s3a://bucket/lake", LakePaths.location("s3a://bucket/lake").toString());
    }

    @Test
    void refusesAUriWithoutAnAbsolutePath() {
        assertThrows(IllegalArgumentException.class, () -> LakePaths.location("hdfs://namenode:8020"));
        assertThrows(IllegalArgumentException.class, () -> LakePaths.location("hdfs:lake"));
    }
}
