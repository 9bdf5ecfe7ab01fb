package org.iago.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.LakePaths;

/**
 * Writes Parquet tables, on any file system and at their published version ({@link ParquetOutput#read}), as local
 * CSVs ({@link CsvOutput}) sorted by every column, so that two runs can be compared row for row with {@code cmp} or
 * {@code diff} whatever the partitioning: {@code bench/cluster-check.sh} compares the curated tables of a cluster run
 * and of a local run with it. Dates and timestamps are printed as ISO-8601 whatever the JVM's
 * time zone.
 * <p>
 * As a Spark application: {@code spark-submit --class org.iago.spark.SortedCsvExport iago-spark-<version>-app.jar
 * --out <dir> <parquet dir>... [--out <dir> <parquet dir>...]}, which writes {@code <dir>/<name of the parquet dir>.csv}
 * for each Parquet folder (a path or a URI such as {@code s3a://…}) into the local {@code --out} folder named before
 * it.
 */
public final class SortedCsvExport {

    private static final String USAGE = "usage: SortedCsvExport --out <dir> <parquet dir>... [--out <dir> <parquet"
            + " dir>...]";

    private SortedCsvExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || !args[0].equals("--out")) {
            throw new IllegalArgumentException(USAGE);
        }
        SparkSession spark = IagoSpark.configure(SparkSession.builder().appName("iago-sorted-csv")
                .config("spark.sql.datetime.java8API.enabled", "true").getOrCreate());
        try {
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--out")) {
                    if (++i == args.length) {
                        throw new IllegalArgumentException(USAGE);
                    }
                    out = LakePaths.local(args[i]);
                    continue;
                }
                org.apache.hadoop.fs.Path in = LakePaths.location(args[i]);
                Dataset<Row> rows = ParquetOutput.read(spark, in);
                List<String> columns = List.of(rows.columns());
                Dataset<Row> sorted = rows.orderBy(columns.stream().map(rows::col).toArray(Column[]::new));
                Path target = out.resolve(in.getName() + ".csv");
                CsvOutput.write(target, columns, sorted.toLocalIterator());
                System.out.println(target);
            }
        } finally {
            spark.stop();
        }
    }
}
