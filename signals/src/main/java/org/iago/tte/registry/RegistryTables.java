package org.iago.tte.registry;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.ColumnType;
import org.iago.lake.Lake;
import org.iago.lake.LakeColumn;
import org.iago.lake.RegistryTable;
import org.iago.spark.LakeTables;

/**
 * Spark's view of the registry in the lake. Tables are read with their lake schema rather than the one inferred from
 * the files, so that a table without rows (its one empty part) reads as empty with the right columns.
 */
final class RegistryTables {

    private final SparkSession spark;
    private final Lake lake;

    RegistryTables(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    Dataset<Row> read(RegistryTable table) {
        StructType schema = new StructType();
        for (LakeColumn c : table.schema().columns()) {
            schema = schema.add(c.name(), sparkType(c.type()), true);
        }
        return new LakeTables(spark, lake).registry(table, schema);
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }
}
