package org.iago.tte.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.iago.spark.ParquetTable;
import org.iago.testing.DuckLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry output: in its CSV twin a product named like a formula is marked, numbers are not, and it reads back; its
 * Parquet folder holds one file, the same bytes for the same rows, that another reader reads with the table's types.
 */
class OutputTableTest {

    private static final String PRODUCT = "@SUM(1+1)*cmd|' /C calc'!A0";

    @TempDir
    Path work;

    @Test
    void aProductNamedLikeAFormulaIsMarkedAndReadsBack() throws IOException {
        StructType schema = new StructType().add("group_by", DataTypes.StringType)
                .add("group", DataTypes.StringType).add("time", DataTypes.IntegerType)
                .add("estimate", DataTypes.DoubleType).add("lower", DataTypes.DoubleType);
        OutputTable table = new OutputTable("survival", schema, List.of(
                OutputTable.row("product", PRODUCT, 30, -0.25, Double.NEGATIVE_INFINITY),
                OutputTable.row("product", "-", 60, 0.5, Double.NaN)));

        table.write(Publisher.local(), LakePaths.location(work));

        assertEquals("""
                group_by,group,time,estimate,lower
                product,"'@SUM(1+1)*cmd|' /C calc'!A0",30,-0.25,-Infinity
                product,"'-",60,0.5,
                """, Files.readString(work.resolve("survival.csv")));
        assertEquals(List.of(Map.of("group_by", "product", "group", PRODUCT, "time", "30", "estimate", "-0.25",
                "lower", "-Infinity"), Map.of("group_by", "product", "group", "-", "time", "60", "estimate", "0.5",
                "lower", "")), RegistryTteCsv.read(work.resolve("survival.csv")).rows());
    }

    @Test
    void theParquetFileHoldsTheRowsWithTheirTypesAndIsTheSameEveryTime() throws Exception {
        StructType schema = new StructType().add("group", DataTypes.StringType).add("time", DataTypes.LongType)
                .add("grade", DataTypes.IntegerType).add("estimate", DataTypes.DoubleType)
                .add("paired", DataTypes.BooleanType);
        OutputTable table = new OutputTable("curve", schema, List.of(
                OutputTable.row("Kymriah", 30L, 2, 0.125, true),
                OutputTable.row(null, 60L, null, Double.NaN, false),
                OutputTable.row("Kymriah", 90L, 3, Double.POSITIVE_INFINITY, null)));

        table.write(Publisher.local(), LakePaths.location(work.resolve("first")));
        table.write(Publisher.local(), LakePaths.location(work.resolve("second")));

        Path file = work.resolve("first").resolve("curve").resolve(ParquetTable.FILE);
        try (Stream<Path> folder = Files.list(file.getParent())) {
            assertEquals(List.of(file), folder.toList());
        }
        assertArrayEquals(Files.readAllBytes(file),
                Files.readAllBytes(work.resolve("second").resolve("curve").resolve(ParquetTable.FILE)));
        try (DuckLake duck = new DuckLake()) {
            assertEquals(List.of("VARCHAR", "BIGINT", "INTEGER", "DOUBLE", "BOOLEAN"), duck.rows("DESCRIBE SELECT *"
                    + " FROM " + DuckLake.parquet(file.getParent())).stream().map(r -> r.get("column_type")).toList());
            List<Map<String, Object>> rows = duck.rows("SELECT * FROM " + DuckLake.parquet(file.getParent()));
            assertEquals(3, rows.size());
            assertEquals(Arrays.asList("Kymriah", 30L, 2, 0.125, true), new ArrayList<>(rows.get(0).values()));
            assertEquals(Arrays.asList(null, 60L, null, null, false), new ArrayList<>(rows.get(1).values()));
            assertEquals(Arrays.asList("Kymriah", 90L, 3, Double.POSITIVE_INFINITY, null),
                    new ArrayList<>(rows.get(2).values()));
        }
    }
}
