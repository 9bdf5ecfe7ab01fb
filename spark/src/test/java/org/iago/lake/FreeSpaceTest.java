package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk is reported as such, with the folder, and as the root cause a one-line report shows. */
class FreeSpaceTest {

    @TempDir
    Path dir;

    @Test
    void refusesWhenLessThanTheWorkAndTheMarginIsFree() {
        DiskFullException full = assertThrows(DiskFullException.class,
                () -> FreeSpace.require(dir.resolve("lake/not-yet"), Long.MAX_VALUE / 2, "ingesting x"));
        assertTrue(full.getMessage().startsWith("disk full: " + dir.resolve("lake/not-yet") + " has "),
                full::getMessage);
        assertTrue(full.getMessage().contains("ingesting x needs"), full::getMessage);
        assertEquals(null, full.getCause());
    }

    @Test
    void acceptsWhenThereIsRoom() throws IOException {
        FreeSpace.require(dir, 0, "ingesting x");
    }

    @Test
    void namesThePathOfAWriteThatRanOutOfSpace() {
        IOException io = new IOException("No space left on device");
        IOException explained = FreeSpace.explain(new IOException("write failed", io), dir.resolve("part-1.parquet"));
        assertTrue(explained instanceof DiskFullException);
        assertEquals("disk full: no space left on the device of " + dir.resolve("part-1.parquet")
                + " while writing it; free space there and run the same command again", explained.getMessage());
        IOException other = new IOException("Permission denied");
        assertSame(other, FreeSpace.explain(other, dir));
    }
}
