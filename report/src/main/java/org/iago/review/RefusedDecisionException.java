package org.iago.review;

/** A decision the log does not take: a move GVP Module IX does not make, or one made on a state no longer current. */
public class RefusedDecisionException extends IllegalArgumentException {

    public RefusedDecisionException(String message) {
        super(message);
    }
}
