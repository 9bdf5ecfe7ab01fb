/**
 * Pure-Java statistics, no Spark import: the 2×2 table and its disproportionality measures
 * ({@link org.iago.stats.ProportionalReportingRatio}, {@link org.iago.stats.ReportingOddsRatio},
 * {@link org.iago.stats.InformationComponent}), the expected count ({@link org.iago.stats.ExpectedCount}), the
 * likelihood ratio test with its Monte Carlo null ({@link org.iago.stats.LikelihoodRatioTest}, with
 * {@code AliasTable}, {@code BinomialSampler} and {@code SplitMixGenerator}), gamma-mixture quantiles
 * ({@link org.iago.stats.gamma.GammaMixture}), masking and event competition ({@link org.iago.stats.MaskingRatio}), one
 * pair's scores and flags ({@link org.iago.stats.PairStatistics},
 * {@link org.iago.stats.SignalThresholds}). Each class cites its paper and numbers its equations; subpackages hold
 * MGPS, time-to-event, rates, onset and agreement.
 */
package org.iago.stats;
