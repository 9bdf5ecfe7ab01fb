package org.iago.spark;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.PublishJournal;
import org.iago.lake.RegistryTable;

/**
 * Spark's view of the lake: each table is read with its Hive partition column ({@code quarter} or {@code source}),
 * which partition discovery reads from the folder names. Staging and state folders ({@code _…}, {@code .…}) are not
 * part of any table. A table that a killed publish left half replaced is refused ({@link PublishJournal}).
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
        requireSettled("faers/" + table.lakeName());
        return spark.read().option("mergeSchema", "false").parquet(lake.faersTableLocation(table).toString());
    }

    /** The rows of all ingested quarters of a FAERS table, from the Parquet footers: no Spark job. */
    public long faersRows(FaersTable table) throws IOException {
        requireSettled("faers/" + table.lakeName());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path folder = lake.faersTableLocation(table);
        if (!folder.getFileSystem(conf).exists(folder)) {
            return 0;
        }
        return ParquetTable.rowCount(ParquetTable.dataFiles(folder, conf), conf);
    }

    /** One case-level source ingested by {@code iago ingest cases}. */
    public Dataset<Row> cases(String source) {
        requireSettled("cases/source=" + source);
        return spark.read().parquet(lake.casesLocation(source).toString());
    }

    /** Every case-level source, with a string column {@code source}. */
    public Dataset<Row> cases() {
        requireSettled("cases");
        return spark.read().parquet(lake.cases().toString());
    }

    /** A table of the registry extract, with the schema its files give. */
    public Dataset<Row> registry(RegistryTable table) {
        requireSettled("registry/" + table.lakeName());
        return spark.read().parquet(lake.registryTableLocation(table).toString());
    }

    /** A table of the registry extract, read with {@code schema} rather than the one the files give. */
    public Dataset<Row> registry(RegistryTable table, StructType schema) {
        requireSettled("registry/" + table.lakeName());
        return spark.read().schema(schema).parquet(lake.registryTableLocation(table).toString());
    }

    private void requireSettled(String table) {
        try {
            PublishJournal.requireSettled(lake.location(), spark.sparkContext().hadoopConfiguration(), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
