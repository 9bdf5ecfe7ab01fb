package org.iago.stats.mgps;

/**
 * Empirical Bayes scores of one drug–event pair under the MGPS posterior (see {@link MgpsPosterior}).
 *
 * @param ebgm empirical Bayes geometric mean, exp(E[ln λ | N]) (Eq. 11, 1999)
 * @param eb05 5th percentile of the posterior of λ, the usual signal criterion being EB05 ≥ 2
 * @param eb95 95th percentile of the posterior of λ
 * @param qn   posterior probability Q<sub>n</sub> that λ comes from the first prior component (Eq. 6, 1999)
 */
public record MgpsScore(double ebgm, double eb05, double eb95, double qn) {
}
