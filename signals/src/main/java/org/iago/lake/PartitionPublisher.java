package org.iago.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Swaps a fully written staging folder into place as a lake partition.
 * <p>
 * Each swap is two atomic renames on one file system: the old partition to a hidden {@code .<name>.replaced} sibling,
 * then the staging folder to the partition's name; the old copy is deleted last. Readers see the old partition or the
 * new one, never a half-written one. Every step of it can be repeated, so a publish killed half-way completes when it
 * runs again.
 */
public final class PartitionPublisher {

    private PartitionPublisher() {
    }

    /** Replaces {@code target} with {@code staged}; does nothing when {@code staged} is gone (already published). */
    public static void replace(Path staged, Path target) throws IOException {
        if (!Files.exists(staged)) {
            return;
        }
        Path replaced = target.resolveSibling("." + target.getFileName() + ".replaced");
        Files.createDirectories(target.getParent());
        deleteRecursively(replaced);
        if (Files.exists(target)) {
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(replaced);
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
