package org.iago.lake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishing by atomic renames: the local disk ({@code java.nio} with {@code ATOMIC_MOVE}) and HDFS (one NameNode
 * operation). A table is staged in the hidden folder beside it, {@code .staging/<name>}, and replaced by two renames,
 * the old folder aside ({@code .<name>.replaced}) and the staged one in; a small file is written aside
 * ({@code .<name>.tmp}) and renamed over the old one.
 */
final class RenamePublisher extends FolderPublisher {

    static final RenamePublisher LOCAL = new RenamePublisher(new LocalDisk());
    /** Beside a table: the hidden folder its staged rows are written to. */
    private static final String STAGING = ".staging";

    private RenamePublisher(Folders folders) {
        super(folders);
    }

    /** On a Hadoop file system whose folder rename is atomic (HDFS). */
    static RenamePublisher on(FileSystem fs) {
        return new RenamePublisher(new HadoopFolders(fs));
    }

    /**
     * {@code .staging/<name>} beside the target, emptied of what a failed run left. The staged folder's own name is not
     * hidden, so Spark reads it without warning that it ignores hidden paths. A target that a killed publish left set
     * aside ({@code .<name>.replaced}) is first put back.
     */
    @Override
    public Path staging(Path target) throws IOException {
        if (!folders.exists(target) && folders.exists(replaced(target))) {
            folders.move(replaced(target), target, false);
        }
        Path staged = staged(target);
        folders.deleteRecursively(staged);
        return staged;
    }

    @Override
    public void remove(Path target) throws IOException {
        folders.deleteRecursively(target);
        folders.deleteRecursively(staged(target));
        folders.deleteRecursively(replaced(target));
        folders.deleteIfEmpty(staged(target).getParent());
    }

    @Override
    public void replaceAll(Map<Path, Path> stagedByTarget) throws IOException {
        for (Map.Entry<Path, Path> table : stagedByTarget.entrySet()) {
            swap(table.getValue(), table.getKey());
        }
        for (Path target : stagedByTarget.keySet()) {
            folders.deleteRecursively(replaced(target));
            folders.deleteIfEmpty(staged(target).getParent());
        }
    }

    /** Aside ({@code .<name>.tmp}) and renamed over {@code target}. */
    @Override
    public void write(Path target, Content content) throws IOException {
        folders.createDirectories(target.getParent());
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        try (OutputStream out = folders.create(tmp)) {
            content.writeTo(out);
        }
        folders.move(tmp, target, true);
    }

    /** The old table set aside, the staged one in; nothing when {@code staged} is gone (swapped in already). */
    private void swap(Path staged, Path target) throws IOException {
        if (!folders.exists(staged)) {
            return;
        }
        folders.createDirectories(target.getParent());
        folders.deleteRecursively(replaced(target));
        if (folders.exists(target)) {
            folders.move(target, replaced(target), false);
        }
        folders.move(staged, target, false);
    }

    private static Path staged(Path target) {
        return new Path(new Path(target.getParent(), STAGING), target.getName());
    }

    private static Path replaced(Path target) {
        return new Path(target.getParent(), "." + target.getName() + ".replaced");
    }

    /** The local disk through {@code java.nio}, whose {@code ATOMIC_MOVE} Hadoop's local file system does not offer. */
    private static final class LocalDisk implements Folders {

        @Override
        public boolean exists(Path path) {
            return Files.exists(local(path));
        }

        @Override
        public void move(Path from, Path to, boolean overwrite) throws IOException {
            if (overwrite) {
                Files.move(local(from), local(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(local(from), local(to), StandardCopyOption.ATOMIC_MOVE);
            }
        }

        @Override
        public void createDirectories(Path path) throws IOException {
            Files.createDirectories(local(path));
        }

        @Override
        public void deleteRecursively(Path path) throws IOException {
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

        @Override
        public void deleteIfEmpty(Path folder) throws IOException {
            try {
                Files.deleteIfExists(local(folder));
            } catch (DirectoryNotEmptyException e) {
                // not empty: nothing to delete
            }
        }

        @Override
        public OutputStream create(Path file) throws IOException {
            return Files.newOutputStream(local(file));
        }

        private static java.nio.file.Path local(Path path) {
            return java.nio.file.Path.of(path.toUri().getPath());
        }
    }
}
