package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.iago.testing.LocalObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing on an object store ({@link Publisher} on {@code s3a://}): versions and a pointer, never a rename, on
 * {@link LocalObjectStore}. The Spark jobs on it: jobs' RemoteLakeTest; on real S3 (S3Proxy): bench/cluster-check.sh.
 */
class VersionedTablesTest {

    @TempDir
    java.nio.file.Path dir;
    Configuration conf;
    FileSystem fs;
    Publisher publisher;
    Path table;

    @BeforeEach
    void objectStore() throws IOException {
        conf = new Configuration(false);
        LocalObjectStore.register(conf);
        Path out = LocalObjectStore.location(dir.resolve("out"));
        fs = out.getFileSystem(conf);
        publisher = Publisher.of(out, conf);
        table = new Path(out, "disproportionality");
    }

    @Test
    void theTestStoreRefusesRenamesAsS3WouldCopy() throws IOException {
        Path folder = new Path(table, "a");
        fs.mkdirs(folder);
        assertThrows(UnsupportedOperationException.class, () -> fs.rename(folder, new Path(table, "b")));
    }

    @Test
    void eachPublishPointsToANewVersionAndKeepsTheOneBefore() throws IOException {
        Path first = publish("1");
        assertEquals(first, Publisher.published(table, conf));
        assertEquals(first.getName(), text(new Path(table, "_current")));
        Path second = publish("2");
        assertEquals(second, Publisher.published(table, conf));
        assertEquals(Set.of(first.getName(), second.getName()), versions());
        Path third = publish("3");
        assertEquals(Set.of(second.getName(), third.getName()), versions());
        assertEquals("3", text(new Path(Publisher.published(table, conf), "part-0")));
    }

    @Test
    void aVersionAKilledRunLeftIsNeverReadAndGoesAtTheNextPublish() throws IOException {
        Path published = publish("1");
        stage(table, "half");
        assertEquals(published, Publisher.published(table, conf));
        Path next = publish("2");
        assertEquals(Set.of(published.getName(), next.getName()), versions());
    }

    @Test
    void publishingTheSameVersionAgainAfterAKillChangesNothing() throws IOException {
        Path first = publish("1");
        Path staged = stage(table, "2");
        publisher.replace(staged, table);
        publisher.replace(staged, table);
        assertEquals(staged, Publisher.published(table, conf));
        assertEquals(Set.of(first.getName(), staged.getName()), versions(), "the one before is still kept");
    }

    @Test
    void aVersionDeletedBeforeItsPublishIsAnError() throws IOException {
        Path published = publish("1");
        Path staged = stage(table, "2");
        fs.delete(staged, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> publisher.replace(staged, table));
        assertTrue(e.getMessage().contains("did another job publish into the same table?"), e.getMessage());
        assertEquals(published, Publisher.published(table, conf));
    }

    @Test
    void tablesPublishedTogetherEachGetTheirNewVersion() throws IOException {
        Path other = new Path(table.getParent(), "emergence_series");
        Path first = publish("1");
        Path staged = stage(table, "2");
        Path otherStaged = stage(other, "2");
        Map<Path, Path> stagedByTarget = new LinkedHashMap<>();
        stagedByTarget.put(table, staged);
        stagedByTarget.put(other, otherStaged);
        publisher.replaceAll(stagedByTarget);
        assertEquals(staged, Publisher.published(table, conf));
        assertEquals(otherStaged, Publisher.published(other, conf));
        assertEquals(Set.of(first.getName(), staged.getName()), versions());
    }

    @Test
    void aTableCopiedInWholeIsReadUntilItsFirstVersionAndThenGoes() throws IOException {
        write(new Path(table, "part-0"), "copied");
        assertEquals(table, Publisher.published(table, conf));
        Path first = publish("1");
        assertEquals(first, Publisher.published(table, conf));
        assertFalse(fs.exists(new Path(table, "part-0")), "a reader skipping the pointer must not find old rows");
    }

    @Test
    void aPointerToAMissingVersionIsAnError() throws IOException {
        write(new Path(table, "_current"), "20260101T000000.000Z-00000000");
        IOException e = assertThrows(IOException.class, () -> Publisher.published(table, conf));
        assertTrue(e.getMessage().contains("names version 20260101T000000.000Z-00000000"), e.getMessage());
    }

    @Test
    void aPointerThatNamesNoVersionIsAnError() throws IOException {
        write(new Path(table, "_current"), "../../elsewhere");
        IOException e = assertThrows(IOException.class, () -> Publisher.published(table, conf));
        assertTrue(e.getMessage().contains("which is not a version name"), e.getMessage());
    }

    @Test
    void aFailedWriteAbortsItsUploadAndLeavesTheOldFile() throws IOException {
        Path csv = new Path(table.getParent(), "disproportionality.csv");
        publisher.write(csv, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class, () -> publisher.write(csv, out -> {
            out.write("new, and then".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the rows ran out");
        }));
        assertEquals("the rows ran out", e.getMessage());
        // how a failed Spark job reaches the CSV writer: a checked SparkException that Scala does not declare
        Exception undeclared = assertThrows(Exception.class, () -> publisher.write(csv, out -> {
            out.write("new, and then".getBytes(StandardCharsets.UTF_8));
            throwUndeclared(new Exception("Job aborted due to stage failure"));
        }));
        assertEquals("Job aborted due to stage failure", undeclared.getMessage());
        assertEquals("old", text(csv));
        try (Stream<java.nio.file.Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("disproportionality.csv"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void removingAVersionedTableDeletesItWhole() throws IOException {
        publish("1");
        publisher.remove(table);
        assertFalse(fs.exists(table));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void throwUndeclared(Exception e) throws E {
        throw (E) e;
    }

    private Path publish(String content) throws IOException {
        Path staged = stage(table, content);
        publisher.replace(staged, table);
        return staged;
    }

    /** A staged version of {@code target} whose one file holds {@code content}. */
    private Path stage(Path target, String content) throws IOException {
        Path staged = publisher.staging(target);
        write(new Path(staged, "part-0"), content);
        return staged;
    }

    private Set<String> versions() throws IOException {
        return Stream.of(fs.listStatus(new Path(table, "_versions"))).map(s -> s.getPath().getName())
                .collect(Collectors.toSet());
    }

    private void write(Path file, String content) throws IOException {
        try (var out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String text(Path file) throws IOException {
        try (var in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
