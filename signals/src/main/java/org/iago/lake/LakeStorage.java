package org.iago.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The folder and file operations with which iago publishes tables and outputs, on the file system of a lake or
 * output {@linkplain LakePaths#location location}. Readers see a table or file whole, the old one or the new one,
 * never half-written, and every step can be repeated: a publish killed half-way completes, or is undone, when the job
 * runs again. One job at a time may publish into a table. How depends on the file system:
 * <ul>
 * <li><b>Renames</b>: the local disk ({@code java.nio} with {@code ATOMIC_MOVE}) and HDFS (one NameNode operation).
 * A table is staged in the hidden folder beside it, {@code .staging/<name>}, and replaced by two renames, the old
 * folder aside and the staged one in; a small file is written aside ({@code .<name>.tmp}) and renamed over the old
 * one.</li>
 * <li><b>Versions and a pointer</b>: S3 through S3A ({@code s3a://}), where renaming a folder copies every object and
 * deletes them after, which a reader can watch half done. A table is written whole into a new version folder
 * {@code <table>/_versions/<id>/}, then the pointer object {@code <table>/_current}, which holds that id, is
 * rewritten: one PUT, which S3 makes visible whole. The version before it is kept for readers still reading it; older
 * ones, and versions a killed run left behind, are deleted. Readers find the version through {@link #published}. A
 * small file is one object, written in place: S3 shows it only when its upload completes, and iago aborts the upload
 * if writing fails.</li>
 * </ul>
 * Other object stores ({@code gs://}, {@code abfs://}, …) are refused: their semantics were not checked here.
 */
public final class LakeStorage {

    /** Hadoop file systems whose folder rename is atomic (the local one is handled apart). */
    private static final Set<String> ATOMIC_RENAME = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs");
    /** Object stores where iago publishes through versions and a pointer. */
    private static final Set<String> VERSIONED = Set.of("s3a");
    /** Inside a versioned table: the object naming its published version, and the folder of its versions. */
    private static final String POINTER = "_current";
    private static final String VERSIONS = "_versions";
    /** Beside a table on a file system with renames: the hidden folder its staged rows are written to. */
    private static final String STAGING = ".staging";
    private static final Pattern VERSION_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final LakeStorage LOCAL = new LakeStorage(null, false);
    /** Indented; the stream is closed by {@link #write}, not by Jackson. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Null for the local file system. */
    private final FileSystem fs;
    private final boolean versioned;

    private LakeStorage(FileSystem fs, boolean versioned) {
        this.fs = fs;
        this.versioned = versioned;
    }

    /** What a small output file holds, written to a stream iago closes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static LakeStorage local() {
        return LOCAL;
    }

    /**
     * @param location a lake or output location, such as one from {@link LakePaths#location(String)}
     * @param conf     the Hadoop configuration, e.g. {@code spark.sparkContext().hadoopConfiguration()}
     * @throws IllegalArgumentException for a file system where iago cannot publish
     */
    public static LakeStorage of(Path location, Configuration conf) throws IOException {
        if (LakePaths.isLocal(requirePublishable(location))) {
            return LOCAL;
        }
        FileSystem fs = location.getFileSystem(conf);
        boolean versioned = VERSIONED.contains(scheme(location));
        if (versioned && !fs.hasPathCapability(location, CommonPathCapabilities.ABORTABLE_STREAM)) {
            throw new IllegalArgumentException("'" + location + "': this " + fs.getClass().getName() + " cannot "
                    + "abort an upload, so a failed write could leave a partial file; iago needs S3A's own");
        }
        return new LakeStorage(fs, versioned);
    }

    /**
     * Checks, before any work, that iago can publish at a location.
     *
     * @return the location
     * @throws IllegalArgumentException for a file system where iago cannot publish
     */
    public static Path requirePublishable(Path location) {
        String scheme = scheme(location);
        if (!LakePaths.isLocal(location) && !ATOMIC_RENAME.contains(scheme) && !VERSIONED.contains(scheme)) {
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
    public static Path published(Path table, Configuration conf) throws IOException {
        FileSystem tableFs = table.getFileSystem(conf);
        String version = version(tableFs, table);
        if (version == null) {
            return table;
        }
        Path folder = new Path(table, VERSIONS + "/" + version);
        if (!tableFs.exists(folder)) {
            throw new IOException(new Path(table, POINTER) + " names version " + version + ", which is not in "
                    + new Path(table, VERSIONS) + ": was the table copied without it?");
        }
        return folder;
    }

    /**
     * A fresh folder to write a table into, for a {@link #replace} onto {@code target} afterwards: a new version
     * folder on an object store, else {@code .staging/<name>} beside the target, emptied of what a failed run left.
     * The staged folder's own name is not hidden, so Spark reads it without warning that it ignores hidden paths. A
     * target that a killed publish left set aside ({@code .<name>.replaced}) is first put back.
     */
    public Path staging(Path target) throws IOException {
        if (versioned) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            String id = VERSION_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
            return new Path(target, VERSIONS + "/" + id);
        }
        if (!exists(target) && exists(replaced(target))) {
            move(replaced(target), target, false);
        }
        Path staged = staged(target);
        deleteRecursively(staged);
        return staged;
    }

    public void createDirectories(Path path) throws IOException {
        if (fs == null) {
            Files.createDirectories(local(path));
        } else if (!fs.mkdirs(path)) {
            throw new IOException("could not create " + path);
        }
    }

    public void deleteRecursively(Path path) throws IOException {
        if (fs != null) {
            fs.delete(path, true);
            return;
        }
        java.nio.file.Path local = local(path);
        if (!Files.exists(local)) {
            return;
        }
        try (Stream<java.nio.file.Path> walk = Files.walk(local)) {
            for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Deletes a published table, with what a killed publish left of it; a versioned table loses its pointer first, so
     * that no reader finds it half gone.
     */
    public void remove(Path target) throws IOException {
        if (versioned) {
            fs.delete(new Path(target, POINTER), false);
            deleteRecursively(target);
            return;
        }
        deleteRecursively(target);
        deleteRecursively(staged(target));
        deleteRecursively(replaced(target));
        deleteIfEmpty(staged(target).getParent());
    }

    /** Publishes {@code staged} as {@code target}: {@link #replaceAll} of one table. */
    public void replace(Path staged, Path target) throws IOException {
        replaceAll(Map.of(target, staged));
    }

    /**
     * Publishes staged folders as their targets, one after the other, and only then deletes what they replaced: a
     * job whose tables belong together leaves them side by side with older ones for a rename or a PUT each. Run again
     * after a kill, it completes: a target whose staged folder is gone was published already.
     *
     * @param stagedByTarget folders from {@link #staging} (the ingest jobs: any staged folder on the local disk), by
     *                       target, in the order to publish them
     * @throws IllegalStateException on an object store, for a version folder gone but never published: another job
     *                               publishing into the same table deleted it
     */
    public void replaceAll(Map<Path, Path> stagedByTarget) throws IOException {
        if (versioned) {
            List<Pointed> pointed = new ArrayList<>();
            for (Map.Entry<Path, Path> table : stagedByTarget.entrySet()) {
                Pointed moved = point(table.getValue(), table.getKey());
                if (moved != null) {
                    pointed.add(moved);
                }
            }
            for (Pointed table : pointed) {
                prune(table);
            }
            return;
        }
        for (Map.Entry<Path, Path> table : stagedByTarget.entrySet()) {
            swap(table.getValue(), table.getKey());
        }
        for (Path target : stagedByTarget.keySet()) {
            deleteRecursively(replaced(target));
            deleteIfEmpty(staged(target).getParent());
        }
    }

    /**
     * Writes a small file: aside ({@code .<name>.tmp}) and renamed over {@code target}, or on an object store in
     * place, its upload aborted if writing fails.
     */
    public void write(Path target, Content content) throws IOException {
        if (versioned) {
            // an object needs no folder: S3A's mkdirs would only cost requests
            upload(target, content);
            return;
        }
        createDirectories(target.getParent());
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = fs == null ? Files.newOutputStream(local(tmp)) : fs.create(tmp, true)) {
            content.writeTo(out);
        }
        move(tmp, target, true);
    }

    /** Writes {@code value} as indented JSON: see {@link #write}. */
    public void writeJson(Path target, Object value) throws IOException {
        write(target, out -> JSON.writeValue(out, value));
    }

    /** The old table set aside, the staged one in; nothing when {@code staged} is gone (swapped in already). */
    private void swap(Path staged, Path target) throws IOException {
        if (!exists(staged)) {
            return;
        }
        createDirectories(target.getParent());
        deleteRecursively(replaced(target));
        if (exists(target)) {
            move(target, replaced(target), false);
        }
        move(staged, target, false);
    }

    /** A versioned table whose pointer was moved to {@code version} from {@code previous} (null: none). */
    private record Pointed(Path target, String version, String previous) {
    }

    /** The pointer moved to {@code staged}; null when it names {@code staged} already (published before a kill). */
    private Pointed point(Path staged, Path target) throws IOException {
        if (!staged.getParent().equals(new Path(target, VERSIONS))) {
            throw new IllegalArgumentException(staged + " is not a version folder of " + target + " (see staging)");
        }
        String version = staged.getName();
        String previous = version(fs, target);
        if (version.equals(previous)) {
            return null;
        }
        if (!fs.exists(staged)) {
            throw new IllegalStateException(staged + " is gone, though " + target + " was never published from it: "
                    + "did another job publish into the same table? Only one at a time may");
        }
        upload(new Path(target, POINTER), out -> out.write(version.getBytes(StandardCharsets.UTF_8)));
        return new Pointed(target, version, previous);
    }

    /**
     * Deletes every version of a table but the published one and the one before it (for readers still reading it),
     * and the files of a table copied in before it had versions, which a reader skipping the pointer would otherwise
     * take for the table.
     */
    private void prune(Pointed table) throws IOException {
        for (FileStatus child : fs.listStatus(table.target())) {
            String name = child.getPath().getName();
            if (name.equals(VERSIONS)) {
                for (FileStatus old : fs.listStatus(child.getPath())) {
                    String oldVersion = old.getPath().getName();
                    if (!oldVersion.equals(table.version()) && !oldVersion.equals(table.previous())) {
                        fs.delete(old.getPath(), true);
                    }
                }
            } else if (!name.equals(POINTER)) {
                fs.delete(child.getPath(), true);
            }
        }
    }

    /**
     * One object, visible only once whole: the upload is aborted if writing fails in any way, also by an exception
     * Scala throws undeclared, such as a failed Spark job of the rows being written ({@link #of} checked that
     * uploads can be aborted).
     */
    private void upload(Path target, Content content) throws IOException {
        FSDataOutputStream out = fs.create(target, true);
        try {
            content.writeTo(out);
        } catch (Throwable e) {
            try {
                out.abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
        out.close();
    }

    /** Deletes a folder if it is there and empty: other tables may still be staged in it, to be published next. */
    private void deleteIfEmpty(Path folder) throws IOException {
        try {
            if (fs == null) {
                Files.deleteIfExists(local(folder));
            } else if (fs.listStatus(folder).length == 0) {
                fs.delete(folder, false);
            }
        } catch (DirectoryNotEmptyException | FileNotFoundException e) {
            // not empty, or not there: nothing to delete
        }
    }

    private static Path staged(Path target) {
        return new Path(new Path(target.getParent(), STAGING), target.getName());
    }

    private static Path replaced(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".replaced");
    }

    /** The version a table's pointer names, or null for a table without one. */
    private static String version(FileSystem fs, Path table) throws IOException {
        Path pointer = new Path(table, POINTER);
        String version;
        // opened without asking first whether it is there: on S3 each question is a request, and this runs per read
        try (InputStream in = fs.open(pointer)) {
            version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (FileNotFoundException e) {
            return null;
        }
        if (!VERSION_ID.matcher(version).matches()) {
            throw new IOException(pointer + " holds '" + version + "', which is not a version name such as "
                    + "20261122T133246.986Z-4e1c535f");
        }
        return version;
    }

    private boolean exists(Path path) throws IOException {
        return fs == null ? Files.exists(local(path)) : fs.exists(path);
    }

    private void move(Path from, Path to, boolean overwrite) throws IOException {
        if (fs == null) {
            if (overwrite) {
                Files.move(local(from), local(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(local(from), local(to), StandardCopyOption.ATOMIC_MOVE);
            }
        } else {
            FileUtil.rename(fs, from, to, overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE);
        }
    }

    private static String scheme(Path location) {
        String scheme = location.toUri().getScheme();
        return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
    }

    private static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri().getPath());
    }
}
