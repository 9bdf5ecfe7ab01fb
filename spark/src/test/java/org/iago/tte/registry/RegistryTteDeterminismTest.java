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

/** The same registry gives the same bytes: every CSV, the summary and every Parquet file. */
class RegistryTteDeterminismTest {

    @TempDir
    Path work;

    @Test
    void twoRunsWriteByteIdenticalFiles() throws IOException {
        SparkSession spark = SharedSpark.session();
        Lake lake = RegistryTteRandomRegistry.generate(7L, 150).write(spark, work.resolve("lake"));
        RegistryTteOptions options = RegistryTteOptions.defaults().withCompetingRelapse(true);
        new RegistryTteJob(spark).run(lake, LakePaths.location(work.resolve("first")), options);
        new RegistryTteJob(spark).run(lake, LakePaths.location(work.resolve("second")), options);

        List<String> files = outputs(work.resolve("first"));
        assertEquals(25, files.size(), files::toString);
        assertEquals(files, outputs(work.resolve("second")));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(work.resolve("first").resolve("tte").resolve(file)),
                    Files.readAllBytes(work.resolve("second").resolve("tte").resolve(file)), file);
        }
    }

    /** Every file under {@code tte/}, by its path there. */
    private static List<String> outputs(Path out) throws IOException {
        Path tte = out.resolve("tte");
        try (Stream<Path> files = Files.walk(tte)) {
            return files.filter(Files::isRegularFile).map(p -> tte.relativize(p).toString()).sorted().toList();
        }
    }
}
