/**
 * The one CSV dialect every iago output is written in ({@link org.iago.csv.CsvWriter}) and every iago reader of
 * those outputs reads ({@link org.iago.csv.CsvReader}, a whole table by column name: {@link org.iago.csv.CsvTable}): RFC 4180, comma-separated, a text cell that a spreadsheet
 * would run as a formula marked with a leading {@code '} (OWASP, CSV Injection), the mark removed again on reading.
 * Pure Java, no Spark: the Spark jobs ({@link org.iago.spark.CsvOutput}), the report and the nightly pipeline share
 * it. Large tables are written through {@link org.iago.csv.Utf8Writer}, the JDK's UTF-8 bytes without a lock per call.
 */
package org.iago.csv;
