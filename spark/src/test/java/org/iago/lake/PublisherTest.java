package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where iago can publish, and small files written aside and renamed in (S3: VersionedTablesTest; HDFS and S3: jobs'
 * RemoteLakeTest).
 */
class PublisherTest {

    @TempDir
    Path dir;

    @Test
    void refusesObjectStoresOtherThanS3() {
        for (String uri : List.of("gs://b/lake", "abfs://c@a.dfs.core.windows.net/lake",
                "wasb://c@a.blob.core.windows.net/lake", "s3n://bucket/lake")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Publisher.requirePublishable(LakePaths.location(uri)));
            assertTrue(e.getMessage().contains("docs/cluster.md"), e.getMessage());
        }
        for (String uri : List.of("/data/lake", "file:///data/lake", "hdfs://nn:8020/lake", "viewfs://c/lake",
                "webhdfs://nn:9870/lake", "s3a://bucket/lake", "S3A://bucket/lake")) {
            assertEquals(LakePaths.location(uri), Publisher.requirePublishable(LakePaths.location(uri)));
        }
    }

    @Test
    void usesJavaNioOnTheLocalDisk() throws Exception {
        assertSame(Publisher.local(), Publisher.of(LakePaths.location(dir), new Configuration(false)));
    }

    @Test
    void writesAFileAsideAndReplacesTheOldOne() throws Exception {
        Path target = dir.resolve("out/prior.json");
        Publisher.local().writeJson(LakePaths.location(target), Map.of("alpha1", 0.2));
        Publisher.local().write(LakePaths.location(target), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(dir.resolve("out/.prior.json.tmp")));
        assertEquals(List.of(target), Files.list(dir.resolve("out")).toList());
    }

    @Test
    void tablesPublishedTogetherLeaveNoStagingBehind() throws Exception {
        Publisher publisher = Publisher.local();
        Map<org.apache.hadoop.fs.Path, org.apache.hadoop.fs.Path> stagedByTarget = new LinkedHashMap<>();
        for (String table : List.of("drugs", "events")) {
            org.apache.hadoop.fs.Path target = LakePaths.location(dir.resolve("curated").resolve(table));
            org.apache.hadoop.fs.Path staged = publisher.staging(target);
            Files.createDirectories(Path.of(staged.toUri().getPath()));
            Files.writeString(Path.of(staged.toUri().getPath(), "part-0"), table);
            stagedByTarget.put(target, staged);
        }
        Files.createDirectories(dir.resolve("curated/drugs"));
        Files.writeString(dir.resolve("curated/drugs/part-0"), "old");
        publisher.replaceAll(stagedByTarget);
        assertEquals("drugs", Files.readString(dir.resolve("curated/drugs/part-0")));
        assertEquals("events", Files.readString(dir.resolve("curated/events/part-0")));
        try (var names = Files.list(dir.resolve("curated"))) {
            assertEquals(List.of("drugs", "events"), names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void stagingAgainAfterAKillBetweenTheRenamesPutsTheOldTableBack() throws Exception {
        // killed after the old table was set aside and before the staged one was moved in
        Files.createDirectories(dir.resolve("out/.disproportionality.replaced"));
        Files.writeString(dir.resolve("out/.disproportionality.replaced/part-0"), "old");
        Files.createDirectories(dir.resolve("out/.staging/disproportionality"));
        Files.writeString(dir.resolve("out/.staging/disproportionality/part-0"), "half");
        org.apache.hadoop.fs.Path staged = Publisher.local().staging(LakePaths.location(dir.resolve(
                "out/disproportionality")));
        assertEquals("old", Files.readString(dir.resolve("out/disproportionality/part-0")), "readers have it back");
        assertFalse(Files.exists(Path.of(staged.toUri().getPath())), "what the killed run staged is gone");
        assertFalse(Files.exists(dir.resolve("out/.disproportionality.replaced")));
    }

    @Test
    void removingATableRemovesWhatAKilledPublishLeftOfIt() throws Exception {
        for (String folder : List.of("curated/event_hierarchy", "curated/.staging/event_hierarchy",
                "curated/.event_hierarchy.replaced")) {
            Files.createDirectories(dir.resolve(folder));
            Files.writeString(dir.resolve(folder).resolve("part-0"), folder);
        }
        Publisher.local().remove(LakePaths.location(dir.resolve("curated/event_hierarchy")));
        try (var names = Files.list(dir.resolve("curated"))) {
            assertEquals(List.of(), names.toList());
        }
    }
}
