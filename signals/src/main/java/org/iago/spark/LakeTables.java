package org.iago.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;

/**
 * Spark's view of the lake: each table is read with its Hive partition column ({@code quarter} or {@code source}),
 * which partition discovery reads from the folder names. Staging and state folders ({@code _…}, {@code .…}) are not
 * part of any table.
 */
public final class LakeTables {

    private final SparkSession spark;
    private final Lake lake;

    public LakeTables(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /** All ingested quarters of a FAERS table, with a string column {@code quarter}. */
    public Dataset<Row> faers(FaersTable table) {
        return spark.read().option("mergeSchema", "false").parquet(lake.faersTableLocation(table).toString());
    }

    /** One case-level source ingested by {@code iago ingest cases}. */
    public Dataset<Row> cases(String source) {
        return spark.read().parquet(lake.casesLocation(source).toString());
    }
}
