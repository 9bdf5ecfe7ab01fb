package org.iago.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path state;

    /** A refused process reads the holder while the holder rewrites it: it sees the old or the new one, never none. */
    @Test
    void aReaderNeverSeesTheHolderDescriptionEmpty() throws Exception {
        try (RunLock lock = RunLock.acquire(state, "nightly --config a.yaml")) {
            AtomicBoolean reading = new AtomicBoolean(true);
            List<Exception> failures = new ArrayList<>();
            Thread writer = new Thread(() -> {
                for (long run = 1; reading.get(); run++) {
                    try {
                        lock.describe("nightly run " + run);
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            writer.start();
            List<String> seen = new ArrayList<>();
            try {
                for (int i = 0; i < 20_000; i++) {
                    seen.add(RunLock.holder(state));
                }
            } finally {
                reading.set(false);
                writer.join();
            }
            assertEquals(List.of(), failures);
            List<String> bad = seen.stream().filter(h -> !h.matches("nightly (--config a\\.yaml|run \\d+) \\(pid \\d+,"
                    + " since \\S+\\)")).map(h -> "'" + h + "'").distinct().limit(5).toList();
            assertEquals(List.of(), bad, "every read names a holder");
        }
    }

    @Test
    void aSecondAcquireIsRefusedWithTheHolder() throws Exception {
        try (RunLock lock = RunLock.acquire(state, "ingest faers")) {
            lock.describe("nightly run 7 (job execution 9)");
            RunLock.LockHeldException refused = assertThrows(RunLock.LockHeldException.class,
                    () -> RunLock.acquire(state, "runs"));
            assertTrue(refused.getMessage().contains("held by nightly run 7 (job execution 9) (pid "),
                    refused::getMessage);
            assertTrue(RunLock.holder(state).startsWith("nightly run 7 (job execution 9) (pid "));
        }
    }
}
