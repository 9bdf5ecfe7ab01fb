package org.iago.lake;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.hadoop.fs.Path;

/** The folder operations a {@link Publisher} needs from a file system: the local disk or a Hadoop file system. */
interface Folders {
    boolean exists(Path path) throws IOException;

    /** An atomic rename; {@code overwrite} replaces a file at {@code to}. */
    void move(Path from, Path to, boolean overwrite) throws IOException;

    void createDirectories(Path path) throws IOException;

    void deleteRecursively(Path path) throws IOException;

    /** Deletes a folder if it is there and empty: other tables may still be staged in it, to be published next. */
    void deleteIfEmpty(Path folder) throws IOException;

    OutputStream create(Path file) throws IOException;
}
