/**
 * What the Spark jobs share: the session ({@link org.iago.spark.IagoSpark}), reading the lake's published tables
 * ({@link org.iago.spark.LakeTables}), writing outputs atomically as Parquet ({@link org.iago.spark.ParquetOutput}
 * from Spark, {@link org.iago.spark.ParquetTable} from rows the driver holds) and as sorted CSV
 * ({@link org.iago.spark.CsvOutput}, {@link org.iago.spark.SortedCsvExport}).
 */
package org.iago.spark;
