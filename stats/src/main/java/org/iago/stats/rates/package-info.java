/**
 * Incidence rates over person-time at risk (events per 100 patient-days) with exact Poisson intervals, rate ratios
 * between two groups and the Mantel–Haenszel rate ratio across strata, from
 * {@link org.iago.stats.rates.PersonTimeCount}s. Pure statistics, no Spark.
 */
package org.iago.stats.rates;
