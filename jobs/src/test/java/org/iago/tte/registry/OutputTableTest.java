package org.iago.tte.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.LakePaths;
import org.iago.lake.LakeStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry output's CSV twin: a product named like a formula is marked, numbers are not, and it reads back. */
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

        table.write(LakeStorage.local(), LakePaths.location(work));

        assertEquals("""
                group_by,group,time,estimate,lower
                product,"'@SUM(1+1)*cmd|' /C calc'!A0",30,-0.25,-Infinity
                product,"'-",60,0.5,
                """, Files.readString(work.resolve("survival.csv")));
        assertEquals(List.of(Map.of("group_by", "product", "group", PRODUCT, "time", "30", "estimate", "-0.25",
                "lower", "-Infinity"), Map.of("group_by", "product", "group", "-", "time", "60", "estimate", "0.5",
                "lower", "")), RegistryTteCsv.read(work.resolve("survival.csv")).rows());
    }
}
