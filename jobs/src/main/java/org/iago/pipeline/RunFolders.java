package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output folder of the nightly pipeline: {@code runs/<run-id>/} per run, and {@code latest}, a symbolic link to
 * the last run that succeeded, switched atomically (a new link renamed over the old one), so a reader following it
 * never sees a half-written run. A run may take results of an earlier run whose inputs did not change ({@link #takeOver}).
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

    /**
     * Gives {@code target} the files of an earlier run's {@code results} folder: hard links (results are written aside
     * and renamed in, never rewritten in place, and a link outlives the earlier run's folder being deleted), or copies
     * with their modification times where the file system has no links. Built aside ({@code .<name>.taken}) and
     * renamed in, replacing what {@code target} held; hidden files are left out.
     */
    static void takeOver(Path results, Path target) throws IOException {
        Path aside = target.resolveSibling("." + target.getFileName() + ".taken");
        deleteRecursively(aside);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(results)) {
            files = walk.filter(p -> !p.equals(results) && !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
        Files.createDirectories(aside);
        for (Path f : files) {
            Path to = aside.resolve(results.relativize(f).toString());
            if (!Files.exists(to.getParent())) {
                continue;   // inside a hidden folder, left out
            }
            if (Files.isDirectory(f)) {
                Files.createDirectory(to);
                continue;
            }
            try {
                Files.createLink(to, f);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        deleteRecursively(target);
        Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a folder of this run and everything in it; nothing when it is not there. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
