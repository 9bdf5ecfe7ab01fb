package org.iago.grading.harmonize;

import java.time.LocalDate;

/**
 * What re-grading needs from the patient's row of the registry's {@code outcomes} table: whether and of what the
 * patient died. Pass no outcome at all (null) when the patient has no accepted outcome row.
 *
 * @param deathDate  {@code death_date}; null when the patient was alive at last follow-up
 * @param deathCause {@code death_cause} (RELAPSE, INFECTION, CRS, ICANS, IEC_HS, SPM, CARDIOVASCULAR, OTHER); null
 *                   when not recorded
 */
public record RegistryOutcome(LocalDate deathDate, String deathCause) {
}
