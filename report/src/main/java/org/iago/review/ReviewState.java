package org.iago.review;

/**
 * Where a signal stands in the signal management process of EMA GVP Module IX (Rev 1, 2017, IX.B.3-IX.B.5 and
 * IX.C.1): validation, analysis and prioritisation, assessment, recommendation for action.
 */
public enum ReviewState {
    /** Validation has started: does the evidence justify further analysis? (IX.B.3.1) */
    UNDER_VALIDATION,
    /** Refuted at validation: not a signal worth assessing (a "non-validated signal"). */
    NOT_VALIDATED,
    /** Validated: to be prioritised and assessed. */
    VALIDATED,
    /** The evidence is being assessed (IX.B.5). */
    UNDER_ASSESSMENT,
    /** Assessment found a causal association worth action (a risk: labelling, RMP, ...). */
    CONFIRMED,
    /** Assessment found no causal association. */
    REFUTED,
    /** No decision yet: reviewed again once a condition is met (more reports, a stronger bound, a date). */
    MONITOR
}
