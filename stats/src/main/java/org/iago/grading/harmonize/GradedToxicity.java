package org.iago.grading.harmonize;

import java.util.Optional;

/**
 * The registry toxicity categories that can be re-graded from raw data, with the consensus system they are re-graded
 * by and the top of that scale.
 *
 * <p>The scale of a category runs from grade 0 to {@link #highestGrade()}: grade 0 is what a re-grading gives when
 * the criteria are not met (no fever, no neutropenia), although a registry records grades from 1. ICANS keeps
 * ASTCT's grade 5 (death) on its scale because a registry may record it, even though {@code IcansGrade} never
 * derives it. Agreement tables and weighted kappas are taken over the whole scale.
 */
public enum GradedToxicity {

    /** Cytokine release syndrome, ASTCT 2019, grades 0–5. */
    CRS("ASTCT", 5),
    /** Immune effector cell-associated neurotoxicity syndrome, ASTCT 2019, grades 0–5. */
    ICANS("ASTCT", 5),
    /** Early (days 0–30) neutropenic hematotoxicity, EHA/EBMT 2023, grades 0–4. */
    ICAHT_EARLY("EHA2023", 4),
    /** Late (after day 30) neutropenic hematotoxicity, EHA/EBMT 2023, grades 0–4. */
    ICAHT_LATE("EHA2023", 4);

    private final String gradingSystem;
    private final int highestGrade;

    GradedToxicity(String gradingSystem, int highestGrade) {
        this.gradingSystem = gradingSystem;
        this.highestGrade = highestGrade;
    }

    /** @return the registry's code of the system the category is re-graded by */
    public String gradingSystem() {
        return gradingSystem;
    }

    /** @return the top grade of the scale, which starts at 0 */
    public int highestGrade() {
        return highestGrade;
    }

    /**
     * @param category a registry {@code category} code
     * @return the category, or empty when it is not re-graded (IEC_HS, PARKINSONISM, ...)
     */
    public static Optional<GradedToxicity> of(String category) {
        for (GradedToxicity toxicity : values()) {
            if (toxicity.name().equals(category)) {
                return Optional.of(toxicity);
            }
        }
        return Optional.empty();
    }
}
