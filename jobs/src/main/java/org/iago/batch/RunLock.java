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

/**
 * An exclusive lock on a state folder, held for the life of one iago process. The operating system releases it when
 * the process dies, however it dies, so holding it also proves that any run the JobRepository still shows as running
 * is dead and can be restarted.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param holder what this process is doing, shown to anyone refused the lock
     * @throws LockHeldException when another process holds it
     */
    public static RunLock acquire(Path stateFolder, String holder) throws IOException {
        Files.createDirectories(stateFolder);
        Path file = stateFolder.resolve("iago.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(buffer, 0);
            channel.close();
            String current = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            throw new LockHeldException("another iago run holds the lock on " + stateFolder + ": " + current);
        }
        String text = holder + " (pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + ")\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
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
