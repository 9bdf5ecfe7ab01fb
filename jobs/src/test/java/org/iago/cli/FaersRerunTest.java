package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns are idempotent: the same input gives the same lake, byte for byte, and replaces rather than appends. */
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
        assertEquals(before, snapshot(lake), "same files, same bytes");
        try (DuckLake duck = new DuckLake()) {
            assertEquals(328L, duck.count(lake.faersTable(FaersTable.DRUG)), "replaced, not appended");
        }
    }

    @Test
    void sameInputInAnotherLakeGivesTheSameBytes() throws Exception {
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

    /** Relative path and SHA-256 of every Parquet file of the quarter. */
    static List<String> snapshot(Lake lake) throws Exception {
        Path faers = lake.root().resolve("faers");
        try (Stream<Path> files = Files.walk(faers)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).sorted().map(p -> faers.relativize(p) + " "
                    + sha256(p)).toList();
        }
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + p, e);
        }
    }
}
