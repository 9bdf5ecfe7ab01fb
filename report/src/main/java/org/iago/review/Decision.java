package org.iago.review;

import java.time.Instant;

/**
 * One reviewer's decision about a signal, as the log keeps it.
 *
 * @param id        the log's running number (its order); 0 before it is appended
 * @param seq       the signal's own running number: 1 for its first decision
 * @param decidedAt when, to the second (UTC)
 * @param evidence  what the reviewer saw
 * @param monitor   the condition of a {@link ReviewState#MONITOR} decision; null otherwise
 */
public record Decision(long id, SignalKey signal, int seq, ReviewState state, String reason, String reviewer,
        Instant decidedAt, Evidence evidence, MonitorCondition monitor) {

    public Decision {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason (--reason)");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reviewer (--reviewer)");
        }
        if ((state == ReviewState.MONITOR) != (monitor != null)) {
            throw new IllegalArgumentException(state == ReviewState.MONITOR
                    ? "a MONITOR decision needs a condition: --monitor-reports, --monitor-lower or --monitor-date"
                    : "a monitor condition belongs to a MONITOR decision only, not to " + state);
        }
    }

    /** A decision to append: the log gives its id and seq. */
    public static Decision proposed(SignalKey signal, ReviewState state, String reason, String reviewer,
            Instant decidedAt, Evidence evidence, MonitorCondition monitor) {
        return new Decision(0, signal, 0, state, reason, reviewer, decidedAt, evidence, monitor);
    }

    Decision appended(long newId, int newSeq) {
        return new Decision(newId, signal, newSeq, state, reason, reviewer, decidedAt, evidence, monitor);
    }
}
