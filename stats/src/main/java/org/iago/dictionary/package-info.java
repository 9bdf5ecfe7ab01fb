/**
 * Dictionaries that several stages read from {@code conf/}: the CAR-T products of {@code conf/products.yaml}
 * ({@link org.iago.dictionary.ProductDictionary}), read by registry ingestion, curation, the nightly and the report.
 * Plain Java and Jackson, no Spark; it imports only {@link org.iago.vocabulary}, so no stage depends on another to
 * read it.
 */
package org.iago.dictionary;
