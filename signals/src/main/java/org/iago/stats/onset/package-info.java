/**
 * Time to onset of an adverse event: the Weibull shape parameter test (Cornelius, Sauzet &amp; Evans 2012) of
 * whether the hazard decreases, stays constant or increases after the start of the drug. Pure statistics, no Spark.
 */
package org.iago.stats.onset;
