package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.iago.stats.LikelihoodRatioTest.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LikelihoodRatioTestTest {

    private static final Statin46 STATIN46 = Statin46.load();

    /**
     * pvLRT 0.5.1, statin46 (reference/statistics.md): the Poisson LRT of Myalgia × Atorvastatin, n = 5362, has
     * logLR 8026.5382, and Huang et al.'s MLR for Atorvastatin is 8087.487, both at Myalgia.
     *
     * <p>The Poisson form n ln(n/E) − (n − E) gives 8026.5382. Huang's form adds the term
     * (n.j − n) ln[(n.j − n)/(n.j − E)] for Atorvastatin's counts of all other events, about
     * (n − E)²/[2(n.j − E)] = 60.95 here, and gives 8087.487; each form is more than 60 away from the other value.
     * Tolerance 1e-3 absolute: the references are printed to 7 and 8 significant digits.
     */
    @Test
    void reproducesPvlrtAndHuangOnStatin46() {
        long[] atorvastatin = STATIN46.drugColumn("Atorvastatin");
        int myalgia = STATIN46.event("Myalgia");
        assertEquals(63_976_610, STATIN46.total());
        assertEquals(5362, atorvastatin[myalgia]);

        LikelihoodRatioTest.Result poisson = test(Form.POISSON, 99).test(
                STATIN46.eventTotals(), atorvastatin, STATIN46.total());
        assertEquals(8026.5382, poisson.logLikelihoodRatios()[myalgia], 1e-3, "pvLRT Poisson logLR");
        assertEquals(myalgia, poisson.eventOfMaximum());

        LikelihoodRatioTest.Result huang = test(Form.HUANG_2011, 99).test(
                STATIN46.eventTotals(), atorvastatin, STATIN46.total());
        assertEquals(8087.487, huang.maximumLogLikelihoodRatio(), 1e-3, "Huang 2011 MLR");
        assertEquals(myalgia, huang.eventOfMaximum());

        assertEquals(60.95, huang.maximumLogLikelihoodRatio() - poisson.maximumLogLikelihoodRatio(), 0.01);
    }

    /**
     * Every event is tested against the same simulated MLRs: the event of the maximum gets the drug's p-value, a larger
     * logLR never gets a larger p-value, and an event at or below its expectation gets 1.
     */
    @Test
    void eventPValuesShareTheDrugsSimulations() {
        for (String drug : STATIN46.drugs) {
            LikelihoodRatioTest.Result r = test(Form.POISSON, 199).test(STATIN46.eventTotals(),
                    STATIN46.drugColumn(drug), STATIN46.total());
            double[] llr = r.logLikelihoodRatios();
            double[] p = r.eventPValues();
            if (r.eventOfMaximum() >= 0) {
                assertEquals(r.pValue(), p[r.eventOfMaximum()], drug);
            }
            for (int i = 0; i < llr.length; i++) {
                assertTrue(p[i] >= 1.0 / 200 && p[i] <= 1.0, drug);
                if (llr[i] == 0) {
                    assertEquals(1.0, p[i], drug);
                }
                for (int j = 0; j < llr.length; j++) {
                    if (llr[i] > llr[j]) {
                        assertTrue(p[i] <= p[j], drug + ": p must not grow with the logLR");
                    }
                }
            }
        }
    }

    /**
     * The closed forms used by the class equal the textbook expressions of reference/statistics.md for every
     * cell of statin46: Huang's n ln p + (n.j − n) ln q − n.j ln(n.j/n..) when p &gt; q, and pvLRT's
     * n ln λ̂ − (λ̂ − 1)E.
     */
    @Test
    void closedFormsEqualTheTextbookExpressions() {
        long[] eventTotals = STATIN46.eventTotals();
        long total = STATIN46.total();
        for (String drug : STATIN46.drugs) {
            long[] counts = STATIN46.drugColumn(drug);
            long drugTotal = Arrays.stream(counts).sum();
            double[] huang = test(Form.HUANG_2011, 1).test(eventTotals, counts, total).logLikelihoodRatios();
            double[] poisson = test(Form.POISSON, 1).test(eventTotals, counts, total).logLikelihoodRatios();
            for (int i = 0; i < counts.length; i++) {
                String cell = STATIN46.events.get(i) + " x " + drug;
                double expectedHuang = huangTextbook(counts[i], eventTotals[i], drugTotal, total);
                double expectedPoisson = poissonTextbook(counts[i], (double) eventTotals[i] * drugTotal / total);
                // the textbook form of Huang cancels terms of size n.j ln n..: compare to 1e-9 of that size
                assertEquals(expectedHuang, huang[i], 1e-9 * Math.max(drugTotal * 18.0, 1), cell);
                assertEquals(expectedPoisson, poisson[i], 1e-9 * Math.max(expectedPoisson, 1), cell);
            }
        }
    }

    @Test
    void isDeterministicForASeed() {
        LikelihoodRatioTest lrt = LikelihoodRatioTest.withDefaults().withSimulations(199).withSeed(42);
        long[] fluvastatin = STATIN46.drugColumn("Fluvastatin");
        LikelihoodRatioTest.Result first = lrt.test(STATIN46.eventTotals(), fluvastatin, STATIN46.total());
        LikelihoodRatioTest.Result second = lrt.test(STATIN46.eventTotals(), fluvastatin, STATIN46.total());
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void aStronglyAssociatedDrugGetsTheSmallestPossiblePValue() {
        LikelihoodRatioTest.Result result = LikelihoodRatioTest.withDefaults().test(
                STATIN46.eventTotals(), STATIN46.drugColumn("Atorvastatin"), STATIN46.total());
        assertEquals(999, result.simulations());
        assertEquals(1.0 / 1000, result.pValue());
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void aDrugReportedAsExpectedGetsPValueOne(Form form) {
        // every cell equals its expectation n_i. n.j / n..: no event above expectation
        long[] eventTotals = {1000, 2000, 3000, 4000};
        long[] drugCounts = {100, 200, 300, 400};
        LikelihoodRatioTest.Result result = test(form, 999).test(eventTotals, drugCounts, 10_000);
        assertEquals(0, result.maximumLogLikelihoodRatio());
        assertEquals(-1, result.eventOfMaximum());
        assertEquals(1, result.pValue());
    }

    @Test
    void aDrugDrawnFromTheNullGetsALargePValue() {
        // Pravastatin's 22,977 counts redrawn under the null with Commons Math's own binomial sampler
        long[] eventTotals = STATIN46.eventTotals();
        long[] nullDrug = nullDrug(eventTotals, 22_977, 7);
        LikelihoodRatioTest.Result result = LikelihoodRatioTest.withDefaults().test(
                eventTotals, nullDrug, STATIN46.total());
        assertTrue(result.pValue() > 0.05, result.toString());
    }

    /**
     * Under the null the Monte Carlo p-value is uniform: of 200 drugs with 2,000 counts drawn with Commons Math's
     * binomial sampler (independent of the class's own), about 10 should have p ≤ 0.05. The bounds 2 and 20 hold
     * with probability above 0.99 for Binomial(200, 0.05); the seeds are fixed, so the test is deterministic.
     */
    @Test
    void pValuesAreUniformUnderTheNull() {
        double[] pValues = nullPValues(2_000);
        long significant = Arrays.stream(pValues).filter(p -> p <= 0.05).count();
        assertTrue(significant >= 2 && significant <= 20, significant + " of 200 with p <= 0.05");
        assertEquals(0.5, Arrays.stream(pValues).average().orElseThrow(), 0.07, "mean p-value");
    }

    /**
     * A drug with 20 counts over 47 events is drawn count by count, and its MLR takes few values: the p-value is
     * then conservative, P(p ≤ 0.05) ≤ 0.05, rather than uniform.
     */
    @Test
    void pValuesOfASparseDrugAreValidUnderTheNull() {
        double[] pValues = nullPValues(20);
        long significant = Arrays.stream(pValues).filter(p -> p <= 0.05).count();
        assertTrue(significant <= 20, significant + " of 200 with p <= 0.05");
        assertTrue(Arrays.stream(pValues).average().orElseThrow() >= 0.45, "conservative p-values");
    }

    private static double[] nullPValues(long drugTotal) {
        long[] eventTotals = STATIN46.eventTotals();
        double[] pValues = new double[200];
        for (int k = 0; k < pValues.length; k++) {
            long[] nullDrug = nullDrug(eventTotals, drugTotal, 1000 + k);
            pValues[k] = LikelihoodRatioTest.withDefaults().withSimulations(99).withSeed(k)
                    .test(eventTotals, nullDrug, STATIN46.total()).pValue();
        }
        return pValues;
    }

    /**
     * Against the exact p-value, summed over every table of the multinomial null: ten events with totals 30, 20,
     * 15, 10, 8, 7, 5, 3, 1, 1. A drug total of 4 (fewer than half the events) is drawn count by count, one of 12
     * by conditional binomials. With R = 20,000 the Monte Carlo p-value lies within 4 standard errors of the exact
     * one.
     */
    @ParameterizedTest(name = "drug counts {0}")
    @ValueSource(strings = {
        "1,1,1,1,0,0,0,0,0,0", "0,0,0,0,2,0,1,0,0,1", "2,0,0,0,0,0,0,1,0,1",
        "4,2,2,1,1,1,1,0,0,0", "3,2,1,1,1,1,0,2,1,0", "6,3,2,1,0,0,0,0,0,0",
    })
    void agreesWithTheExactPValue(String cells) {
        long[] eventTotals = {30, 20, 15, 10, 8, 7, 5, 3, 1, 1};
        long[] drugCounts = Arrays.stream(cells.split(",")).mapToLong(Long::parseLong).toArray();
        for (Form form : Form.values()) {
            int replicates = 20_000;
            LikelihoodRatioTest.Result result = test(form, replicates).test(eventTotals, drugCounts, 100);
            double exact = exactPValue(form, eventTotals, drugCounts, 100);
            double standardError = Math.sqrt(exact * (1 - exact) / replicates);
            assertEquals(exact, result.pValue(), 4 * standardError + 1.0 / replicates, form + " " + cells);
        }
    }

    /**
     * As {@link #agreesWithTheExactPValue}, three events with totals 50, 30 and 20: drug totals 9 and 12 (placed
     * count by count and scanned by count value), 50 and 60 (at least 16 counts per event: drawn by conditional
     * binomials and scanned by event).
     */
    @ParameterizedTest(name = "drug counts {0}")
    @ValueSource(strings = {"6,2,1", "2,2,5", "4,4,4", "3,1,8", "26,14,10", "34,16,10", "28,14,18", "40,12,8"})
    void agreesWithTheExactPValueWhenDrawnByConditionalBinomials(String cells) {
        long[] eventTotals = {50, 30, 20};
        long[] drugCounts = Arrays.stream(cells.split(",")).mapToLong(Long::parseLong).toArray();
        for (Form form : Form.values()) {
            int replicates = 20_000;
            LikelihoodRatioTest.Result result = test(form, replicates).test(eventTotals, drugCounts, 100);
            double exact = exactPValue(form, eventTotals, drugCounts, 100);
            double standardError = Math.sqrt(exact * (1 - exact) / replicates);
            assertEquals(exact, result.pValue(), 4 * standardError + 1.0 / replicates, form + " " + cells);
        }
    }

    /**
     * A drug given by its events with a count gets, for those events, the logLRs and p-values of its full column, and
     * its maximum at its position among them.
     */
    @Test
    void aSparseColumnGetsTheResultsOfTheFullColumn() {
        long[] eventTotals = STATIN46.eventTotals();
        long total = STATIN46.total();
        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(eventTotals, total);
        LikelihoodRatioTest lrt = test(Form.POISSON, 199).withSeed(3);
        for (long[] column : new long[][] {STATIN46.drugColumn("Fluvastatin"), nullDrug(eventTotals, 30, 4)}) {
            int[] events = java.util.stream.IntStream.range(0, column.length).filter(i -> column[i] > 0).toArray();
            long[] counts = Arrays.stream(events).mapToLong(i -> column[i]).toArray();
            long drugTotal = Arrays.stream(column).sum();
            double cap = lrt.maximumLogLikelihoodRatio(table, events, counts);
            assertEquals(lrt.maximumLogLikelihoodRatio(eventTotals, column, total), cap);
            LikelihoodRatioTest.Result full = lrt.test(eventTotals, column, total,
                    lrt.simulateNull(eventTotals, drugTotal, total, cap));
            LikelihoodRatioTest.Result sparse = lrt.test(table, events, counts, lrt.simulateNull(table, drugTotal, cap));
            for (int k = 0; k < events.length; k++) {
                assertEquals(full.logLikelihoodRatios()[events[k]], sparse.logLikelihoodRatios()[k]);
                assertEquals(full.eventPValues()[events[k]], sparse.eventPValues()[k]);
            }
            assertEquals(full.pValue(), sparse.pValue());
            assertEquals(full.eventOfMaximum(), events[sparse.eventOfMaximum()]);
        }
    }

    @Test
    void rejectsASparseColumnThatDoesNotFit() {
        LikelihoodRatioTest lrt = test(Form.POISSON, 9);
        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(new long[] {10, 20, 70}, 100);
        assertThrows(IllegalArgumentException.class,
                () -> lrt.maximumLogLikelihoodRatio(table, new int[] {2, 0}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.maximumLogLikelihoodRatio(table, new int[] {1, 1}, new long[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.maximumLogLikelihoodRatio(table, new int[] {3}, new long[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.maximumLogLikelihoodRatio(table, new int[] {0}, new long[] {11}));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.maximumLogLikelihoodRatio(table, new int[] {0, 1}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> lrt.simulateNull(table, 101, 1));
        assertThrows(IllegalArgumentException.class, () -> LikelihoodRatioTest.EventTotals.of(new long[] {10}, 11));
    }

    @Test
    void coversTheSpecialCases() {
        // an event nobody reported, and a drug whose counts all fall on one event (0 ln 0 in Huang's form)
        long[] eventTotals = {10, 0, 90};
        long[] drugCounts = {5, 0, 0};
        double expected = 10 * 5 / 100.0;
        double[] huang = test(Form.HUANG_2011, 9).test(eventTotals, drugCounts, 100).logLikelihoodRatios();
        assertArrayEquals(new double[] {5 * Math.log(5 / expected), 0, 0}, huang, 1e-12);
        double[] poisson = test(Form.POISSON, 9).test(eventTotals, drugCounts, 100).logLikelihoodRatios();
        assertArrayEquals(new double[] {5 * Math.log(5 / expected) - (5 - expected), 0, 0}, poisson, 1e-12);

        // a drug with no count
        LikelihoodRatioTest.Result none = LikelihoodRatioTest.withDefaults().test(eventTotals, new long[3], 100);
        assertEquals(0, none.maximumLogLikelihoodRatio());
        assertEquals(-1, none.eventOfMaximum());
        assertEquals(1, none.pValue());

        // a single event holding every count of the table
        LikelihoodRatioTest.Result single = LikelihoodRatioTest.withDefaults().test(new long[] {100}, new long[] {7}, 100);
        assertEquals(0, single.maximumLogLikelihoodRatio());
        assertEquals(1, single.pValue());
    }

    /**
     * Drugs with the same total share one simulation. The drug with the largest MLR, which sets the cap, gets exactly
     * the result of a test of its own (same seed, same cap). A sparse drug is drawn count by count, which never stops
     * early, so the shared replicates are its own replicates capped higher: its p-values are those of its own test.
     */
    @Test
    void drugsWithTheSameTotalShareOneSimulation() {
        long[] eventTotals = STATIN46.eventTotals();
        long total = STATIN46.total();
        long[] strong = new long[eventTotals.length];
        strong[STATIN46.event("Myalgia")] = 15;
        strong[0] = 5;
        long[] weak = nullDrug(eventTotals, 20, 2);
        LikelihoodRatioTest lrt = test(Form.POISSON, 199).withSeed(11);
        double cap = lrt.maximumLogLikelihoodRatio(eventTotals, strong, total);
        assertTrue(cap > lrt.maximumLogLikelihoodRatio(eventTotals, weak, total));
        LikelihoodRatioTest.NullMaxima shared = lrt.simulateNull(eventTotals, 20, total, cap);

        assertEquals(lrt.test(eventTotals, strong, total), lrt.test(eventTotals, strong, total, shared));
        LikelihoodRatioTest.Result own = lrt.test(eventTotals, weak, total);
        LikelihoodRatioTest.Result fromShared = lrt.test(eventTotals, weak, total, shared);
        assertEquals(own, fromShared);
        assertTrue(own.pValue() > 1.0 / 200 && own.pValue() < 1, own.toString());
    }

    /**
     * A large drug is drawn by conditional binomials to the end, only the MLR stops at the cap, so a simulation
     * shared with a drug of a larger MLR gives it exactly the p-value of its own.
     */
    @Test
    void aSharedSimulationOfALargeDrugGivesItsOwnPValue() {
        long[] eventTotals = STATIN46.eventTotals();
        long[] nullDrug = nullDrug(eventTotals, 5_000, 3);
        LikelihoodRatioTest lrt = LikelihoodRatioTest.withDefaults().withSeed(5);
        LikelihoodRatioTest.Result own = lrt.test(eventTotals, nullDrug, STATIN46.total());
        double cap = lrt.maximumLogLikelihoodRatio(eventTotals, STATIN46.drugColumn("Atorvastatin"), STATIN46.total());
        LikelihoodRatioTest.NullMaxima shared = lrt.simulateNull(eventTotals, 5_000, STATIN46.total(), cap);
        assertEquals(own, lrt.test(eventTotals, nullDrug, STATIN46.total(), shared));
        assertTrue(own.pValue() > 0.05 && own.pValue() < 1, own.toString());
    }

    /**
     * A simulation nested across drug totals gives each total draws from its own null: drugs of several totals,
     * tested against one nested simulation of R = 20,000 replicates, get their exact p-values within 4 standard errors
     * (as {@link #agreesWithTheExactPValue}). Ten events: totals 4, 9 and 12, drawn count by count and scanned by
     * count value; three events: totals 5 and 12 (count by count), then 50 and 60 (conditional binomials, scanned by
     * event). Two drugs of total 12, and two of total 60, share its simulation. The first total draws as a simulation
     * of its own.
     */
    @ParameterizedTest
    @EnumSource(Form.class)
    void aNestedSimulationGivesEachTotalItsOwnNull(Form form) {
        assertNestedAgreesWithExactPValues(form, new long[] {30, 20, 15, 10, 8, 7, 5, 3, 1, 1}, new long[][] {
            {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, {3, 1, 1, 1, 1, 0, 1, 0, 0, 1}, {4, 2, 2, 1, 1, 1, 1, 0, 0, 0},
            {6, 3, 2, 1, 0, 0, 0, 0, 0, 0}});
        assertNestedAgreesWithExactPValues(form, new long[] {50, 30, 20}, new long[][] {
            {3, 1, 1}, {4, 4, 4}, {3, 1, 8}, {26, 14, 10}, {34, 16, 10}, {28, 14, 18}});
    }

    private static void assertNestedAgreesWithExactPValues(Form form, long[] eventTotals, long[][] drugs) {
        int replicates = 20_000;
        LikelihoodRatioTest lrt = test(form, replicates);
        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(eventTotals, 100);
        TreeMap<Long, Double> caps = new TreeMap<>();
        for (long[] drug : drugs) {
            caps.merge(Arrays.stream(drug).sum(), lrt.maximumLogLikelihoodRatio(eventTotals, drug, 100), Math::max);
        }
        long[] drugTotals = caps.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] capOfTotal = caps.values().stream().mapToDouble(Double::doubleValue).toArray();
        LikelihoodRatioTest.NullMaxima[] nested = lrt.simulateNull(table, drugTotals, capOfTotal);
        for (long[] drug : drugs) {
            LikelihoodRatioTest.NullMaxima ofTotal = nested[Arrays.binarySearch(drugTotals, Arrays.stream(drug).sum())];
            double p = lrt.test(eventTotals, drug, 100, ofTotal).pValue();
            double exact = exactPValue(form, eventTotals, drug, 100);
            double standardError = Math.sqrt(exact * (1 - exact) / replicates);
            assertEquals(exact, p, 4 * standardError + 1.0 / replicates, form + " " + Arrays.toString(drug));
        }
        assertEquals(lrt.simulateNull(table, drugTotals[0], capOfTotal[0]), nested[0]);
    }

    @Test
    void rejectsASimulationThatDoesNotFit() {
        LikelihoodRatioTest lrt = test(Form.POISSON, 9);
        long[] eventTotals = {10, 90};
        LikelihoodRatioTest.NullMaxima low = lrt.simulateNull(eventTotals, 5, 100, 0.1);
        assertThrows(IllegalArgumentException.class, () -> lrt.test(eventTotals, new long[] {5, 0}, 100, low));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(eventTotals, new long[] {4, 0}, 100, low));
        assertThrows(IllegalArgumentException.class, () -> lrt.simulateNull(eventTotals, 101, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> lrt.simulateNull(eventTotals, 5, 100, -1));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.simulateNull(eventTotals, 5, 100, Double.POSITIVE_INFINITY));
        assertEquals(0, lrt.simulateNull(eventTotals, 5, 100, 0).sortedMaxima().length, "no draws for cap 0");
        LikelihoodRatioTest.EventTotals table = LikelihoodRatioTest.EventTotals.of(eventTotals, 100);
        assertThrows(IllegalArgumentException.class,
                () -> lrt.simulateNull(table, new long[] {5, 5}, new double[] {1, 1}), "totals not distinct");
        assertThrows(IllegalArgumentException.class,
                () -> lrt.simulateNull(table, new long[] {6, 5}, new double[] {1, 1}), "totals not ascending");
        assertThrows(IllegalArgumentException.class,
                () -> lrt.simulateNull(table, new long[] {5, 6}, new double[] {1}), "a cap missing");
        assertThrows(IllegalArgumentException.class,
                () -> lrt.simulateNull(table, new long[] {5, 101}, new double[] {1, 1}), "above the table total");
    }

    @Test
    void resultIsImmutable() {
        LikelihoodRatioTest.Result result = test(Form.POISSON, 9).test(new long[] {10, 90}, new long[] {5, 0}, 100);
        result.logLikelihoodRatios()[0] = -1;
        assertNotEquals(-1, result.logLikelihoodRatios()[0]);
    }

    @Test
    void rejectsInvalidTables() {
        LikelihoodRatioTest lrt = LikelihoodRatioTest.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[0], new long[0], 0));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[] {10, 90}, new long[] {1}, 100));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[] {10, 90}, new long[] {-1, 0}, 100));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[] {10, 90}, new long[] {11, 0}, 100));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[] {10, 80}, new long[] {1, 0}, 100));
        assertThrows(IllegalArgumentException.class, () -> lrt.test(new long[] {0, 0}, new long[] {0, 0}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> lrt.test(new long[] {Long.MAX_VALUE, 1}, new long[] {0, 0}, Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> lrt.withSimulations(0));
    }

    private static LikelihoodRatioTest test(Form form, int replicates) {
        return LikelihoodRatioTest.withDefaults().with(form).withSimulations(replicates);
    }

    /** Huang et al. 2011 as printed: [n ln p + (n.j − n) ln q − n.j ln(n.j/n..)]·1(p &gt; q). */
    private static double huangTextbook(long n, long eventTotal, long drugTotal, long total) {
        double p = (double) n / eventTotal;
        double q = (double) (drugTotal - n) / (total - eventTotal);
        if (!(p > q)) {
            return 0;
        }
        return xLogY(n, p) + xLogY(drugTotal - n, q) - drugTotal * Math.log((double) drugTotal / total);
    }

    /** pvLRT as printed: n ln λ̂ − (λ̂ − 1)E with λ̂ = max(n/E, 1). */
    private static double poissonTextbook(long n, double expected) {
        double lambda = Math.max(n / expected, 1);
        return xLogY(n, lambda) - (lambda - 1) * expected;
    }

    private static double xLogY(double x, double y) {
        return x == 0 ? 0 : x * Math.log(y);
    }

    /** A drug column drawn from Multinomial(drugTotal; n_i./n..) by Commons Math's inversion sampler. */
    private static long[] nullDrug(long[] eventTotals, long drugTotal, long seed) {
        Well19937c random = new Well19937c(seed);
        long totalLeft = Arrays.stream(eventTotals).sum();
        long countsLeft = drugTotal;
        long[] counts = new long[eventTotals.length];
        for (int i = 0; i < eventTotals.length && countsLeft > 0; i++) {
            double p = Math.min(1, (double) eventTotals[i] / totalLeft);
            counts[i] = new BinomialDistribution(random, (int) countsLeft, p).sample();
            countsLeft -= counts[i];
            totalLeft -= eventTotals[i];
        }
        return counts;
    }

    /** P(MLR ≥ observed MLR) summed over every table of the multinomial null (small totals only). */
    private static double exactPValue(Form form, long[] eventTotals, long[] drugCounts, long total) {
        long drugTotal = Arrays.stream(drugCounts).sum();
        double observed = maximum(form, eventTotals, drugCounts, drugTotal, total);
        return tailProbability(form, eventTotals, total, observed, new long[eventTotals.length], 0, drugTotal);
    }

    /** Sums the null probability of the tables that complete {@code table} from {@code event} on and reach MLR. */
    private static double tailProbability(Form form, long[] eventTotals, long total, double observed, long[] table,
                                          int event, long countsLeft) {
        if (event == table.length - 1) {
            table[event] = countsLeft;
            long drugTotal = Arrays.stream(table).sum();
            return maximum(form, eventTotals, table, drugTotal, total) >= observed
                    ? multinomialProbability(table, eventTotals, total) : 0;
        }
        double p = 0;
        for (long x = 0; x <= countsLeft; x++) {
            table[event] = x;
            p += tailProbability(form, eventTotals, total, observed, table, event + 1, countsLeft - x);
        }
        return p;
    }

    private static double maximum(Form form, long[] eventTotals, long[] counts, long drugTotal, long total) {
        double maximum = 0;
        for (int i = 0; i < counts.length; i++) {
            double logLR = form == Form.HUANG_2011
                    ? huangTextbook(counts[i], eventTotals[i], drugTotal, total)
                    : poissonTextbook(counts[i], (double) eventTotals[i] * drugTotal / total);
            maximum = Math.max(maximum, logLR);
        }
        return maximum;
    }

    private static double multinomialProbability(long[] counts, long[] eventTotals, long total) {
        long n = Arrays.stream(counts).sum();
        double log = logFactorial(n);
        for (int i = 0; i < counts.length; i++) {
            log += xLogY(counts[i], (double) eventTotals[i] / total) - logFactorial(counts[i]);
        }
        return Math.exp(log);
    }

    private static double logFactorial(long n) {
        double sum = 0;
        for (long k = 2; k <= n; k++) {
            sum += Math.log(k);
        }
        return sum;
    }
}
