package org.iago.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private copy of the embedded H2 JobRepository, to read the run history while a run holds the database open: H2
 * lets one process open the file, and refuses any other with "The file is locked". H2's MVStore appends each commit to
 * the file as a chunk and, opening a file, starts from its last complete chunk, so a copy taken while a run commits
 * opens at one of the run's commits ({@code JobRepositorySnapshotTest} checks this against a writer committing job
 * executions). Reading a copy never locks the run's own file, so a run starting meanwhile is not refused either.
 */
public final class JobRepositorySnapshot implements AutoCloseable {

    private static final String FILE = JobRepositoryDatabase.EMBEDDED_NAME + ".mv.db";
    private static final int COPY_ATTEMPTS = 5;

    private final Path folder;

    private JobRepositorySnapshot(Path folder) {
        this.folder = folder;
    }

    /**
     * Copies the embedded JobRepository of a state folder into a new temporary folder.
     *
     * @return empty when the state folder holds no JobRepository yet
     */
    public static Optional<JobRepositorySnapshot> take(Path stateFolder) throws IOException {
        Path file = stateFolder.toAbsolutePath().normalize().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JobRepositorySnapshot snapshot = new JobRepositorySnapshot(Files.createTempDirectory("iago-history-"));
        try {
            copyWhileStill(file, snapshot.folder.resolve(FILE));
        } catch (NoSuchFileException e) {
            snapshot.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            snapshot.close();
            throw e;
        }
        return Optional.of(snapshot);
    }

    /**
     * Copies again, a few times, while the file changed during the copy: H2 rewrites parts of the file when it closes
     * or reuses free space, and a copy taken meanwhile may not open. A file that keeps changing (a run committing
     * all the time) is copied as it is: H2 opens it at an earlier complete commit.
     */
    private static void copyWhileStill(Path file, Path copy) throws IOException {
        for (int attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            if (modified.equals(Files.getLastModifiedTime(file)) && size == Files.size(file)) {
                return;
            }
        }
    }

    /** The copy, as a database of its own. */
    public JobRepositoryDatabase database() {
        return JobRepositoryDatabase.embedded(folder);
    }

    /** Deletes the copy, and what H2 wrote beside it. */
    @Override
    public void close() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }
}
