package org.iago.review;

/**
 * A decision made on a state of the signal that another decision has replaced in the meantime (two reviewers at
 * once): refused, so that no reviewer's decision silently follows one they never saw.
 */
public final class StaleDecisionException extends RefusedDecisionException {

    public StaleDecisionException(String message) {
        super(message);
    }
}
