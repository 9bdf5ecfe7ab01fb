package org.iago.stats.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.iago.stats.agreement.CohensKappa.Estimate;
import org.iago.stats.agreement.CohensKappa.Result;
import org.iago.stats.agreement.CohensKappa.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CohensKappaTest {

    private final CohensKappa kappa = CohensKappa.withDefaults();

    static List<AgreementReference.Row> rRows() {
        return AgreementReference.expected();
    }

    /**
     * R 4.2.2, vcd 1.4-11: Kappa(x, weights = "Equal-Spacing" | "Fleiss-Cohen") — value and ASE — and
     * confint(., level = 0.95); p_o and p_e in base R (kappa_reference.csv). Relative tolerance 1e-9, with an
     * absolute floor of 1e-14 for the kappas of the independence table, which are 0 up to rounding in both.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rRows")
    void matchesVcdKappaOfR(AgreementReference.Row row) {
        Result result = kappa.compute(AgreementReference.table(row.text("table")));
        Estimate e = result.estimate(switch (row.text("weights")) {
            case "none" -> Weighting.UNWEIGHTED;
            case "linear" -> Weighting.LINEAR;
            case "quadratic" -> Weighting.QUADRATIC;
            default -> throw new IllegalArgumentException(row.text("weights"));
        });
        assertEquals((long) row.value("subjects"), result.subjects());
        assertEquals((int) row.value("categories"), result.categories());
        assertClose(row.value("observed"), e.observedAgreement(), "observed agreement");
        assertClose(row.value("expected"), e.expectedAgreement(), "expected agreement");
        assertClose(row.value("kappa"), e.kappa(), "kappa");
        assertClose(row.value("se"), e.standardError(), "standard error");
        assertClose(row.value("lower"), e.lower(), "lower");
        assertClose(row.value("upper"), e.upper(), "upper");
        assertEquals(Optional.empty(), e.undefinedReason());
    }

    /**
     * 2 × 2 by hand: p = (.4 .1 / .2 .3), p_o = .7, p_e = .5·.6 + .5·.4 = .5, κ = .4. Fleiss–Cohen–Everitt:
     * diagonal .4(1 − 1.1·.6)² + .3(1 − .9·.6)² = .04624 + .06348; off-diagonal .6²(.1·1.1² + .2·.9²) = .10188;
     * minus (.4 − .5·.6)² = .01; total .2016 / (50·.5²) = .016128.
     */
    @Test
    void twoByTwoByHand() {
        Estimate e = kappa.compute(new long[][] {{20, 5}, {10, 15}}).unweighted();
        assertEquals(0.7, e.observedAgreement(), 1e-15);
        assertEquals(0.5, e.expectedAgreement(), 1e-15);
        assertEquals(0.4, e.kappa(), 1e-15);
        assertEquals(Math.sqrt(0.016128), e.standardError(), 1e-15);
        assertEquals(0.4 - 1.959963984540054 * Math.sqrt(0.016128), e.lower(), 1e-12);
        assertEquals(0.4 + 1.959963984540054 * Math.sqrt(0.016128), e.upper(), 1e-12);
    }

    @Test
    void withTwoCategoriesEveryWeightingIsCohensKappa() {
        Result r = kappa.compute(new long[][] {{20, 5}, {10, 15}});
        assertEquals(r.unweighted(), r.linear());
        assertEquals(r.unweighted(), r.quadratic());
    }

    @Test
    void perfectAgreementIsOneWithNoErrorExactly() {
        Result r = kappa.compute(new long[][] {{7, 0, 0}, {0, 2, 0}, {0, 0, 11}});
        for (Weighting w : Weighting.values()) {
            Estimate e = r.estimate(w);
            assertEquals(1, e.observedAgreement(), w.name());
            assertEquals(1, e.kappa(), w.name());
            assertEquals(0, e.standardError(), w.name());
            assertEquals(1, e.lower(), w.name());
            assertEquals(1, e.upper(), w.name());
        }
    }

    /** Cells equal to the products of the margins (.5, .3, .2) × (.4, .4, .2): agreement by chance only. */
    @Test
    void noAgreementBeyondChanceIsZero() {
        Result r = kappa.compute(new long[][] {{20, 20, 10}, {12, 12, 6}, {8, 8, 4}});
        for (Weighting w : Weighting.values()) {
            Estimate e = r.estimate(w);
            assertEquals(e.expectedAgreement(), e.observedAgreement(), 1e-15, w.name());
            assertEquals(0, e.kappa(), 1e-15, w.name());
            assertTrue(e.standardError() > 0, w.name());
            assertEquals(-e.upper(), e.lower(), 1e-14, w.name());
        }
    }

    /**
     * A grade neither rating used: at the end of the scale it changes nothing (the weighted kappas are invariant to
     * rescaling the disagreement weights); between used grades it leaves Cohen's kappa as it is but moves the
     * weighted kappas, because it widens the distance between its neighbours.
     */
    @Test
    void categoryNeverUsedMattersOnlyToWeightedKappaAndOnlyInside() {
        Result endUnused = kappa.compute(AgreementReference.table("icans_astct"));     // grade 5 never used
        Result endDropped = kappa.compute(without(AgreementReference.table("icans_astct"), 5));
        for (Weighting w : Weighting.values()) {
            assertEquals(endDropped.estimate(w).kappa(), endUnused.estimate(w).kappa(), 1e-14, w.name());
            assertEquals(endDropped.estimate(w).standardError(), endUnused.estimate(w).standardError(), 1e-14,
                    w.name());
        }

        Result gap = kappa.compute(AgreementReference.table("interior_gap"));           // grade 2 never used
        Result closed = kappa.compute(without(AgreementReference.table("interior_gap"), 2));
        assertEquals(closed.unweighted().kappa(), gap.unweighted().kappa(), 1e-15);
        assertEquals(closed.unweighted().standardError(), gap.unweighted().standardError(), 1e-15);
        assertNotEquals(closed.linear().kappa(), gap.linear().kappa(), 1e-3);
        assertNotEquals(closed.quadratic().kappa(), gap.quadratic().kappa(), 1e-3);
    }

    @Test
    void emptyTableIsUndefined() {
        Result r = kappa.compute(new long[3][3]);
        assertEquals(0, r.subjects());
        for (Weighting w : Weighting.values()) {
            Estimate e = r.estimate(w);
            assertTrue(Double.isNaN(e.kappa()) && Double.isNaN(e.standardError()) && Double.isNaN(e.lower())
                    && Double.isNaN(e.upper()) && Double.isNaN(e.observedAgreement()), w.name());
            assertEquals(Optional.of("empty table: no subjects"), e.undefinedReason());
        }
    }

    /** p_e = 1: everybody in grade 2 by both ratings, so kappa is 0/0 whatever the weights. */
    @Test
    void oneCategoryUsedByBothIsUndefined() {
        for (long[][] table : new long[][][] {{{0, 0, 0}, {0, 9, 0}, {0, 0, 0}}, {{9}}}) {
            Result r = kappa.compute(table);
            for (Weighting w : Weighting.values()) {
                Estimate e = r.estimate(w);
                assertEquals(1, e.observedAgreement());
                assertEquals(1, e.expectedAgreement());
                assertTrue(Double.isNaN(e.kappa()) && Double.isNaN(e.standardError()), w.name());
                assertTrue(e.undefinedReason().orElseThrow().startsWith("expected agreement is 1"), w.name());
            }
        }
    }

    /** One rating constant, the other not: p_e < 1, kappa is 0 (p_o = p_e = share of the constant's category). */
    @Test
    void oneRatingConstantIsZero() {
        Estimate e = kappa.compute(new long[][] {{0, 0}, {4, 6}}).unweighted();
        assertEquals(0.6, e.observedAgreement(), 1e-15);
        assertEquals(0, e.kappa(), 1e-15);
    }

    @Test
    void transposingTheTableChangesNothing() {
        long[][] table = AgreementReference.table("crs_astct");
        long[][] transposed = new long[table.length][table.length];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table.length; j++) {
                transposed[j][i] = table[i][j];
            }
        }
        Result r = kappa.compute(table);
        Result t = kappa.compute(transposed);
        for (Weighting w : Weighting.values()) {
            assertEquals(r.estimate(w).kappa(), t.estimate(w).kappa(), 1e-15, w.name());
            assertEquals(r.estimate(w).standardError(), t.estimate(w).standardError(), 1e-15, w.name());
        }
    }

    @Test
    void confidenceLevelSetsTheWidth() {
        long[][] table = AgreementReference.table("crs_astct");
        Estimate e = kappa.withConfidenceLevel(0.90).compute(table).quadratic();
        assertEquals(e.kappa() - 1.6448536269514722 * e.standardError(), e.lower(), 1e-14);
        assertEquals(e.kappa() + 1.6448536269514722 * e.standardError(), e.upper(), 1e-14);
        assertEquals(kappa.compute(table).quadratic().standardError(), e.standardError());
    }

    @Test
    void rejectsInvalidTables() {
        assertThrows(IllegalArgumentException.class, () -> kappa.compute(new long[0][0]));
        assertThrows(IllegalArgumentException.class, () -> kappa.compute(new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> kappa.compute(new long[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThrows(IllegalArgumentException.class, () -> kappa.compute(new long[][] {{1, -1}, {0, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> kappa.compute(new long[][] {{Long.MAX_VALUE, 1}, {0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> kappa.withConfidenceLevel(1));
        assertThrows(IllegalArgumentException.class, () -> kappa.withConfidenceLevel(Double.NaN));
    }

    private static long[][] without(long[][] table, int category) {
        int k = table.length;
        long[][] smaller = new long[k - 1][k - 1];
        for (int i = 0, r = 0; i < k; i++) {
            if (i == category) {
                continue;
            }
            for (int j = 0, c = 0; j < k; j++) {
                if (j != category) {
                    smaller[r][c++] = table[i][j];
                }
            }
            r++;
        }
        return smaller;
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-9 * Math.abs(expected) + 1e-14;
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual + " (difference "
                    + (actual - expected) + ", tolerance " + tolerance + ")");
        }
    }
}
