/**
 * The Multi-item Gamma Poisson Shrinker (DuMouchel 1999) as openEBGM computes it, in its three stages: preparation
 * ({@link org.iago.stats.mgps.Squashing} of the pairs' (N, E) into {@link org.iago.stats.mgps.WeightedPoint}s),
 * estimation of the prior ({@link org.iago.stats.mgps.MgpsEstimator} → {@link org.iago.stats.mgps.MgpsFit},
 * {@link org.iago.stats.mgps.MgpsPrior}) and scoring ({@link org.iago.stats.mgps.MgpsPosterior} →
 * {@link org.iago.stats.mgps.MgpsScore}: EBGM, EB05, EB95).
 */
package org.iago.stats.mgps;
