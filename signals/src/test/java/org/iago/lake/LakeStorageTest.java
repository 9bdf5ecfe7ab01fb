package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where iago can publish, and small files written aside and renamed in (HDFS and S3: jobs' RemoteLakeTest and
 * VersionedTablesTest).
 */
class LakeStorageTest {

    @TempDir
    Path dir;

    @Test
    void refusesObjectStoresOtherThanS3() {
        for (String uri : List.of("gs://b/lake", "abfs://c@a.dfs.core.windows.net/lake",
                "wasb://c@a.blob.core.windows.net/lake", "s3n://bucket/lake")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LakeStorage.requirePublishable(LakePaths.location(uri)));
            assertTrue(e.getMessage().contains("docs/cluster.md"), e.getMessage());
        }
        for (String uri : List.of("/data/lake", "file:///data/lake", "hdfs://nn:8020/lake", "viewfs://c/lake",
                "webhdfs://nn:9870/lake", "s3a://bucket/lake", "S3A://bucket/lake")) {
            assertEquals(LakePaths.location(uri), LakeStorage.requirePublishable(LakePaths.location(uri)));
        }
    }

    @Test
    void usesJavaNioOnTheLocalDisk() throws Exception {
        assertSame(LakeStorage.local(), LakeStorage.of(LakePaths.location(dir), new Configuration(false)));
    }

    @Test
    void writesAFileAsideAndReplacesTheOldOne() throws Exception {
        Path target = dir.resolve("out/prior.json");
        LakeStorage.local().writeJson(LakePaths.location(target), Map.of("alpha1", 0.2));
        LakeStorage.local().write(LakePaths.location(target), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("out/.prior.json.tmp")));
        assertEquals(List.of(target), Files.list(dir.resolve("out")).toList());
    }
}
