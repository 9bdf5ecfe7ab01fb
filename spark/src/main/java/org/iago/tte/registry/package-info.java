/**
 * Time-to-event analysis of the cellular-therapy registry ({@link org.iago.tte.registry.RegistryTteJob}): the lake's
 * registry tables read into memory ({@link org.iago.tte.registry.RegistryExtract}), per-patient follow-up, events and
 * patient-days ({@link org.iago.tte.registry.RegistryFollowUp}), and the output tables (survival, cumulative
 * incidence with Gray's test, onset, incidence rates and rate ratios, grading harmonisation), each written as Parquet
 * and CSV ({@link org.iago.tte.registry.OutputTable}). No Spark job runs: a registry fits in memory.
 */
package org.iago.tte.registry;
