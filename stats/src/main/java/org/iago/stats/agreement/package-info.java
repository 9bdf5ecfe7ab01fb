/**
 * Agreement between two gradings of the same subjects (a registry's recorded grade and the grade iago re-derives from
 * the raw parameters): Cohen's kappa, unweighted and weighted, with its standard error. Pure statistics, no Spark.
 */
package org.iago.stats.agreement;
