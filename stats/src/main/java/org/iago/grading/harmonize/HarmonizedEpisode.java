package org.iago.grading.harmonize;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One registry toxicity episode with its recorded grade and the grade re-derived from its raw data by the
 * category's consensus system.
 *
 * @param toxicity       the category
 * @param recordedGrade  the grade the registry recorded; empty when not recorded
 * @param recordedSystem the system of that grade (ASTCT, CTCAE5, LEE2014, CARTOX, EHA2023); empty when not recorded
 * @param derived        the re-derived grade, in {@link GradedToxicity#gradingSystem()}, or why there is none
 */
public record HarmonizedEpisode(GradedToxicity toxicity, OptionalInt recordedGrade, Optional<String> recordedSystem,
                                DerivedGrade derived) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the recorded grade is negative
     */
    public HarmonizedEpisode {
        Objects.requireNonNull(toxicity, "toxicity");
        Objects.requireNonNull(recordedGrade, "recordedGrade");
        Objects.requireNonNull(recordedSystem, "recordedSystem");
        Objects.requireNonNull(derived, "derived");
        if (recordedGrade.isPresent() && recordedGrade.getAsInt() < 0) {
            throw new IllegalArgumentException("negative recorded grade " + recordedGrade.getAsInt());
        }
    }

    /**
     * Whether the recorded grade is on the derived grade's scale, so that the two can be compared grade for grade:
     * a grade is recorded, in ASTCT for CRS and ICANS, in EHA2023 for ICAHT. Episodes graded by other systems are
     * still re-graded; only their agreement is not measured.
     *
     * @return true when recorded and derived grades share a system
     */
    public boolean comparable() {
        return recordedGrade.isPresent() && recordedSystem.filter(toxicity.gradingSystem()::equals).isPresent();
    }
}
