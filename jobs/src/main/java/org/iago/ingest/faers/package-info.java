/**
 * The {@code faersIngest} job: one FDA FAERS/LAERS quarterly ASCII extract (zip or folder), every layout since 2004Q1,
 * each file's header mapped to the lake's columns, all files of a quarter of that quarter's layout.
 */
package org.iago.ingest.faers;
