package org.iago.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a state folder, held for the life of one iago process. The operating system releases it when
 * the process dies, however it dies, so holding it also proves that any run the JobRepository still shows as running
 * is dead and can be restarted.
 */
public final class RunLock implements AutoCloseable {

    /**
     * Locks this process holds, by lock file: asking the operating system again from the same process would throw,
     * and opening and closing the file again would release the lock on some systems.
     */
    private static final Map<Path, RunLock> HELD = new ConcurrentHashMap<>();

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
        Path file = stateFolder.toAbsolutePath().normalize().resolve("iago.lock");
        RunLock mine = HELD.get(file);
        if (mine != null) {
            throw refusal(stateFolder, mine.holder);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(buffer, 0);
            channel.close();
            String current = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            throw refusal(stateFolder, current);
        }
        RunLock held = new RunLock(file, channel, lock);
        held.describe(holder);
        HELD.put(file, held);
        return held;
    }

    private static LockHeldException refusal(Path stateFolder, String holder) {
        return new LockHeldException("lock on " + stateFolder + " held by " + holder + ": another iago run is using"
                + " this lake; wait for it to end, or stop it and run the same command again to resume");
    }

    /** Replaces what the lock file says about its holder, e.g. once a run knows its run id. */
    public void describe(String holder) throws IOException {
        this.holder = holder + " (pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + ")";
        byte[] text = (this.holder + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        HELD.remove(file, this);
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
