package org.iago.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.iago.batch.JobRepositoryDatabase;
import org.iago.lake.FreeSpace;
import org.iago.lake.Lake;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where a command keeps its run state: the JobRepository database and the run lock. */
public final class StateOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--state", paramLabel = "<dir>",
            description = "Folder for the run lock and the embedded H2 JobRepository (default: <lake>/_state).")
    Path state;

    @Mixin
    JdbcOptions jdbc = new JdbcOptions();

    /**
     * The folder of the run lock and of the embedded JobRepository; refused as a usage error, before anything is
     * created in it, when the embedded H2 database cannot be kept there.
     */
    Path stateFolder(Lake lake) {
        Path folder = state != null ? state.toAbsolutePath().normalize() : lake.defaultState();
        if (embedded()) {
            embeddedDatabase(folder);
        }
        return folder;
    }

    /**
     * Where the run lock lives: the lake's own state folder, whatever {@code --state} says, since the staging folders
     * a run writes in the lake are named by job instances of its JobRepository, and two JobRepositories number alike.
     */
    Path lockFolder(Lake lake) {
        return lake.defaultState();
    }

    /** Whether the JobRepository is the embedded H2 file in the state folder (no --jdbc-url). */
    boolean embedded() {
        return jdbc.url == null;
    }

    /**
     * Refuses to start when the embedded JobRepository's file system, outside the lake, has less than
     * {@link FreeSpace#margin} free: H2 failing to write mid-run leaves the run unrecorded, however its outputs went.
     */
    void requireRoomToRecord(Lake lake) throws IOException {
        Path folder = stateFolder(lake);
        // inside the lake (the default), the ingest's own check of the lake's file system, with the input's size,
        // comes first and says more
        if (embedded() && !folder.startsWith(lake.root())) {
            FreeSpace.require(folder, 0, "recording the run history");
        }
    }

    JobRepositoryDatabase database(Lake lake) {
        if (embedded()) {
            return embeddedDatabase(stateFolder(lake));
        }
        String password = System.getenv(jdbc.passwordVariable);
        return new JobRepositoryDatabase(jdbc.url, jdbc.user, password == null ? "" : password);
    }

    private JobRepositoryDatabase embeddedDatabase(Path folder) {
        try {
            return JobRepositoryDatabase.embedded(folder);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e, null, folder.toString());
        }
    }
}
