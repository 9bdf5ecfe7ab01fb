package org.iago.cli;

import picocli.CommandLine.Option;

/**
 * The JobRepository's database when it is not the embedded H2 file: shared by {@link StateOptions} and the review
 * commands, whose {@code --state} names a review state rather than the state folder.
 */
public final class JdbcOptions {

    @Option(names = "--jdbc-url", paramLabel = "<url>",
            description = "JobRepository database instead of the embedded H2 file, e.g. "
                    + "jdbc:postgresql://host:5432/iago.")
    String url;

    @Option(names = "--jdbc-user", paramLabel = "<user>", description = "User of --jdbc-url.")
    String user = "";

    @Option(names = "--jdbc-password-env", paramLabel = "<variable>", defaultValue = "IAGO_JDBC_PASSWORD",
            description = "Environment variable holding the password of --jdbc-url (default: ${DEFAULT-VALUE}).")
    String passwordVariable;
}
