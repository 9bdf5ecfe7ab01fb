package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish killed at any point completes when run again, and never leaves a mixed partition. */
class RenamePublisherTest {

    @TempDir
    Path dir;

    @Test
    void replacesAnExistingPartition() throws Exception {
        Path target = write(dir.resolve("t/quarter=2024Q1"), "old");
        Path staged = write(dir.resolve("s/demo"), "new");
        Publisher.local().replace(LakePaths.location(staged), LakePaths.location(target));
        assertEquals("new", Files.readString(target.resolve("part")));
        assertFalse(Files.exists(staged));
        assertFalse(Files.exists(dir.resolve("t/.quarter=2024Q1.replaced")));
    }

    @Test
    void completesAfterAKillBetweenTheTwoRenames() throws Exception {
        write(dir.resolve("t/.quarter=2024Q1.replaced"), "old");
        Path staged = write(dir.resolve("s/demo"), "new");
        Path target = dir.resolve("t/quarter=2024Q1");
        Publisher.local().replace(LakePaths.location(staged), LakePaths.location(target));
        assertEquals("new", Files.readString(target.resolve("part")));
        assertFalse(Files.exists(dir.resolve("t/.quarter=2024Q1.replaced")));
    }

    @Test
    void isANoOpOnceDone() throws Exception {
        Path target = write(dir.resolve("t/quarter=2024Q1"), "new");
        Publisher.local().replace(LakePaths.location(dir.resolve("s/demo")), LakePaths.location(target));
        assertEquals("new", Files.readString(target.resolve("part")));
    }

    private static Path write(Path folder, String content) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("part"), content);
        return folder;
    }
}
