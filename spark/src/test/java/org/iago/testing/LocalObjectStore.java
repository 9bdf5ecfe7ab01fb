package org.iago.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Abortable;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * An object store for tests, with S3's semantics where iago's publishing depends on them:
 * {@code s3a://iago-test/<path>} is the local {@code /<path>}, a file appears only when its upload is closed (an
 * aborted upload leaves nothing), and a rename, which on S3 copies every object, fails, except the moves of Spark's own
 * output committer from its {@code _temporary} folders into a version folder that no reader sees yet.
 * {@link #register} puts it in place of S3A.
 */
public final class LocalObjectStore extends RawLocalFileSystem {

    public static final String ROOT = "s3a://iago-test";
    private static final URI BUCKET = URI.create(ROOT + "/");

    /** Serves {@code s3a://} URIs from this class in every file system taken from {@code conf}. */
    public static void register(Configuration conf) {
        conf.set("fs.s3a.impl", LocalObjectStore.class.getName());
    }

    /** The object-store location of a local path. */
    public static Path location(java.nio.file.Path local) {
        return new Path(ROOT + local.toAbsolutePath().normalize());
    }

    @Override
    public URI getUri() {
        return BUCKET;
    }

    @Override
    public String getScheme() {
        return "s3a";
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (!insideCommitter(src) || !insideCommitter(dst) && !dst.toUri().getPath().contains("/_versions/")) {
            throw new UnsupportedOperationException("renamed " + src + " to " + dst + " on an object store, where a "
                    + "rename is a copy that readers can watch half done");
        }
        return super.rename(src, dst);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        return insideCommitter(f) ? super.create(f, overwrite, bufferSize, replication, blockSize, progress)
                : upload(f, overwrite);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        return insideCommitter(f) ? super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress)
                : upload(f, overwrite);
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        return Stream.of(super.listStatus(f)).map(LocalObjectStore::plain).toArray(FileStatus[]::new);
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, EnumSet<CreateFlag> flags,
            int bufferSize, short replication, long blockSize, Progressable progress) throws IOException {
        return insideCommitter(f) ? super.createNonRecursive(f, permission, flags, bufferSize, replication, blockSize,
                progress) : upload(f, flags.contains(CreateFlag.OVERWRITE));
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        return insideCommitter(f) ? super.createNonRecursive(f, permission, overwrite, bufferSize, replication,
                blockSize, progress) : upload(f, overwrite);
    }

    @Override
    public boolean hasPathCapability(Path path, String capability) throws IOException {
        return CommonPathCapabilities.ABORTABLE_STREAM.equals(capability) || super.hasPathCapability(path, capability);
    }

    /** The local file system reads a file's permissions through a {@code file:} URI, which these paths are not. */
    private static FileStatus plain(FileStatus status) {
        return new FileStatus(status.getLen(), status.isDirectory(), 1, status.getBlockSize(),
                status.getModificationTime(), status.getPath());
    }

    private static boolean insideCommitter(Path path) {
        return path.toUri().getPath().contains("/_temporary/");
    }

    private FSDataOutputStream upload(Path f, boolean overwrite) throws IOException {
        java.nio.file.Path target = pathToFile(f).toPath();
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(f.toString());
        }
        Files.createDirectories(target.getParent());
        return new FSDataOutputStream(new Upload(target), statistics);
    }

    /** Bytes held in a hidden part file, moved in on close and deleted on abort. */
    private static final class Upload extends OutputStream implements Abortable, StreamCapabilities {

        private final java.nio.file.Path target;
        private final java.nio.file.Path part;
        private final OutputStream out;
        private boolean done;

        Upload(java.nio.file.Path target) throws IOException {
            this.target = target;
            this.part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".upload");
            this.out = Files.newOutputStream(part);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                out.close();
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public AbortableResult abort() {
            boolean alreadyClosed = done;
            IOException cleanup = null;
            if (!done) {
                done = true;
                try {
                    out.close();
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    cleanup = e;
                }
            }
            IOException failure = cleanup;
            return new AbortableResult() {
                @Override
                public boolean alreadyClosed() {
                    return alreadyClosed;
                }

                @Override
                public IOException anyCleanupException() {
                    return failure;
                }
            };
        }

        @Override
        public boolean hasCapability(String capability) {
            return StreamCapabilities.ABORTABLE_STREAM.equals(capability);
        }
    }
}
