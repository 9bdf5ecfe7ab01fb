/**
 * The gamma distribution and the two-component gamma mixture ({@link org.iago.stats.gamma.GammaMixture}): the
 * distribution function and its quantiles, shared by the information component's credibility interval
 * ({@code org.iago.stats.InformationComponent}) and MGPS's posterior ({@code org.iago.stats.mgps.MgpsPosterior}), so
 * that neither package imports the other for it.
 */
package org.iago.stats.gamma;
