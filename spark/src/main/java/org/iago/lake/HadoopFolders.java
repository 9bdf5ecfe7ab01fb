package org.iago.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * {@link Folders} on a Hadoop file system: HDFS and the others with atomic folder renames for {@link RenamePublisher},
 * S3 for the folders of {@link PointerPublisher}.
 */
final class HadoopFolders implements Folders {

    private final FileSystem fs;

    HadoopFolders(FileSystem fs) {
        this.fs = fs;
    }

    @Override
    public boolean exists(Path path) throws IOException {
        return fs.exists(path);
    }

    @Override
    public void move(Path from, Path to, boolean overwrite) throws IOException {
        FileUtil.rename(fs, from, to, overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE);
    }

    @Override
    public void createDirectories(Path path) throws IOException {
        if (!fs.mkdirs(path)) {
            throw new IOException("could not create " + path);
        }
    }

    @Override
    public void deleteRecursively(Path path) throws IOException {
        fs.delete(path, true);
    }

    @Override
    public void deleteIfEmpty(Path folder) throws IOException {
        try {
            if (fs.listStatus(folder).length == 0) {
                fs.delete(folder, false);
            }
        } catch (FileNotFoundException e) {
            // not there: nothing to delete
        }
    }

    @Override
    public OutputStream create(Path file) throws IOException {
        return fs.create(file, true);
    }
}
