package org.iago.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.iago.batch.JobRepositoryDatabase;

/**
 * Probe, not a test (it takes a minute): does the embedded JobRepository keep its last commit when the process is
 * killed? {@code write} opens {@link JobRepositoryDatabase#embedded} (or the same URL without the settings after
 * {@code ;WRITE_DELAY=0} when {@code h2default} is given), updates rows every 100 ms for {@code millis} (as steps commit
 * during a nightly run), inserts one row, commits and halts the JVM at once (as {@code kill -9}); {@code read} counts
 * that row. With H2 2.5.252's default retention of 45 s, a store older than that lost the last commit in 5 of 5
 * runs (55-70 s of updates), NightlyKillRestartTest's killed signals step with it; with a retention of a day, 0 of 5.
 * <p>
 * Usage: {@code H2KillProbe write|read <state dir> [millis] [h2default]}; run write, then read, in new JVMs.
 */
public final class H2KillProbe {

    private H2KillProbe() {
    }

    public static void main(String[] args) throws Exception {
        JobRepositoryDatabase db = JobRepositoryDatabase.embedded(Path.of(args[1]));
        String url = args.length > 3 && args[3].equals("h2default")
                ? db.url().substring(0, db.url().indexOf(";WRITE_DELAY=0") + ";WRITE_DELAY=0".length()) : db.url();
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             Statement s = c.createStatement()) {
            if (args[0].equals("write")) {
                s.execute("CREATE TABLE steps(id INT PRIMARY KEY, status VARCHAR(4000))");
                s.execute("CREATE TABLE last(id INT PRIMARY KEY)");
                for (int k = 0; k < 200; k++) {
                    s.execute("INSERT INTO steps VALUES(" + k + ", 'STARTED')");
                }
                long end = System.currentTimeMillis() + Long.parseLong(args[2]);
                for (int i = 0; System.currentTimeMillis() < end; i++) {
                    s.execute("UPDATE steps SET status = '" + "C".repeat(i % 500) + "' WHERE id = " + i % 200);
                    Thread.sleep(100);
                }
                s.execute("INSERT INTO last VALUES(1)");
                Runtime.getRuntime().halt(9);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM last")) {
                rs.next();
                System.out.println("last commit " + (rs.getInt(1) == 1 ? "kept" : "lost"));
            }
        }
    }
}
