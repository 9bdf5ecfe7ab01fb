package org.iago.lake;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Free space on the file system of a local lake, checked before an ingest job writes and before it publishes, so that
 * a full disk stops it at once with a clear message rather than half way through, inside the embedded JobRepository
 * (H2), whose file grew to about 1 MB while the 1,165 lines of the FAERS sample quarter were ingested, before it was
 * compacted on close.
 */
public final class FreeSpace {

    /**
     * Bytes kept free beyond what a job is about to write, for the JobRepository and the small files (rejects,
     * manifest, publish record): 64 MiB, or the system property {@value #MARGIN_PROPERTY} (bytes).
     */
    public static final long DEFAULT_MARGIN = 64L << 20;
    public static final String MARGIN_PROPERTY = "iago.freeSpaceMargin";

    private static final String NO_SPACE = "No space left on device";

    private FreeSpace() {
    }

    /** The margin in force: {@link #DEFAULT_MARGIN} unless the system property sets another. */
    public static long margin() {
        return Long.getLong(MARGIN_PROPERTY, DEFAULT_MARGIN);
    }

    /**
     * @param folder a folder of the lake (or one to be created: its nearest existing parent is measured)
     * @param bytes  what the job is about to write there, beyond the {@link #margin}
     * @param what   what the space is for, e.g. "ingesting 2024Q4"
     * @throws DiskFullException when less than {@code bytes} plus the margin is free
     */
    public static void require(Path folder, long bytes, String what) throws IOException {
        Path existing = folder.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        FileStore store = Files.getFileStore(existing);
        long free = store.getUsableSpace();
        long needed = bytes + margin();
        if (free < needed) {
            throw new DiskFullException(String.format(Locale.ROOT, "disk full: %s has %s free on %s, and %s needs %s"
                    + " (%s to write and a margin of %s); free space there and run the same command again", folder,
                    size(free), store, what, size(needed), size(bytes), size(margin())));
        }
    }

    /**
     * {@code e} as a {@link DiskFullException} naming {@code path} when the file system said "No space left on
     * device", else {@code e} itself.
     */
    public static IOException explain(IOException e, Path path) {
        if (e instanceof DiskFullException || !mentionsNoSpace(e)) {
            return e;
        }
        DiskFullException full = new DiskFullException("disk full: no space left on the device of " + path
                + " while writing it; free space there and run the same command again");
        full.addSuppressed(e);
        return full;
    }

    private static boolean mentionsNoSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }

    private static String size(long bytes) {
        return bytes < 1 << 20 ? String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }
}
