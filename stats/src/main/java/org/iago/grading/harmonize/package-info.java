/**
 * Harmonization of registry toxicity grades: every CRS, ICANS and ICAHT episode of a registry extract is re-graded
 * from its raw parameters by the consensus rules of {@link org.iago.grading}
 * ({@link org.iago.grading.harmonize.RegistryGrading}), whatever system the centre graded it by, and the recorded
 * grades are compared with the derived ones ({@link org.iago.grading.harmonize.GradingAgreement}). Pure Java, no
 * Spark: the registry jobs map lake rows onto {@link org.iago.grading.harmonize.RegistryToxicity} and write the
 * rows of the tables.
 */
package org.iago.grading.harmonize;
