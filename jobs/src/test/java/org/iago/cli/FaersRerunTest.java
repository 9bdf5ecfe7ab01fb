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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns are idempotent: the same input gives the same lake (the same part files with the same schema and rows, in
 * order) and replaces rather than appends; run in separate processes, it gives the same Parquet bytes.
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

    /**
     * Each ingest in its own JVM: parquet-java orders a column chunk's encodings by identity hash codes, which only
     * differ from one process to the next.
     */
    @Test
    void sameInputInThreeProcessesGivesByteIdenticalParquetFiles() throws Exception {
        List<Lake> lakes = List.of(new Lake(work.resolve("a")), new Lake(work.resolve("b")),
                new Lake(work.resolve("c")));
        for (Lake lake : lakes) {
            ingestInChild(lake);
        }
        Map<Path, String> first = parquetBytes(lakes.get(0));
        assertEquals(8, first.size(), "one part per table: " + first.keySet());
        assertEquals(first, parquetBytes(lakes.get(1)), "second process");
        assertEquals(first, parquetBytes(lakes.get(2)), "third process");
        ingestInChild(lakes.get(0));
        assertEquals(first, parquetBytes(lakes.get(0)), "rerun into the same lake");
    }

    private void ingestInChild(Lake lake) throws Exception {
        Path log = work.resolve(lake.root().getFileName() + ".log");
        Process child = IagoChild.start(log, "ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake",
                lake.root().toString());
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "ingest into " + lake + " did not end");
        assertEquals(ExitCodes.OK, child.exitValue(), () -> log + ": " + readLog(log));
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** SHA-256 of every Parquet file of the lake's FAERS tables, by path relative to {@code faers/}. */
    private static Map<Path, String> parquetBytes(Lake lake) throws Exception {
        Path faers = lake.root().resolve("faers");
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(faers)) {
            for (Path part : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                hashes.put(faers.relativize(part), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(part))));
            }
        }
        return hashes;
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
