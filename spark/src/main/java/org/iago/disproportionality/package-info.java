/**
 * The {@code signals} stage: what is counted ({@link org.iago.disproportionality.SignalInput}: curated FAERS or a
 * case source, drug and event levels, strata), the distinct-report pair counts in Spark
 * ({@link org.iago.disproportionality.PairCounts}), and the all-pairs analysis: entry points in
 * {@link org.iago.disproportionality.DisproportionalityJob}; prior fit, likelihood ratio tests and scoring in
 * {@link org.iago.disproportionality.SignalAnalysis} (on the driver for a small table,
 * {@link org.iago.disproportionality.DriverAnalysis}), rows by {@link org.iago.disproportionality.PairScores}; outputs
 * in {@link org.iago.disproportionality.SignalOutputs}; emergence by quarter in
 * {@link org.iago.disproportionality.EmergenceSeries}; run by {@link org.iago.disproportionality.SignalsJob}. The
 * drug–drug interaction (Ω) of configured pairs: counts in {@link org.iago.disproportionality.InteractionCounts},
 * rows and {@code interaction.csv} by {@link org.iago.disproportionality.InteractionTable}. Masking and event
 * competition of the CAR-T drugs' pairs: settings in {@link org.iago.disproportionality.MaskingSettings}, counts in
 * {@link org.iago.disproportionality.MaskingCounts}, rows and {@code masking.csv} by
 * {@link org.iago.disproportionality.MaskingTable}. The CAR-T drugs' ROR against other comparators and within
 * subgroups: the subsets in {@link org.iago.disproportionality.Comparators},
 * their counts in {@link org.iago.disproportionality.ComparatorCounts} (one pass, on the driver or in Spark) and
 * {@link org.iago.disproportionality.SubsetCounts}, rows and {@code comparators.csv} by
 * {@link org.iago.disproportionality.ComparatorTable}. The formulas are in
 * {@code org.iago.stats}; this package prepares data and calls them.
 */
package org.iago.disproportionality;
