package org.iago.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * How iago publishes tables and small output files at a lake or output {@linkplain LakePaths#location location}.
 * Readers see a table or file whole, the old one or the new one, never half-written, and every step can be repeated:
 * a publish killed half-way completes, or is undone, when the job runs again. One job at a time may publish into a
 * table. Two ways, chosen by the location's file system ({@link #of}):
 * <ul>
 * <li>{@link RenamePublisher}: the local disk and HDFS, where a folder rename is atomic. A table is written into a
 * temporary folder beside it and renamed in.</li>
 * <li>{@link PointerPublisher}: S3 through S3A ({@code s3a://}), where renaming a folder copies every object and
 * deletes them after, which a reader can watch half done. A table is written whole into a new version folder, then a
 * pointer object naming that version is replaced in one PUT. Readers find the version through {@link #published}.</li>
 * </ul>
 * Other object stores ({@code gs://}, {@code abfs://}, …) are refused: their semantics were not checked here.
 */
public sealed interface Publisher permits FolderPublisher {

    /** What a small output file holds, written to a stream iago closes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Renames on the local disk, with {@code java.nio}. */
    static Publisher local() {
        return RenamePublisher.LOCAL;
    }

    /**
     * @param location a lake or output location, such as one from {@link LakePaths#location(String)}
     * @param conf     the Hadoop configuration, e.g. {@code spark.sparkContext().hadoopConfiguration()}
     * @throws IllegalArgumentException for a file system where iago cannot publish
     */
    static Publisher of(Path location, Configuration conf) throws IOException {
        if (LakePaths.isLocal(requirePublishable(location))) {
            return local();
        }
        if (versioned(scheme(location))) {
            return PointerPublisher.of(location, conf);
        }
        return RenamePublisher.on(location.getFileSystem(conf));
    }

    /**
     * Checks, before any work, that iago can publish at a location.
     *
     * @return the location
     * @throws IllegalArgumentException for a file system where iago cannot publish
     */
    static Path requirePublishable(Path location) {
        String scheme = scheme(location);
        if (!LakePaths.isLocal(location) && !renamesAtomically(scheme) && !versioned(scheme)) {
            throw new IllegalArgumentException("'" + location + "': iago publishes tables on a local or shared "
                    + "POSIX file system, on HDFS (hdfs://, viewfs://, webhdfs://) and on S3 (s3a://); on " + scheme
                    + ":// a folder rename is a copy that readers can see half done, and publishing without renames "
                    + "was not checked there; keep the lake and outputs on HDFS or S3 (see docs/cluster.md)");
        }
        return location;
    }

    /**
     * The folder that holds the published rows of a table: the version its pointer names on an object store, the
     * table's own folder otherwise (also for a table copied in from elsewhere). Any file system will do, as this only
     * reads.
     *
     * @throws IOException if the table's pointer names a version that is not there
     */
    static Path published(Path table, Configuration conf) throws IOException {
        return PointerPublisher.published(table, conf);
    }

    /**
     * A fresh folder to write a table into, for a {@link #replace} onto {@code target} afterwards. A target that a
     * killed publish left half done is first put back.
     */
    Path staging(Path target) throws IOException;

    void createDirectories(Path path) throws IOException;

    void deleteRecursively(Path path) throws IOException;

    /** Deletes a published table, with what a killed publish left of it, so that no reader finds it half gone. */
    void remove(Path target) throws IOException;

    /** Publishes {@code staged} as {@code target}: {@link #replaceAll} of one table. */
    default void replace(Path staged, Path target) throws IOException {
        replaceAll(Map.of(target, staged));
    }

    /**
     * Publishes staged folders as their targets, one after the other, and only then deletes what they replaced: a
     * job whose tables belong together leaves them side by side with older ones for a rename or a PUT each. Run again
     * after a kill, it completes: a target whose staged folder is gone was published already.
     *
     * @param stagedByTarget folders from {@link #staging} (the ingest jobs: any staged folder on the local disk), by
     *                       target, in the order to publish them
     */
    void replaceAll(Map<Path, Path> stagedByTarget) throws IOException;

    /** Writes a small file that readers see whole or not at all. */
    void write(Path target, Content content) throws IOException;

    /** Writes {@code value} as indented JSON: see {@link #write}. */
    default void writeJson(Path target, Object value) throws IOException {
        write(target, new JsonContent(value));
    }

    /** Hadoop file systems whose folder rename is atomic (the local one is handled apart). */
    private static boolean renamesAtomically(String scheme) {
        return Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs").contains(scheme);
    }

    /** Object stores where iago publishes through versions and a pointer. */
    private static boolean versioned(String scheme) {
        return "s3a".equals(scheme);
    }

    private static String scheme(Path location) {
        String scheme = location.toUri().getScheme();
        return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
    }
}
