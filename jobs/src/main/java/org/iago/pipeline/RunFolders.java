package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The output folder of the nightly pipeline: {@code runs/<run-id>/} per run, and {@code latest}, a symbolic link to
 * the last run that succeeded, switched atomically (a new link renamed over the old one), so a reader following it
 * never sees a half-written run.
 */
public final class RunFolders {

    static final String LATEST = "latest";

    private RunFolders() {
    }

    public static Path run(Path out, long runId) {
        return out.resolve("runs").resolve(Long.toString(runId));
    }

    /** The run folder {@code latest} points to, if any. */
    public static Optional<Path> latest(Path out) throws IOException {
        Path link = out.resolve(LATEST);
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        Path target = out.resolve(Files.readSymbolicLink(link)).normalize();
        return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
    }

    public static void switchLatest(Path out, long runId) throws IOException {
        Path link = out.resolve(LATEST);
        Path next = out.resolve("." + LATEST + ".next");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, out.relativize(run(out, runId)));
        Files.move(next, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
