/**
 * Consensus grading of CAR T cell therapy toxicities from registry parameters, the "Grading" step of the IAGO
 * framework: ASTCT cytokine release syndrome ({@link org.iago.grading.CrsGrade}) and neurotoxicity in adults
 * ({@link org.iago.grading.IcansGrade}), EHA/EBMT neutropenic hematotoxicity, early and late
 * ({@link org.iago.grading.IcahtGrade}). Pure Java, no Spark. Each rule returns either a grade with what decided it
 * or why no grade can be given; a missing parameter is never filled with a default.
 */
package org.iago.grading;
