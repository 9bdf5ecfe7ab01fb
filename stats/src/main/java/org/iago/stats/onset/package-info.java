/**
 * Time to onset of an adverse event: the Weibull shape parameter test (Cornelius, Sauzet &amp; Evans 2012) of
 * whether the hazard decreases, stays constant or increases after the start of the drug, and the two-sample
 * Kolmogorov–Smirnov and k-sample Anderson–Darling tests (Scholz &amp; Stephens 1987) that compare the onsets of a
 * drug–event pair with a background (Van Holle et al. 2012). Pure statistics, no Spark.
 */
package org.iago.stats.onset;
