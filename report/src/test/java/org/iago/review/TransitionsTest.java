package org.iago.review;

import static org.iago.review.ReviewState.CONFIRMED;
import static org.iago.review.ReviewState.MONITOR;
import static org.iago.review.ReviewState.NOT_VALIDATED;
import static org.iago.review.ReviewState.REFUTED;
import static org.iago.review.ReviewState.UNDER_ASSESSMENT;
import static org.iago.review.ReviewState.UNDER_VALIDATION;
import static org.iago.review.ReviewState.VALIDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void theProcessOfModuleIxRunsThrough() {
        ReviewState[] path = {UNDER_VALIDATION, VALIDATED, UNDER_ASSESSMENT, CONFIRMED};
        ReviewState from = null;
        for (ReviewState to : path) {
            assertTrue(Transitions.allowed(from, to), from + " -> " + to);
            from = to;
        }
        assertTrue(Transitions.allowed(null, NOT_VALIDATED));
        assertTrue(Transitions.allowed(UNDER_ASSESSMENT, REFUTED));
    }

    @Test
    void aSignalIsConfirmedOrRefutedOnlyByAnAssessment() {
        for (ReviewState from : new ReviewState[] {null, UNDER_VALIDATION, VALIDATED, NOT_VALIDATED, MONITOR}) {
            String why = Transitions.refusal(from, CONFIRMED).orElseThrow();
            assertTrue(why.contains("set UNDER_ASSESSMENT first"), why);
            assertFalse(Transitions.allowed(from, REFUTED), from + " -> REFUTED");
        }
    }

    @Test
    void aSignalIsAssessedOnlyOnceValidated() {
        assertEquals("a signal cannot go from never reviewed to UNDER_ASSESSMENT: a signal is assessed once"
                + " validated: set VALIDATED first", Transitions.refusal(null, UNDER_ASSESSMENT).orElseThrow());
        assertFalse(Transitions.allowed(UNDER_VALIDATION, UNDER_ASSESSMENT));
        assertFalse(Transitions.allowed(NOT_VALIDATED, UNDER_ASSESSMENT));
    }

    @Test
    void aConclusionMayBeKeptOnReReviewButNoStepInProgressIsSetTwice() {
        assertTrue(Transitions.allowed(REFUTED, REFUTED));
        assertTrue(Transitions.allowed(NOT_VALIDATED, NOT_VALIDATED));
        assertTrue(Transitions.allowed(MONITOR, MONITOR));
        for (ReviewState s : new ReviewState[] {UNDER_VALIDATION, VALIDATED, UNDER_ASSESSMENT, CONFIRMED}) {
            assertTrue(Transitions.refusal(s, s).orElseThrow().contains("it is " + s + " already"), s.name());
        }
    }

    @Test
    void reOpeningGoesBackToAssessment() {
        assertTrue(Transitions.allowed(CONFIRMED, UNDER_ASSESSMENT));
        assertTrue(Transitions.allowed(REFUTED, UNDER_ASSESSMENT));
        assertFalse(Transitions.allowed(CONFIRMED, MONITOR));
        assertFalse(Transitions.allowed(REFUTED, NOT_VALIDATED));
        assertFalse(Transitions.allowed(VALIDATED, NOT_VALIDATED));
    }

    @Test
    void monitoringLeadsBackIntoTheProcess() {
        for (ReviewState s : ReviewState.values()) {
            boolean intoMonitor = Transitions.allowed(s, MONITOR);
            assertEquals(s != CONFIRMED, intoMonitor, s + " -> MONITOR");
        }
        assertTrue(Transitions.allowed(MONITOR, UNDER_ASSESSMENT));
        assertTrue(Transitions.allowed(MONITOR, NOT_VALIDATED));
    }

    @Test
    void aRefusedMoveThrowsWithItsReason() {
        RefusedDecisionException e = assertThrows(RefusedDecisionException.class,
                () -> Transitions.check(VALIDATED, CONFIRMED));
        assertEquals("a signal cannot go from VALIDATED to CONFIRMED: a signal is confirmed or refuted by an"
                + " assessment: set UNDER_ASSESSMENT first", e.getMessage());
    }
}
