package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns are idempotent: the same input gives the same lake (the same part files with the same schema and rows, in
 * order) and replaces rather than appends. Bytes are not compared: parquet-java lists each column chunk's encodings in
 * its footer in an order that follows JVM identity hash codes (a HashSet of enum constants), so it can differ from one
 * process to the next while the data is the same.
 */
class FaersRerunTest {

    @TempDir
    Path work;

    @Test
    void rerunGivesIdenticalPartitions() throws Exception {
        Lake lake = new Lake(work.resolve("lake"));
        Cli first = ingest(lake);
        List<String> before = snapshot(lake);
        Cli second = ingest(lake);

        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        assertEquals(ExitCodes.OK, second.exitCode(), second::toString);
        assertTrue(second.out().contains("job instance 2"), "a completed run is rerun as a new instance: " + second);
        assertEquals(before, snapshot(lake), "same files, same schema, same rows");
        try (DuckLake duck = new DuckLake()) {
            assertEquals(328L, duck.count(lake.faersTable(FaersTable.DRUG)), "replaced, not appended");
        }
    }

    @Test
    void sameInputInAnotherLakeGivesTheSameLake() throws Exception {
        Lake a = new Lake(work.resolve("a"));
        Lake b = new Lake(work.resolve("b"));
        ingest(a);
        ingest(b);
        assertEquals(snapshot(a), snapshot(b));
    }

    private static Cli ingest(Lake lake) {
        return Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake.root().toString());
    }

    /** Relative path of every part file with a SHA-256 of its schema and its rows in file order. */
    static List<String> snapshot(Lake lake) throws Exception {
        Path faers = lake.root().resolve("faers");
        List<Path> parts;
        try (Stream<Path> files = Files.walk(faers)) {
            parts = files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        List<String> snapshot = new ArrayList<>();
        try (DuckLake duck = new DuckLake()) {
            for (Path part : parts) {
                String file = "'" + part + "'";
                String content = duck.rows("DESCRIBE SELECT * FROM " + file) + "\n"
                        + duck.rows("SELECT * FROM " + file + " ORDER BY line_no");
                snapshot.add(faers.relativize(part) + " " + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8))));
            }
        }
        return snapshot;
    }
}
