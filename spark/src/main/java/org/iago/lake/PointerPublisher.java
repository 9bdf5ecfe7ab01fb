package org.iago.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishing by versions and a pointer: S3 through S3A ({@code s3a://}), where a folder rename is a copy. A table is
 * written whole into a new version folder {@code <table>/_versions/<id>/}, then the pointer object
 * {@code <table>/_current}, which holds that id, is rewritten: one PUT, which S3 makes visible whole. The version
 * before it is kept for readers still reading it; older ones, and versions a killed run left behind, are deleted. A
 * small file is one object, written in place: S3 shows it only when its upload completes, and iago aborts the upload
 * if writing fails.
 */
final class PointerPublisher extends FolderPublisher {

    /** Inside a versioned table: the object naming its published version, and the folder of its versions. */
    private static final String POINTER = "_current";
    private static final String VERSIONS = "_versions";
    private static final Pattern VERSION_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final FileSystem fs;

    private PointerPublisher(FileSystem fs) {
        super(new HadoopFolders(fs));
        this.fs = fs;
    }

    /** @throws IllegalArgumentException for a file system that cannot abort an upload */
    static PointerPublisher of(Path location, Configuration conf) throws IOException {
        FileSystem fs = location.getFileSystem(conf);
        if (!fs.hasPathCapability(location, CommonPathCapabilities.ABORTABLE_STREAM)) {
            throw new IllegalArgumentException("'" + location + "': this " + fs.getClass().getName() + " cannot "
                    + "abort an upload, so a failed write could leave a partial file; iago needs S3A's own");
        }
        return new PointerPublisher(fs);
    }

    /** See {@link Publisher#published}: a table without a pointer is its own folder. */
    static Path published(Path table, Configuration conf) throws IOException {
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

    /** A new version folder. */
    @Override
    public Path staging(Path target) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        String id = VERSION_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(random);
        return new Path(target, VERSIONS + "/" + id);
    }

    /** The pointer first, so that no reader finds the table half gone. */
    @Override
    public void remove(Path target) throws IOException {
        fs.delete(new Path(target, POINTER), false);
        deleteRecursively(target);
    }

    /**
     * @throws IllegalStateException for a version folder gone but never published: another job publishing into the
     *                               same table deleted it
     */
    @Override
    public void replaceAll(Map<Path, Path> stagedByTarget) throws IOException {
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
    }

    /** In place, its upload aborted if writing fails; no folder: S3A's mkdirs would only cost requests. */
    @Override
    public void write(Path target, Content content) throws IOException {
        upload(target, content);
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
}
