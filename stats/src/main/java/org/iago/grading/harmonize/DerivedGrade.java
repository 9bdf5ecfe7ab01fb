package org.iago.grading.harmonize;

import java.util.Objects;
import java.util.OptionalInt;

/** A grade re-derived from a registry's raw parameters, or why the parameters do not settle one. */
public sealed interface DerivedGrade permits DerivedGrade.Graded, DerivedGrade.Ungradable {

    /**
     * A derived grade.
     *
     * @param grade 0 to the top of the category's scale
     * @param basis what decided it: the grading rule's domains joined by {@code +} (e.g. HYPOTENSION+HYPOXIA) or its
     *              criterion (e.g. DAYS_AT_OR_BELOW_500)
     */
    record Graded(int grade, String basis) implements DerivedGrade {

        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if the grade is negative
         */
        public Graded {
            if (grade < 0) {
                throw new IllegalArgumentException("negative grade " + grade);
            }
            Objects.requireNonNull(basis, "basis");
        }
    }

    /**
     * No derived grade.
     *
     * @param reason what is missing or why the rule does not apply
     */
    record Ungradable(String reason) implements DerivedGrade {

        /** Requires the reason. */
        public Ungradable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @return the grade, empty when ungradable */
    default OptionalInt optionalGrade() {
        return this instanceof Graded graded ? OptionalInt.of(graded.grade()) : OptionalInt.empty();
    }
}
