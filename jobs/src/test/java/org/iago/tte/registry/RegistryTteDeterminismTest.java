package org.iago.tte.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same registry gives the same bytes, whatever the number of shuffle partitions the session runs with. */
class RegistryTteDeterminismTest {

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    @TempDir
    Path work;

    @Test
    void twoRunsWriteByteIdenticalCsvsAndSummary() throws IOException {
        SparkSession spark = SharedSpark.session();
        Lake lake = RegistryTteRandomRegistry.generate(7L, 150).write(spark, work.resolve("lake"));
        RegistryTteOptions options = RegistryTteOptions.defaults().withCompetingRelapse(true);
        new RegistryTteJob(spark).run(lake, LakePaths.location(work.resolve("first")), options);
        String partitions = spark.conf().get(SHUFFLE_PARTITIONS);
        try {
            spark.conf().set(SHUFFLE_PARTITIONS, "7");
            new RegistryTteJob(spark).run(lake, LakePaths.location(work.resolve("second")), options);
        } finally {
            spark.conf().set(SHUFFLE_PARTITIONS, partitions);
        }

        List<String> files = outputs(work.resolve("first"));
        assertEquals(13, files.size(), files::toString);
        assertEquals(files, outputs(work.resolve("second")));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(work.resolve("first").resolve("tte").resolve(file)),
                    Files.readAllBytes(work.resolve("second").resolve("tte").resolve(file)), file);
        }
    }

    /** The CSVs and the summary, by name. */
    private static List<String> outputs(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("tte"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".csv") || n.endsWith(".json")).sorted().toList();
        }
    }
}
