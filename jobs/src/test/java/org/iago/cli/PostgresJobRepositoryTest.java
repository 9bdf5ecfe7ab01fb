package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JobRepository on a real PostgreSQL server (zonky's embedded PostgreSQL, started on a free loopback port): the
 * Spring Batch schema is created on first use, and runs, reruns and their history land in it, the nightly job's
 * and its child ingestion jobs' included.
 */
class PostgresJobRepositoryTest {

    @TempDir
    Path work;

    /** The nightly job, with its child ingestion jobs, on PostgreSQL: as docs/operations.md tells operators. */
    @Test
    void nightlyRunsWithItsHistoryInPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path config = NightlyConfigFile.write(work.resolve("nightly.yaml"), work.resolve("lake"),
                    work.resolve("out"), List.of(Samples.faers2017q2().getParent()), List.of());
            String[] args = {"nightly", "--config", config.toString(), "--jdbc-url", url, "--jdbc-user", "postgres"};

            Cli run = Cli.run(args);

            assertEquals(ExitCodes.OK, run.exitCode(), run::toString);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT i.job_name, e.status, count(*) FROM batch_job_execution e"
                         + " JOIN batch_job_instance i USING (job_instance_id) GROUP BY 1, 2 ORDER BY 1")) {
                List<String> jobs = new ArrayList<>();
                while (rs.next()) {
                    jobs.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
                }
                assertEquals(List.of("faersIngest COMPLETED 2", "nightly COMPLETED 1"), jobs);
            }
            Cli runs = Cli.run("runs", "--lake", work.resolve("lake").toString(), "--jdbc-url", url, "--jdbc-user",
                    "postgres", "--steps");
            assertTrue(runs.out().contains("signalsDetect") && runs.out().contains("reportWrite"), runs::toString);
            assertTrue(Files.isRegularFile(work.resolve("out/latest/report/index.html")));
            assertTrue(!new Lake(work.resolve("lake")).defaultState().resolve("jobrepository.mv.db").toFile().exists(),
                    "no H2 file used");
        }
    }

    /** The user goes to the driver as a property: its {@code ;}, {@code &} and {@code ?} are not URL options. */
    @Test
    void theUserIsNotReadAsUrlOptions() throws Exception {
        String user = "iago;user=postgres&ssl=true?loggerLevel=TRACE";
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE \"" + user + "\" LOGIN");
                s.execute("GRANT CREATE ON SCHEMA public TO \"" + user + "\"");
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

            Cli runs = Cli.run("runs", "--lake", work.resolve("lake").toString(), "--jdbc-url", url, "--jdbc-user",
                    user);

            assertEquals(ExitCodes.OK, runs.exitCode(), runs::toString);
            assertTrue(runs.out().contains("no runs recorded"), runs::toString);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename ="
                         + " 'batch_job_instance'")) {
                assertTrue(rs.next(), "the schema was created");
                assertEquals(user, rs.getString(1), "created by that very user, not by postgres");
            }
        }
    }

    @Test
    void ingestionRecordsItsRunsInPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Lake lake = new Lake(work.resolve("lake"));
            String[] args = {"ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                    lake.root().toString(), "--jdbc-url", url, "--jdbc-user", "postgres"};

            Cli first = Cli.run(args);
            Cli second = Cli.run(args);

            assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
            assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), max(status) FROM batch_job_execution e JOIN"
                         + " batch_job_instance i USING (job_instance_id) WHERE i.job_name = 'faersIngest'")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "two runs recorded");
                assertEquals("COMPLETED", rs.getString(2));
            }
            try (DuckLake duck = new DuckLake()) {
                assertEquals(328L, duck.count(lake.faersPartition(FaersTable.DRUG, Quarter.parse("2017Q2"))));
            }
            assertTrue(!lake.defaultState().resolve("jobrepository.mv.db").toFile().exists(), "no H2 file used");
        }
    }
}
