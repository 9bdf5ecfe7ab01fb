package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The priority score's equations on values checked by hand: each expected number is worked out in the comment above
 * it from the class's equations (1)–(6), with powers of two so that the logarithms are exact.
 */
class SignalPriorityTest {

    private static final double EXACT = 1e-12;
    private final SignalPriority priority = SignalPriority.withDefaults();

    @Test
    void sumsTheFiveTerms() {
        // S = 1.5; R = log2(1 + 3) = 2; Se = 2/4 = 0.5; G = log2(2) = 1; I = 0.75; priority = 5.75
        SignalPriority.Result r = priority.score(new SignalPriority.Inputs(1.5, 9.0, 4, 3, 2, 2, 0.75));
        assertEquals(1.5, r.strength(), EXACT, "S (1): the IC025, the EB05 ignored");
        assertEquals(2.0, r.recency(), EXACT, "R (2)");
        assertEquals(0.5, r.seriousness(), EXACT, "Se (3)");
        assertEquals(1.0, r.spread(), EXACT, "G (4)");
        assertEquals(0.75, r.completeness(), EXACT, "I (5)");
        assertEquals(5.75, r.priority(), EXACT, "priority (6)");
    }

    @Test
    void takesTheLog2OfTheEb05WhenTheIc025IsUnknown() {
        // S = log2(8) = 3; R = log2(1 + 7) = 3; Se = 8/8 = 1; G = log2(4) = 2; I = 0.5; priority = 9.5
        SignalPriority.Result r = priority.score(new SignalPriority.Inputs(Double.NaN, 8.0, 8, 7, 8, 4, 0.5));
        assertEquals(3.0, r.strength(), EXACT, "S (1) from log2 EB05");
        assertEquals(9.5, r.priority(), EXACT, "priority (6)");
    }

    @Test
    void noDisproportionalityAddsNothingRatherThanSubtracting() {
        // IC025 = -2 gives S = 0; EB05 = 0.5 (log2 = -1) also gives S = 0; R = log2(1) = 0; one country: G = 0
        assertEquals(0.0, priority.score(new SignalPriority.Inputs(-2.0, 16.0, 1, 0, 0, 1, 0.0)).strength(), EXACT);
        SignalPriority.Result r = priority.score(new SignalPriority.Inputs(Double.NaN, 0.5, 1, 0, 1, 1, 1.0));
        assertEquals(0.0, r.strength(), EXACT);
        assertEquals(0.0, r.recency(), EXACT);
        assertEquals(0.0, r.spread(), EXACT);
        // Se = 1, I = 1
        assertEquals(2.0, r.priority(), EXACT);
    }

    @Test
    void unknownsCountAsZero() {
        // no bound, no report, no country, no completeness: every term 0
        SignalPriority.Result r = priority.score(new SignalPriority.Inputs(Double.NaN, Double.NaN, 0, 0, 0, 0,
                Double.NaN));
        assertEquals(0.0, r.priority(), EXACT, r::toString);
        assertEquals(0.0, r.seriousness(), EXACT, "0 of 0 reports serious: 0, not NaN");
    }

    @Test
    void moreOfAnyAspectRanksHigher() {
        SignalPriority.Inputs base = new SignalPriority.Inputs(1.0, Double.NaN, 10, 2, 3, 2, 0.5);
        double p = priority.score(base).priority();
        assertTrue(priority.score(new SignalPriority.Inputs(1.2, Double.NaN, 10, 2, 3, 2, 0.5)).priority() > p);
        assertTrue(priority.score(new SignalPriority.Inputs(1.0, Double.NaN, 10, 3, 3, 2, 0.5)).priority() > p);
        assertTrue(priority.score(new SignalPriority.Inputs(1.0, Double.NaN, 10, 2, 4, 2, 0.5)).priority() > p);
        assertTrue(priority.score(new SignalPriority.Inputs(1.0, Double.NaN, 10, 2, 3, 3, 0.5)).priority() > p);
        assertTrue(priority.score(new SignalPriority.Inputs(1.0, Double.NaN, 10, 2, 3, 2, 0.6)).priority() > p);
    }

    @Test
    void refusesInputsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new SignalPriority.Inputs(1, 1, -1, 0, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalPriority.Inputs(1, 1, 2, 3, 0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalPriority.Inputs(1, 1, 2, 0, 3, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalPriority.Inputs(1, 1, 2, 0, 0, 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SignalPriority.Inputs(1, 1, 2, 0, 0, -1, 0.5));
    }
}
