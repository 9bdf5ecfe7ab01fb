package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.LakeTables;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Batch writes the lake and Spark reads it in the same JVM, as the nightly pipeline will: the classpath
 * convergence (Jackson, Netty, SLF4J, Hadoop) holds, and Spark sees the Hive partitions and the typed columns.
 */
class SparkReadsTheLakeTest {

    @TempDir
    Path work;

    @Test
    void sparkSeesEveryQuarterWithTypedColumns() {
        Lake lake = new Lake(work.resolve("lake"));
        assertEquals(ExitCodes.OK, Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(),
                "--lake", lake.root().toString()).exitCode());
        assertEquals(ExitCodes.OK, Cli.run("ingest", "faers", "--input", Samples.laers2004q1().toString(),
                "--lake", lake.root().toString()).exitCode());
        LakeTables tables = new LakeTables(SharedSpark.session(), lake);

        List<Row> perQuarter = tables.faers(FaersTable.DRUG).groupBy("quarter").count().orderBy("quarter")
                .collectAsList();
        assertEquals(List.of(Row.fromSeq(scala(List.of("2004Q1", 386L))), Row.fromSeq(scala(List.of("2017Q2", 328L)))),
                perQuarter);
        assertEquals("DateType", tables.faers(FaersTable.DEMO).schema().apply("fda_dt_date").dataType().toString());
        // awk -F'$' on DEMO17Q2.txt: 12 event_dt values of 4 digits; DEMO04Q1.TXT has none
        assertEquals(12L, tables.faers(FaersTable.DEMO).where("event_dt_precision = 'year'").count());
    }

    private static scala.collection.immutable.Seq<Object> scala(List<Object> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }
}
