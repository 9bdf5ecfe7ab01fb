/**
 * The lake: where its tables live ({@link org.iago.lake.Lake}), their names and schemas ({@link org.iago.lake.FaersTable},
 * {@link org.iago.lake.RegistryTable}, {@link org.iago.lake.CuratedTable}), and how they are published so that a
 * reader never sees one half written ({@link org.iago.lake.Publisher}), nor a dataset with some tables new and some
 * old ({@link org.iago.lake.PublishJournal}); {@link org.iago.lake.FreeSpace} stops a job before a full disk could;
 * {@link org.iago.lake.ReproducibleParquet} makes parquet-java's files the same bytes in every process.
 */
package org.iago.lake;
