package org.iago.lake;

import java.io.IOException;

import org.apache.hadoop.fs.Path;

/** What both publishers do alike: plain folder work through the {@link Folders} of their file system. */
abstract sealed class FolderPublisher implements Publisher permits RenamePublisher, PointerPublisher {

    final Folders folders;

    FolderPublisher(Folders folders) {
        this.folders = folders;
    }

    @Override
    public void createDirectories(Path path) throws IOException {
        folders.createDirectories(path);
    }

    @Override
    public void deleteRecursively(Path path) throws IOException {
        folders.deleteRecursively(path);
    }
}
