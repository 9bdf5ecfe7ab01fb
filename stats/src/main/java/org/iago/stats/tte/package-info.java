/**
 * Time-to-event estimators for registry follow-up, equal to R survival and cmprsk on the same data: the Kaplan–Meier
 * survival function, the Aalen–Johansen cumulative incidence of each cause with competing events, and Gray's test of
 * equal cumulative incidence across groups, all from a {@link org.iago.stats.tte.RiskTable} of distinct times. Pure
 * statistics, no Spark.
 */
package org.iago.stats.tte;
