package org.iago.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The folder and file operations with which iago publishes tables and outputs, on the file system of a lake or
 * output {@linkplain LakePaths#location location}: the local one through {@code java.nio} (renames with
 * {@code ATOMIC_MOVE}), HDFS through Hadoop's {@link FileSystem}, whose rename is one atomic NameNode operation.
 * <p>
 * A table is replaced by two renames (the old folder aside, the staged one in), so readers see the old table or the
 * new one, never a half-written one, and every step can be repeated: a publish killed half-way completes when it runs
 * again. Object stores ({@code s3a://}, {@code gs://}, {@code abfs://}, …) are refused, because there a folder rename
 * is a copy of every file followed by deletes, which a reader can watch half done.
 */
public final class LakeStorage {

    /** Hadoop file systems whose folder rename is atomic (the local one is handled apart). */
    private static final Set<String> ATOMIC_RENAME = Set.of("hdfs", "viewfs", "webhdfs", "swebhdfs");
    private static final LakeStorage LOCAL = new LakeStorage(null);
    /** Indented; the stream is closed by {@link #write}, not by Jackson. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Null for the local file system. */
    private final FileSystem fs;

    private LakeStorage(FileSystem fs) {
        this.fs = fs;
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
     * @throws IllegalArgumentException for a file system without atomic folder renames
     */
    public static LakeStorage of(Path location, Configuration conf) throws IOException {
        return LakePaths.isLocal(requirePublishable(location)) ? LOCAL : new LakeStorage(location.getFileSystem(conf));
    }

    /**
     * Checks, before any work, that iago can publish at a location.
     *
     * @return the location
     * @throws IllegalArgumentException for a file system without atomic folder renames
     */
    public static Path requirePublishable(Path location) {
        String scheme = location.toUri().getScheme();
        if (!LakePaths.isLocal(location) && !ATOMIC_RENAME.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("'" + location + "': iago publishes every table by renaming a folder, "
                    + "which is atomic on a local or shared POSIX file system and on HDFS (hdfs://, viewfs://, "
                    + "webhdfs://), but on " + scheme + ":// is a copy that readers can see half done; keep the lake "
                    + "and outputs on HDFS or a shared mount (see docs/cluster.md)");
        }
        return location;
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

    /** Replaces {@code target} with {@code staged}; does nothing when {@code staged} is gone (already published). */
    public void replace(Path staged, Path target) throws IOException {
        if (!exists(staged)) {
            return;
        }
        Path replaced = new Path(target.getParent(), "." + target.getName() + ".replaced");
        createDirectories(target.getParent());
        deleteRecursively(replaced);
        if (exists(target)) {
            move(target, replaced, false);
        }
        move(staged, target, false);
        deleteRecursively(replaced);
    }

    /** Writes a small file aside ({@code .<name>.tmp}), then renames it over {@code target}. */
    public void write(Path target, Content content) throws IOException {
        createDirectories(target.getParent());
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = fs == null ? Files.newOutputStream(local(tmp)) : fs.create(tmp, true)) {
            content.writeTo(out);
        }
        move(tmp, target, true);
    }

    /** Writes {@code value} as indented JSON, aside and then renamed over {@code target}. */
    public void writeJson(Path target, Object value) throws IOException {
        write(target, out -> JSON.writeValue(out, value));
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

    private static java.nio.file.Path local(Path path) {
        return java.nio.file.Path.of(path.toUri().getPath());
    }
}
