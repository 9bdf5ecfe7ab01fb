/**
 * What every ingestion job shares: reading input files (zip entries checked against their CRC-32 and size, strict
 * decoding, RFC 4180 records), rejecting bad lines with file, line and reason under the reject limit, reconciling
 * {@code lines = written + rejected} per file, writing byte-identical Parquet parts into a private staging folder, and
 * the publish step that swaps a dataset into the lake between writing and deleting its publish record
 * ({@link org.iago.lake.PublishJournal}).
 */
package org.iago.ingest;
