package org.iago.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iago.review.NeedsReview.Reason;
import org.junit.jupiter.api.Test;

class NeedsReviewTest {

    private static final SignalKey SIGNAL = new SignalKey("target", "CD19", "Neurotoxicity");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /** EB05 grown by 1.25: the status step's rule, reduced to one method for these tests. */
    private final NeedsReview rules = new NeedsReview(3, (then, now) ->
            now.lower("ebgm") >= 1.25 * then.lower("ebgm") ? List.of("ebgm") : List.of());

    private static Evidence seen(long reports, double eb05) {
        return new Evidence(1L, reports, 1.0, Map.of("ebgm", new Evidence.Bound(eb05, eb05 >= 2)));
    }

    private static Optional<Decision> decided(ReviewState state, Evidence evidence, MonitorCondition monitor) {
        return Optional.of(new Decision(1, SIGNAL, 1, state, "why", "ana", Instant.EPOCH, evidence, monitor));
    }

    private Optional<Reason> reason(Optional<Decision> latest, Evidence now) {
        return rules.of(latest, now, TODAY).map(NeedsReview.Verdict::reason);
    }

    @Test
    void aSignalNeverReviewedNeedsReview() {
        assertEquals(Optional.of(Reason.NEVER_REVIEWED), reason(Optional.empty(), seen(5, 2.5)));
    }

    @Test
    void monitorComesBackWhenItsReportsAreThere() {
        Optional<Decision> d = decided(ReviewState.MONITOR, seen(10, 2.0), new MonitorCondition(5, null, null, null));
        assertEquals(Optional.empty(), reason(d, seen(14, 2.0)));
        assertEquals(Optional.of(Reason.MONITOR_REPORTS), reason(d, seen(15, 2.0)));
    }

    @Test
    void monitorComesBackWhenItsLowerBoundIsReached() {
        Optional<Decision> d = decided(ReviewState.MONITOR, seen(10, 1.5),
                new MonitorCondition(null, 2.0, "ebgm", null));
        assertEquals(Optional.empty(), reason(d, seen(10, 1.99)));
        assertEquals(Optional.of(Reason.MONITOR_LOWER), reason(d, seen(10, 2.0)));
        assertEquals(Optional.empty(), reason(d, Evidence.NONE), "a pair gone from the run has no bound");
    }

    @Test
    void monitorComesBackOnItsDay() {
        Optional<Decision> d = decided(ReviewState.MONITOR, seen(10, 1.5),
                new MonitorCondition(null, null, null, TODAY.plusDays(1)));
        assertEquals(Optional.empty(), reason(d, seen(10, 1.5)));
        assertEquals(Optional.of(Reason.MONITOR_DATE), rules.of(d, seen(10, 1.5), TODAY.plusDays(1))
                .map(NeedsReview.Verdict::reason));
    }

    @Test
    void aRefutedSignalComesBackWhenItStrengthens() {
        Optional<Decision> d = decided(ReviewState.REFUTED, seen(10, 2.0), null);
        assertEquals(Optional.empty(), reason(d, seen(11, 2.4)));
        NeedsReview.Verdict v = rules.of(d, seen(11, 2.5), TODAY).orElseThrow();
        assertEquals(Reason.STRENGTHENED, v.reason());
        assertTrue(v.detail().contains("ebgm"), v.detail());
    }

    @Test
    void aNotValidatedSignalComesBackWithEnoughNewReports() {
        Optional<Decision> d = decided(ReviewState.NOT_VALIDATED, seen(10, 2.0), null);
        assertEquals(Optional.empty(), reason(d, seen(12, 2.0)));
        assertEquals(Optional.of(Reason.NEW_REPORTS), reason(d, seen(13, 2.0)));
        assertEquals(Optional.of(Reason.NEW_REPORTS), new NeedsReview(1, (a, b) -> List.of())
                .of(d, seen(11, 2.0), TODAY).map(NeedsReview.Verdict::reason), "N is configurable");
    }

    @Test
    void otherStatesAreNotQueuedAgain() {
        for (ReviewState s : new ReviewState[] {ReviewState.UNDER_VALIDATION, ReviewState.VALIDATED,
                ReviewState.UNDER_ASSESSMENT, ReviewState.CONFIRMED}) {
            assertEquals(Optional.empty(), reason(decided(s, seen(10, 2.0), null), seen(100, 9.0)), s.name());
        }
    }

    @Test
    void unknownCountsBringNothingBack() {
        Optional<Decision> d = decided(ReviewState.REFUTED, Evidence.NONE, null);
        assertEquals(Optional.empty(), new NeedsReview(3, (a, b) -> List.of()).of(d, seen(100, 9.0), TODAY));
    }
}
