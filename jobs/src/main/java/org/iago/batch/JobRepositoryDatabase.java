package org.iago.batch;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the Spring Batch JobRepository lives: an embedded H2 file database under the state folder by default, or any
 * JDBC URL (PostgreSQL) given on the command line. The user and password always go to the driver as connection
 * properties, never into the URL.
 */
public record JobRepositoryDatabase(String url, String user, String password) {

    /** The embedded database's file in its folder, without H2's {@code .mv.db} suffix. */
    static final String EMBEDDED_NAME = "jobrepository";

    /**
     * The embedded default: {@code <state>/jobrepository.mv.db}. {@code WRITE_DELAY=0} writes every commit at once;
     * with H2's default delay a killed process loses its last second of step commits. {@code RETENTION_TIME} of a day:
     * with H2's 45 s, once the file is older than that H2 writes commits into the space of chunks it no longer needs,
     * and after a kill it opened the file at an earlier commit, losing the last ones (H2 2.5.252: the last commit lost
     * in 5 of 5 kills after 55-70 s of commits, in 0 of 5 with a day; {@code H2KillProbe}). A run's chunks are kept for
     * a day instead; H2 reclaims their space when it closes the file.
     *
     * @throws IllegalArgumentException when the folder's path holds a character H2's URL syntax reserves
     */
    public static JobRepositoryDatabase embedded(Path stateFolder) {
        Path folder = stateFolder.toAbsolutePath().normalize();
        checkEmbeddable(folder);
        return new JobRepositoryDatabase("jdbc:h2:file:" + folder.resolve(EMBEDDED_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=86400000", "sa", "");
    }

    /**
     * H2 reads the path after {@code jdbc:h2:file:} up to the first {@code ;} as the file name and everything after as
     * settings, which would run SQL ({@code INIT=...}) from a folder's name; it turns {@code \} into a folder separator.
     * Anything else in an absolute path (a {@code :}, a {@code ~} not at the start, spaces, quotes) names the file as
     * written (org.h2.engine.ConnectionInfo and org.h2.store.fs.FilePath of H2 2.5).
     */
    private static void checkEmbeddable(Path folder) {
        String path = folder.toString();
        for (char reserved : new char[] {';', '\\'}) {
            if (path.indexOf(reserved) >= 0) {
                throw new IllegalArgumentException("the state folder " + folder + " cannot hold the embedded H2"
                        + " JobRepository: H2 reads '" + reserved + "' in a database path as "
                        + (reserved == ';' ? "the start of its settings" : "a folder separator") + "; choose a state"
                        + " folder without it with --state <dir>, or keep the run history in PostgreSQL with"
                        + " --jdbc-url");
            }
        }
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

    /** Without the password, which must not reach a log. */
    @Override
    public String toString() {
        return "JobRepositoryDatabase[" + url + ", user " + user + "]";
    }
}
