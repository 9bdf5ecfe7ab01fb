/**
 * The {@code signals} stage: what is counted ({@link org.iago.disproportionality.SignalInput}: curated FAERS or a
 * case source, drug and event levels, strata), the distinct-report pair counts in Spark
 * ({@link org.iago.disproportionality.PairCounts}), and the all-pairs analysis
 * ({@link org.iago.disproportionality.DisproportionalityJob}: prior fit, likelihood ratio tests, scoring, emergence
 * by quarter; on the driver for a small table, {@link org.iago.disproportionality.DriverAnalysis}), run and written
 * by {@link org.iago.disproportionality.SignalsJob}. The formulas are in {@code org.iago.stats}; this package
 * prepares data and calls them.
 */
package org.iago.disproportionality;
