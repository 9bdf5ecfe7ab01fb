package org.iago.review;

import static org.iago.review.ReviewState.CONFIRMED;
import static org.iago.review.ReviewState.MONITOR;
import static org.iago.review.ReviewState.NOT_VALIDATED;
import static org.iago.review.ReviewState.REFUTED;
import static org.iago.review.ReviewState.UNDER_ASSESSMENT;
import static org.iago.review.ReviewState.UNDER_VALIDATION;
import static org.iago.review.ReviewState.VALIDATED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The moves a decision may make, after the steps of signal management in EMA, Guideline on good pharmacovigilance
 * practices (GVP) Module IX, Rev 1 (2017): detection, validation (IX.B.3.1), analysis and prioritisation
 * (IX.B.3.2), assessment (IX.B.3.3), recommendation for action. A signal is validated before it is assessed, and
 * confirmed or refuted only by an assessment; MONITOR ("keep under monitoring", e.g. a non-validated signal to be
 * looked at again with more data, IX.B.3.1) can be decided at any step and leads back into the process.
 * <table>
 * <caption>Allowed moves (row: the signal's latest state; none: never reviewed)</caption>
 * <tr><th>from</th><th>to</th></tr>
 * <tr><td>none</td><td>UNDER_VALIDATION, NOT_VALIDATED, VALIDATED, MONITOR</td></tr>
 * <tr><td>UNDER_VALIDATION</td><td>NOT_VALIDATED, VALIDATED, MONITOR</td></tr>
 * <tr><td>NOT_VALIDATED</td><td>UNDER_VALIDATION, VALIDATED, MONITOR, NOT_VALIDATED (re-reviewed, kept)</td></tr>
 * <tr><td>VALIDATED</td><td>UNDER_ASSESSMENT, MONITOR</td></tr>
 * <tr><td>UNDER_ASSESSMENT</td><td>CONFIRMED, REFUTED, MONITOR</td></tr>
 * <tr><td>CONFIRMED</td><td>UNDER_ASSESSMENT (re-assessed on new evidence)</td></tr>
 * <tr><td>REFUTED</td><td>UNDER_ASSESSMENT, MONITOR, REFUTED (re-reviewed, kept)</td></tr>
 * <tr><td>MONITOR</td><td>UNDER_VALIDATION, NOT_VALIDATED, VALIDATED, UNDER_ASSESSMENT, MONITOR (new
 * condition)</td></tr>
 * </table>
 * A state kept (NOT_VALIDATED, REFUTED, MONITOR to itself) is the decision that answers a signal flagged for review
 * again ({@link NeedsReview}): it records the newer evidence the state stands on. A step still in progress
 * (UNDER_VALIDATION, UNDER_ASSESSMENT) or a conclusion (VALIDATED, CONFIRMED) set again would record nothing new.
 */
public final class Transitions {

    private static final Map<ReviewState, Set<ReviewState>> ALLOWED = Map.of(
            UNDER_VALIDATION, EnumSet.of(NOT_VALIDATED, VALIDATED, MONITOR),
            NOT_VALIDATED, EnumSet.of(UNDER_VALIDATION, VALIDATED, MONITOR, NOT_VALIDATED),
            VALIDATED, EnumSet.of(UNDER_ASSESSMENT, MONITOR),
            UNDER_ASSESSMENT, EnumSet.of(CONFIRMED, REFUTED, MONITOR),
            CONFIRMED, EnumSet.of(UNDER_ASSESSMENT),
            REFUTED, EnumSet.of(UNDER_ASSESSMENT, MONITOR, REFUTED),
            MONITOR, EnumSet.of(UNDER_VALIDATION, NOT_VALIDATED, VALIDATED, UNDER_ASSESSMENT, MONITOR));

    private static final Set<ReviewState> FIRST = EnumSet.of(UNDER_VALIDATION, NOT_VALIDATED, VALIDATED, MONITOR);

    private Transitions() {
    }

    /** Whether a signal may move from {@code from} (null: never reviewed) to {@code to}. */
    public static boolean allowed(ReviewState from, ReviewState to) {
        return refusal(from, to).isEmpty();
    }

    /** Why a move is refused, in the reviewer's words; empty when it is allowed. */
    public static Optional<String> refusal(ReviewState from, ReviewState to) {
        if (from == null ? FIRST.contains(to) : ALLOWED.get(from).contains(to)) {
            return Optional.empty();
        }
        String why;
        if (from == to) {
            why = "it is " + from + " already; a decision records a change or a conclusion";
        } else if (to == CONFIRMED || to == REFUTED) {
            why = "a signal is confirmed or refuted by an assessment: set UNDER_ASSESSMENT first";
        } else if (to == UNDER_ASSESSMENT) {
            why = "a signal is assessed once validated: set VALIDATED first";
        } else if (from == CONFIRMED) {
            why = "a confirmed signal is re-opened by assessing it again: set UNDER_ASSESSMENT";
        } else if (from == VALIDATED || from == UNDER_ASSESSMENT || from == REFUTED) {
            why = "validation is over for a " + from + " signal; assess it (UNDER_ASSESSMENT) or MONITOR it";
        } else {
            why = "GVP Module IX has no such step";
        }
        return Optional.of("a signal cannot go from " + (from == null ? "never reviewed" : from) + " to " + to
                + ": " + why);
    }

    /** @throws RefusedDecisionException when the move is not allowed */
    public static void check(ReviewState from, ReviewState to) {
        refusal(from, to).ifPresent(why -> {
            throw new RefusedDecisionException(why);
        });
    }
}
