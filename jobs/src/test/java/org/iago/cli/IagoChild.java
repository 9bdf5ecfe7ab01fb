package org.iago.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.iago.lake.Lake;

/** For kill tests: the iago command line in a child JVM, and what the H2 JobRepository of a lake recorded. */
final class IagoChild {

    private IagoChild() {
    }

    /** Starts {@code iago <args>} with this JVM's module flags and heap, its output going to {@code log}. */
    static Process start(Path log, String... args) throws Exception {
        return start(List.of(), log, Iago.class, args);
    }

    /** {@link #start(Path, String...)} with more JVM options, such as {@code -Dname=value}. */
    static Process start(List<String> jvmOptions, Path log, String... args) throws Exception {
        return start(jvmOptions, log, Iago.class, args);
    }

    /** Starts the main class {@code main} of this JVM's class path, as {@link #start(Path, String...)} does iago. */
    static Process start(Path log, Class<?> main, String... args) throws Exception {
        return start(List.of(), log, main, args);
    }

    private static Process start(List<String> jvmOptions, Path log, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("--enable-") || a.startsWith("-Xmx")).toList());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** How many executions of each step the lake's embedded JobRepository holds. */
    static List<Integer> stepExecutions(Lake lake, String... steps) throws Exception {
        List<Integer> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + lake.defaultState().resolve("jobrepository"),
                "sa", ""); Statement s = c.createStatement()) {
            for (String step : steps) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
                        + step + "'")) {
                    rs.next();
                    counts.add(rs.getInt(1));
                }
            }
        }
        return counts;
    }
}
