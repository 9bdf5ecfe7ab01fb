package org.iago.batch;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the Spring Batch JobRepository lives: an embedded H2 file database under the state folder by default, or any
 * JDBC URL (PostgreSQL) given on the command line.
 */
public record JobRepositoryDatabase(String url, String user, String password) {

    /**
     * The embedded default: {@code <state>/jobrepository.mv.db}. {@code WRITE_DELAY=0} makes every commit durable at
     * once; with H2's default delay a killed process loses its last second of step commits.
     */
    public static JobRepositoryDatabase embedded(Path stateFolder) {
        return new JobRepositoryDatabase("jdbc:h2:file:" + stateFolder.toAbsolutePath().resolve("jobrepository")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
    }

    /** The Spring Batch schema script for this database, e.g. {@code schema-h2.sql}. */
    public String schemaScript() {
        return "org/springframework/batch/core/schema-" + platform() + ".sql";
    }

    public String platform() {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("unsupported JobRepository database " + url
                + ": use an H2 or PostgreSQL JDBC URL");
    }
}
