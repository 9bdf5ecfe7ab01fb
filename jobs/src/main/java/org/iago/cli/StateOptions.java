package org.iago.cli;

import java.nio.file.Path;

import org.iago.batch.JobRepositoryDatabase;
import org.iago.lake.Lake;
import picocli.CommandLine.Option;

/** Where a command keeps its run state: the JobRepository database and the run lock. */
public final class StateOptions {

    @Option(names = "--state", paramLabel = "<dir>",
            description = "Folder for the run lock and the embedded H2 JobRepository (default: <lake>/_state).")
    Path state;

    @Option(names = "--jdbc-url", paramLabel = "<url>",
            description = "JobRepository database instead of the embedded H2 file, e.g. "
                    + "jdbc:postgresql://host:5432/iago.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "<user>", description = "User of --jdbc-url.")
    String jdbcUser = "";

    @Option(names = "--jdbc-password-env", paramLabel = "<variable>", defaultValue = "IAGO_JDBC_PASSWORD",
            description = "Environment variable holding the password of --jdbc-url (default: ${DEFAULT-VALUE}).")
    String jdbcPasswordVariable;

    Path stateFolder(Lake lake) {
        return state != null ? state.toAbsolutePath().normalize() : lake.defaultState();
    }

    JobRepositoryDatabase database(Lake lake) {
        if (jdbcUrl == null) {
            return JobRepositoryDatabase.embedded(stateFolder(lake));
        }
        String password = System.getenv(jdbcPasswordVariable);
        return new JobRepositoryDatabase(jdbcUrl, jdbcUser, password == null ? "" : password);
    }
}
