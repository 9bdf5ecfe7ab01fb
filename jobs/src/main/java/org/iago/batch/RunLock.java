package org.iago.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a state folder, held for the life of one iago process. The operating system releases it when
 * the process dies, however it dies, so holding it also proves that any run the JobRepository still shows as running
 * is dead and can be restarted.
 * <p>
 * The lock is on {@code iago.lock}; what its holder is doing is in {@code iago.lock.holder}, which the holder replaces
 * whole by an atomic rename, so a refused process reads the old description or the new one, never a half-written or
 * empty one.
 */
public final class RunLock implements AutoCloseable {

    /**
     * Locks this process holds, by lock file: asking the operating system again from the same process would throw,
     * and opening and closing the file again would release the lock on some systems.
     */
    private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();

    private static final String LOCK_FILE = "iago.lock";
    private static final String HOLDER_FILE = "iago.lock.holder";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile String holder;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param holder what this process is doing, shown to anyone refused the lock
     * @throws LockHeldException when another process holds it
     */
    public static RunLock acquire(Path stateFolder, String holder) throws IOException {
        Files.createDirectories(stateFolder);
        Path file = stateFolder.toAbsolutePath().normalize().resolve(LOCK_FILE);
        RunLock mine = HELD.get(file);
        if (mine != null) {
            throw refusal(stateFolder, mine.holder);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw refusal(stateFolder, holder(stateFolder));
        }
        RunLock held = new RunLock(file, channel, lock);
        try {
            held.describe(holder);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        HELD.put(file, held);
        return held;
    }

    /** What the holder of a state folder's lock said it is doing, as a process refused the lock reads it. */
    static String holder(Path stateFolder) throws IOException {
        try {
            return Files.readString(stateFolder.toAbsolutePath().normalize().resolve(HOLDER_FILE),
                    StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            // only between the holder's lock and its first description
            return "an iago run that is starting";
        }
    }

    private static LockHeldException refusal(Path stateFolder, String holder) {
        return new LockHeldException("lock on " + stateFolder + " held by " + holder + ": another iago run is using"
                + " this lake; wait for it to end, or stop it and run the same command again to resume");
    }

    /** Replaces what the lock says about its holder, e.g. once a run knows its run id. */
    public void describe(String holder) throws IOException {
        this.holder = holder + " (pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + ")";
        Path folder = file.getParent();
        Path next = Files.createTempFile(folder, HOLDER_FILE, ".tmp");
        try {
            try (FileChannel out = FileChannel.open(next, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap((this.holder + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            Files.move(next, folder.resolve(HOLDER_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    @Override
    public void close() throws IOException {
        HELD.remove(file, this);
        // before the release: the next holder must not be described by this one until it describes itself
        Files.deleteIfExists(file.resolveSibling(HOLDER_FILE));
        lock.release();
        channel.close();
    }

    /** Another process is running on the same state folder. */
    public static final class LockHeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LockHeldException(String message) {
            super(message);
        }
    }
}
