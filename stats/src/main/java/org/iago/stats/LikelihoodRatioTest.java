package org.iago.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;


/**
 * Likelihood ratio test for the events of one drug (Huang, Zalkikar &amp; Tiwari 2011 [1]; the Poisson form of
 * pvLRT, Chakraborty et al. 2022 [2]): a log likelihood ratio per event, their maximum (MLR) and a Monte Carlo
 * p-value of the MLR.
 *
 * <p>Input is one drug column j of a drug × event count table with n.. counts in all: the count n_ij of the drug
 * with each event i and the event totals n_i. over all drugs. The rows must cover every count of the table, so that
 * Σ_i n_i. = n..; keep a row for all other events (pvLRT's "Other Pt") when only some events are of interest. The
 * drug total is n.j = Σ_i n_ij. Writing n = n_ij and E = E_ij:
 * <pre>
 *   (1)  E_ij = n_i.·n.j / n..
 *   (2)  Huang 2011:  logLR_ij = [n_ij ln p_i + (n.j − n_ij) ln q_i − n.j ln(n.j/n..)]·1(p_i &gt; q_i),
 *                     p_i = n_ij/n_i.,  q_i = (n.j − n_ij)/(n.. − n_i.),
 *        computed as  n ln(n/E) + (n.j − n) ln[(n.j − n)/(n.j − E)]  for n &gt; E, else 0
 *   (3)  Poisson (pvLRT):  logLR_ij = n ln λ̂ − (λ̂ − 1)E,  λ̂ = max(n/E, 1),
 *        that is  n ln(n/E) − (n − E)  for n &gt; E, else 0
 *   (4)  MLR_j = max_i logLR_ij
 *   (5)  p = (1 + #{r : MLR_j(r) ≥ MLR_j}) / (1 + R),  MLR_j(r) the MLR of replicate r = 1…R
 *   (6)  X_i | X_1…X_(i−1) ~ Binomial(n.j − Σ_(k&lt;i) X_k,  n_i. / (n.. − Σ_(k&lt;i) n_k.))
 * </pre>
 * Equation numbers in the code refer to this list. The computed form of (2) follows from p_i/(n.j/n..) = n/E,
 * q_i/(n.j/n..) = (n.j − n)/(n.j − E) and p_i &gt; q_i ⇔ n &gt; E; it avoids the cancellation between terms of size
 * n.j·ln n... Huang's form also scores the drug's counts of all other events against their expectation, so it
 * exceeds the Poisson form by about (n − E)²/[2(n.j − E)]. Both forms are 0 for n ≤ E: only excess reporting
 * counts.
 *
 * <p>Each of the R Monte Carlo replicates draws the drug's n.j counts from the null Multinomial(n.j; n_1./n..,
 * n_2./n.., …) with the event totals held fixed, computes its MLR with the same E, and (5) counts the replicates
 * that reach the observed MLR [1, 3]. The replicates depend on the drug only through its total n.j, so drugs with
 * the same total can share one simulation ({@link #simulateNull}, then
 * {@link #test(long[], long[], long, NullMaxima)}), and the simulations of all totals can be nested
 * ({@link #simulateNull(EventTotals, long[], double[])}, see {@code NullSimulation}): replicate r of a larger total
 * adds counts to replicate r of the next smaller one, a sum of independent multinomials with the same probabilities,
 * so each total still gets draws from its own null while the draws of all totals cost about those of the largest
 * (within each band [2^b, 2^(b+1)) of totals, where a replicate starts afresh). Each drug's p-value is the same
 * statistic; the Monte Carlo errors of drugs whose totals share a band are then correlated, as those of drugs with
 * the same total always are.
 * Counts are placed one by one in an event drawn in constant time from n_i./n.. (Walker's alias method, see
 * {@code AliasTable}, built once per table: {@link EventTotals}) while fewer than
 * {@value NullSimulation#PLACED_COUNTS_PER_BINOMIAL_DRAW} per event are added, else drawn as the sequential
 * conditional binomials (6), each in constant expected time however large the drug (Hörmann's BTRS, see
 * {@code BinomialSampler}). A replicate's MLR is exact below the largest observed MLR its simulation serves, the cap,
 * and stops at it: the count in (5) is all the p-value needs. A drug given by its events with a count
 * ({@link #test(EventTotals, int[], long[], NullMaxima)}) is observed in time proportional to those events. The
 * generator is SplitMix64 ({@code SplitMixGenerator}, one 64-bit mix per uniform), one per replicate, seeded from
 * {@link #withSeed(long) the seed} and the replicate's number, so the same input and seed give the same p-value on
 * any number of cores; give each drug its own seed if their Monte Carlo errors should be independent.
 *
 * <p>Special cases:
 * <ul>
 *   <li>an event no drug was reported with (n_i. = 0) has E = 0, n_ij = 0 and logLR = 0;</li>
 *   <li>a drug with no count (n.j = 0), or with no event above its expectation, has MLR = 0 and p = 1 (every
 *       replicate reaches 0), found without simulation; {@link Result#eventOfMaximum()} is then −1;</li>
 *   <li>an event with all the table's counts (n_i. = n..) has q_i = 0/0 in (2); then n_ij = n.j = E and
 *       logLR = 0 in both forms;</li>
 *   <li>n_ij = n.j &gt; E: the second term of Huang's form is 0·ln 0 = 0.</li>
 * </ul>
 * No value is NaN or infinite.
 *
 * <p>References:
 * <ol>
 *   <li>Huang L, Zalkikar J, Tiwari RC. A likelihood ratio test based method for signal detection with
 *       application to FDA's drug safety data. J Am Stat Assoc. 2011;106(496):1230–1241.
 *       doi:10.1198/jasa.2011.ap10243</li>
 *   <li>Chakraborty S, Liu A, Ball R, Markatou M. On the use of the likelihood ratio test methodology in
 *       pharmacovigilance. Stat Med. 2022;41(27):5395–5420. doi:10.1002/sim.9575 (R package pvLRT)</li>
 *   <li>North BV, Curtis D, Sham PC. A note on the calculation of empirical P values from Monte Carlo procedures.
 *       Am J Hum Genet. 2002;71(2):439–441. doi:10.1086/341527</li>
 * </ol>
 */
public final class LikelihoodRatioTest {

    /** Monte Carlo replicates of {@link #withDefaults()}. */
    public static final int DEFAULT_SIMULATIONS = 999;

    /** Seed of {@link #withDefaults()}: results are reproducible unless a seed is chosen. */
    public static final long DEFAULT_SEED = 1L;

    /** The form of the per-event log likelihood ratio. */
    public enum Form {
        /** Huang, Zalkikar &amp; Tiwari 2011, equation (2) of the class documentation. */
        HUANG_2011 {
            @Override
            double logLikelihoodRatio(long n, double expected, long drugTotal) {
                if (n <= expected) {
                    return 0;
                }
                double eventTerm = n * Math.log(n / expected);
                long otherEvents = drugTotal - n;
                if (otherEvents == 0) {
                    return eventTerm;                                   // 0·ln 0 = 0
                }
                return eventTerm + otherEvents * Math.log1p(-(n - expected) / (drugTotal - expected)); // Eq. (2)
            }

            @Override
            boolean mayExceed(long n, double expected, long drugTotal, double level) {
                double excess = n - expected;
                return excess > 0 && excess * excess * drugTotal > level * expected * (drugTotal - expected);
            }
        },
        /** Poisson form of pvLRT, n ln λ̂ − (λ̂ − 1)E, equation (3) of the class documentation. */
        POISSON {
            @Override
            double logLikelihoodRatio(long n, double expected, long drugTotal) {
                if (n <= expected) {
                    return 0;                                           // λ̂ = 1
                }
                return n * Math.log(n / expected) - (n - expected);     // Eq. (3)
            }

            @Override
            boolean mayExceed(long n, double expected, long drugTotal, double level) {
                double excess = n - expected;
                return excess > 0 && excess * excess > level * expected;
            }
        };

        abstract double logLikelihoodRatio(long n, double expected, long drugTotal);

        /**
         * Whether the logLR may exceed {@code level} ≥ 0, without a logarithm: false only when an upper bound from
         * ln x ≤ x − 1 is at most the level ({@link NullSimulation}).
         */
        abstract boolean mayExceed(long n, double expected, long drugTotal, double level);
    }

    /**
     * Outcome of the test for one drug.
     *
     * @param logLikelihoodRatios logLR of each event, in the order of the input (a copy is returned)
     * @param maximumLogLikelihoodRatio MLR, the maximum over events (4)
     * @param eventOfMaximum index of the first event attaining the MLR, or −1 when the MLR is 0
     * @param pValue Monte Carlo p-value of the MLR (5), at least 1/(1 + simulations)
     * @param simulations number R of Monte Carlo replicates
     * @param eventPValues p-value of each event's logLR against the same simulated MLRs (5), Huang et al.'s test of
     *        every event of the drug at once (1 where the logLR is 0); the event of the maximum has {@code pValue}
     */
    public record Result(double[] logLikelihoodRatios, double maximumLogLikelihoodRatio, int eventOfMaximum,
                         double pValue, int simulations, double[] eventPValues) {

        /** Keeps copies of the arrays. */
        public Result {
            logLikelihoodRatios = logLikelihoodRatios.clone();
            eventPValues = eventPValues.clone();
        }

        /** @return a copy of the log likelihood ratio of each event */
        @Override
        public double[] logLikelihoodRatios() {
            return logLikelihoodRatios.clone();
        }

        /** @return a copy of the p-value of each event */
        @Override
        public double[] eventPValues() {
            return eventPValues.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r
                    && Arrays.equals(logLikelihoodRatios, r.logLikelihoodRatios)
                    && Double.compare(maximumLogLikelihoodRatio, r.maximumLogLikelihoodRatio) == 0
                    && eventOfMaximum == r.eventOfMaximum
                    && Double.compare(pValue, r.pValue) == 0
                    && simulations == r.simulations
                    && Arrays.equals(eventPValues, r.eventPValues);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(logLikelihoodRatios), maximumLogLikelihoodRatio, eventOfMaximum,
                    pValue, simulations, Arrays.hashCode(eventPValues));
        }

        @Override
        public String toString() {
            return "Result[MLR=" + maximumLogLikelihoodRatio + ", eventOfMaximum=" + eventOfMaximum + ", pValue="
                    + pValue + ", simulations=" + simulations + ", events=" + logLikelihoodRatios.length + "]";
        }
    }

    /**
     * The MLRs of the R replicates of one drug total (Eq. 6 and 4), for the drugs with that total.
     *
     * @param drugTotal    n.j of the drugs this simulation serves
     * @param cap          the largest observed MLR it serves: a replicate stops once it reaches the cap
     * @param sortedMaxima each replicate's MLR, capped at {@code cap}, ascending; empty when the cap is 0 (every
     *                     replicate reaches an MLR of 0, no simulation needed)
     */
    public record NullMaxima(long drugTotal, double cap, double[] sortedMaxima) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Keeps a copy of the maxima. */
        public NullMaxima {
            sortedMaxima = sortedMaxima.clone();
        }

        /** @return a copy of the capped maxima, ascending */
        @Override
        public double[] sortedMaxima() {
            return sortedMaxima.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NullMaxima m && drugTotal == m.drugTotal && Double.compare(cap, m.cap) == 0
                    && Arrays.equals(sortedMaxima, m.sortedMaxima);
        }

        @Override
        public int hashCode() {
            return Objects.hash(drugTotal, cap, Arrays.hashCode(sortedMaxima));
        }

        @Override
        public String toString() {
            return "NullMaxima[drugTotal=" + drugTotal + ", cap=" + cap + ", replicates=" + sortedMaxima.length + "]";
        }
    }

    private static final LikelihoodRatioTest DEFAULT =
            new LikelihoodRatioTest(Form.HUANG_2011, DEFAULT_SIMULATIONS, DEFAULT_SEED);

    private final Form form;
    private final int simulations;
    private final long seed;

    private LikelihoodRatioTest(Form form, int simulations, long seed) {
        this.form = form;
        this.simulations = simulations;
        this.seed = seed;
    }

    /**
     * Returns the test with Huang's form, {@value #DEFAULT_SIMULATIONS} replicates and seed {@value #DEFAULT_SEED}.
     *
     * @return the test
     */
    public static LikelihoodRatioTest withDefaults() {
        return DEFAULT;
    }

    /**
     * Returns this test with another form of the log likelihood ratio.
     *
     * @param form the form
     * @return the test
     */
    public LikelihoodRatioTest with(Form form) {
        return new LikelihoodRatioTest(Objects.requireNonNull(form, "form"), simulations, seed);
    }

    /**
     * Returns this test with another number of Monte Carlo replicates.
     *
     * @param replicates R, at least 1
     * @return the test
     * @throws IllegalArgumentException if {@code replicates} &lt; 1
     */
    public LikelihoodRatioTest withSimulations(int replicates) {
        if (replicates < 1) {
            throw new IllegalArgumentException("at least one simulation is needed: " + replicates);
        }
        return new LikelihoodRatioTest(form, replicates, seed);
    }

    /**
     * Returns this test with another seed of the random generator.
     *
     * @param randomSeed the seed
     * @return the test
     */
    public LikelihoodRatioTest withSeed(long randomSeed) {
        return new LikelihoodRatioTest(form, simulations, randomSeed);
    }

    /**
     * The event totals n_i. of one table, checked once, with the alias table that places one count of a drug among the
     * events with probability n_i./n.. (Eq. 6 count by count): built once per table and shared by the simulations of
     * all its drugs.
     */
    public static final class EventTotals implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long[] totals;
        private final long total;
        private final AliasTable eventOfCount;

        private EventTotals(long[] totals, long total) {
            this.totals = totals;
            this.total = total;
            this.eventOfCount = new AliasTable(totals);
        }

        /**
         * Returns the event totals of a table.
         *
         * @param eventTotals n_i., the count of each event over all drugs; event i is index i of the drug columns
         * @param total n.., the count of the whole table
         * @return the event totals
         * @throws IllegalArgumentException if the event totals are empty, negative or do not add up to a positive
         *         {@code total}
         */
        public static EventTotals of(long[] eventTotals, long total) {
            checkEventTotals(eventTotals, total);
            return new EventTotals(eventTotals.clone(), total);
        }

        /** Eq. (1). */
        private double expected(int event, long drugTotal) {
            return (double) totals[event] * drugTotal / total;
        }
    }

    /**
     * Tests the events of one drug against a simulation of its own.
     *
     * @param eventTotals n_i., the count of each event over all drugs
     * @param drugCounts n_ij, the count of the drug with each event, in the same order
     * @param total n.., the count of the whole table
     * @return the log likelihood ratios, their maximum and its p-value
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a count is negative, a drug
     *         count exceeds its event total, or the event totals do not add up to a positive {@code total}
     */
    public Result test(long[] eventTotals, long[] drugCounts, long total) {
        EventTotals table = table(eventTotals, drugCounts, total);
        Observed observed = observe(table, everyEvent(eventTotals.length), drugCounts);
        double[] sortedMaxima = observed.maximum == 0 ? new double[0]
                : simulatedMaxima(table, new long[] {observed.drugTotal}, new double[] {observed.maximum})[0];
        return result(observed, sortedMaxima);
    }

    /**
     * The MLR (4) of one drug, to choose the cap of a simulation shared by several drugs.
     *
     * @param eventTotals n_i., the count of each event over all drugs
     * @param drugCounts n_ij, the count of the drug with each event, in the same order
     * @param total n.., the count of the whole table
     * @return the drug's MLR, ≥ 0
     * @throws IllegalArgumentException as {@link #test(long[], long[], long)}
     */
    public double maximumLogLikelihoodRatio(long[] eventTotals, long[] drugCounts, long total) {
        return observe(table(eventTotals, drugCounts, total), everyEvent(eventTotals.length), drugCounts).maximum;
    }

    /**
     * The MLR (4) of one drug given by its events with a count, the other events having none.
     *
     * @param table the event totals
     * @param events the indices of the drug's events, ascending
     * @param drugCounts n_ij of each of these events, in the same order
     * @return the drug's MLR, ≥ 0
     * @throws IllegalArgumentException if the arrays differ in length, the events are not ascending indices of the
     *         table, or a count is negative or exceeds its event total
     */
    public double maximumLogLikelihoodRatio(EventTotals table, int[] events, long[] drugCounts) {
        return observe(table, events, drugCounts).maximum;
    }

    /**
     * Simulates the R replicates of the null (6) for one drug total, for every drug with that total whose MLR is at
     * most {@code cap}, with this test's seed.
     *
     * @param eventTotals n_i., the count of each event over all drugs
     * @param drugTotal n.j, the drug total the replicates distribute, ≥ 0
     * @param total n.., the count of the whole table
     * @param cap the largest MLR the simulation will be compared with, ≥ 0 (0: no replicate is drawn)
     * @return the capped replicate maxima
     * @throws IllegalArgumentException if the event totals are empty, negative or do not add up to a positive
     *         {@code total}, the drug total is negative or exceeds it, or the cap is negative or not finite
     */
    public NullMaxima simulateNull(long[] eventTotals, long drugTotal, long total, double cap) {
        return simulateNull(EventTotals.of(eventTotals, total), drugTotal, cap);
    }

    /**
     * Simulates the R replicates of the null (6) for one drug total, for every drug with that total whose MLR is at
     * most {@code cap}, with this test's seed.
     *
     * @param table the event totals
     * @param drugTotal n.j, the drug total the replicates distribute, ≥ 0
     * @param cap the largest MLR the simulation will be compared with, ≥ 0 (0: no replicate is drawn)
     * @return the capped replicate maxima
     * @throws IllegalArgumentException if the drug total is negative or exceeds the table's, or the cap is negative
     *         or not finite
     */
    public NullMaxima simulateNull(EventTotals table, long drugTotal, double cap) {
        return simulateNull(table, new long[] {drugTotal}, new double[] {cap})[0];
    }

    /**
     * Simulates the R replicates of the null (6) for several drug totals at once, nested ({@link NullSimulation}): a
     * replicate of a larger total adds counts to the same replicate of the smaller one, so the draws cost the largest
     * total rather than the sum of the totals, and each total's replicates are still draws from its own null. The
     * Monte Carlo errors of drugs with different totals are then correlated.
     *
     * @param table the event totals
     * @param drugTotals n.j of each simulation, ascending and distinct, each ≥ 0
     * @param caps the largest MLR each total's simulation will be compared with, ≥ 0 (0: no replicate is kept)
     * @return each total's capped replicate maxima, in the order of the totals
     * @throws IllegalArgumentException if the arrays differ in length, the totals are not ascending and distinct or
     *         exceed the table's, or a cap is negative or not finite
     */
    public NullMaxima[] simulateNull(EventTotals table, long[] drugTotals, double[] caps) {
        if (drugTotals.length != caps.length) {
            throw new IllegalArgumentException("need one cap per drug total, got " + caps.length + " caps for "
                    + drugTotals.length + " totals");
        }
        for (int k = 0; k < drugTotals.length; k++) {
            if (drugTotals[k] < (k == 0 ? 0 : drugTotals[k - 1] + 1) || drugTotals[k] > table.total) {
                throw new IllegalArgumentException("need ascending distinct drug totals from 0 to the table total "
                        + table.total + ", got " + drugTotals[k] + " at position " + k);
            }
            if (!(caps[k] >= 0 && caps[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("cap must be finite and >= 0, got " + caps[k]);
            }
        }
        double[][] maxima = simulatedMaxima(table, drugTotals, caps);
        NullMaxima[] nullMaxima = new NullMaxima[drugTotals.length];
        for (int k = 0; k < nullMaxima.length; k++) {
            nullMaxima[k] = new NullMaxima(drugTotals[k], caps[k], maxima[k]);
        }
        return nullMaxima;
    }

    /**
     * Every replicate's MLR at each total, capped, ascending. A replicate that reaches the cap reaches every logLR of
     * the drugs it serves, which are all at most the cap; below the cap its MLR is exact. So the cap changes no
     * p-value of Eq. (5), per drug or per event.
     */
    private double[][] simulatedMaxima(EventTotals table, long[] drugTotals, double[] caps) {
        return NullSimulation.sortedMaxima(form, table.totals, table.total, table.eventOfCount, drugTotals, caps,
                simulations, seed);
    }

    /**
     * Tests the events of one drug against a simulation shared by the drugs with its total.
     *
     * @param eventTotals n_i., the count of each event over all drugs
     * @param drugCounts n_ij, the count of the drug with each event, in the same order
     * @param total n.., the count of the whole table
     * @param nullMaxima {@link #simulateNull} for this drug's total, with a cap at least this drug's MLR
     * @return the log likelihood ratios, their maximum and its p-value
     * @throws IllegalArgumentException as {@link #test(long[], long[], long)}, or if the simulation is for another
     *         drug total or capped below this drug's MLR
     */
    public Result test(long[] eventTotals, long[] drugCounts, long total, NullMaxima nullMaxima) {
        return test(table(eventTotals, drugCounts, total), everyEvent(eventTotals.length), drugCounts, nullMaxima);
    }

    /**
     * Tests the events of one drug, given by its events with a count, against a simulation shared by the drugs with
     * its total. The events without a count have logLR 0 and p-value 1 and are left out of the result.
     *
     * @param table the event totals
     * @param events the indices of the drug's events, ascending
     * @param drugCounts n_ij of each of these events, in the same order
     * @param nullMaxima {@link #simulateNull} for this drug's total, with a cap at least this drug's MLR
     * @return the log likelihood ratios and p-values of the given events, in their order, the MLR and its p-value;
     *         {@link Result#eventOfMaximum()} is a position in {@code events}
     * @throws IllegalArgumentException as {@link #maximumLogLikelihoodRatio(EventTotals, int[], long[])}, or if the
     *         simulation is for another drug total or capped below this drug's MLR
     */
    public Result test(EventTotals table, int[] events, long[] drugCounts, NullMaxima nullMaxima) {
        Observed observed = observe(table, events, drugCounts);
        if (nullMaxima.drugTotal() != observed.drugTotal) {
            throw new IllegalArgumentException("the simulation is for drug total " + nullMaxima.drugTotal()
                    + ", the drug's total is " + observed.drugTotal);
        }
        if (observed.maximum > nullMaxima.cap()) {
            throw new IllegalArgumentException("the simulation is capped at MLR " + nullMaxima.cap()
                    + ", below this drug's MLR " + observed.maximum);
        }
        return result(observed, nullMaxima.sortedMaxima);
    }

    /** The observed table of one drug: its total, its logLRs and (4). */
    private record Observed(long drugTotal, double[] logLikelihoodRatios, double maximum, int eventOfMaximum) {
    }

    private Observed observe(EventTotals table, int[] events, long[] drugCounts) {
        long drugTotal = checkColumn(table, events, drugCounts);
        double[] logLikelihoodRatios = new double[events.length];
        double maximum = 0;
        int eventOfMaximum = -1;
        for (int k = 0; k < events.length; k++) {
            logLikelihoodRatios[k] = form.logLikelihoodRatio(drugCounts[k], table.expected(events[k], drugTotal),
                    drugTotal);
            if (logLikelihoodRatios[k] > maximum) {                                     // Eq. (4)
                maximum = logLikelihoodRatios[k];
                eventOfMaximum = k;
            }
        }
        return new Observed(drugTotal, logLikelihoodRatios, maximum, eventOfMaximum);
    }

    /** The p-values (5) of the observed drug against capped replicate maxima; none when its MLR is 0. */
    private Result result(Observed observed, double[] sortedMaxima) {
        double[] logLikelihoodRatios = observed.logLikelihoodRatios;
        double[] pValues = new double[logLikelihoodRatios.length];
        for (int i = 0; i < pValues.length; i++) {
            pValues[i] = pValue(logLikelihoodRatios[i], sortedMaxima);
        }
        double pValue = observed.maximum == 0 ? 1.0 : pValue(observed.maximum, sortedMaxima);
        return new Result(logLikelihoodRatios, observed.maximum, observed.eventOfMaximum, pValue, simulations,
                pValues);
    }

    /**
     * Eq. (5) for one logLR: the share of replicates (counting the observed table) whose MLR reaches it. A logLR of 0
     * is reached by every replicate.
     *
     * @param sortedMaxima the replicates' MLRs, capped at the observed MLR, ascending
     */
    private double pValue(double logLikelihoodRatio, double[] sortedMaxima) {
        if (logLikelihoodRatio <= 0) {
            return 1.0;
        }
        int below = lowerBound(sortedMaxima, logLikelihoodRatio);
        return (1.0 + (sortedMaxima.length - below)) / (1.0 + simulations);            // Eq. (5)
    }

    /** Index of the first value not below {@code key} in an ascending array. */
    private static int lowerBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Checks a drug's full column against its event totals and returns the table. */
    private static EventTotals table(long[] eventTotals, long[] drugCounts, long total) {
        Objects.requireNonNull(drugCounts, "drugCounts");
        EventTotals table = EventTotals.of(eventTotals, total);
        if (eventTotals.length != drugCounts.length) {
            throw new IllegalArgumentException("need one drug count per event total, got " + drugCounts.length
                    + " counts for " + eventTotals.length + " events");
        }
        return table;
    }

    private static int[] everyEvent(int events) {
        int[] indices = new int[events];
        for (int i = 0; i < events; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** Checks one drug's events and counts and returns the drug total n.j. */
    private static long checkColumn(EventTotals table, int[] events, long[] drugCounts) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(drugCounts, "drugCounts");
        if (events.length != drugCounts.length) {
            throw new IllegalArgumentException("need one drug count per event, got " + drugCounts.length
                    + " counts for " + events.length + " events");
        }
        long drugTotal = 0;
        for (int k = 0; k < events.length; k++) {
            int event = events[k];
            if (event < 0 || event >= table.totals.length || k > 0 && event <= events[k - 1]) {
                throw new IllegalArgumentException("need ascending event indices below " + table.totals.length
                        + ", got " + event + " at position " + k);
            }
            if (drugCounts[k] < 0 || drugCounts[k] > table.totals[event]) {
                throw new IllegalArgumentException("event " + event + ": need 0 <= drug count <= event total, got "
                        + drugCounts[k] + " of " + table.totals[event]);
            }
            drugTotal += drugCounts[k];
        }
        return drugTotal;
    }

    private static void checkEventTotals(long[] eventTotals, long total) {
        Objects.requireNonNull(eventTotals, "eventTotals");
        if (eventTotals.length == 0) {
            throw new IllegalArgumentException("need at least one event total");
        }
        long sumOfEventTotals = 0;
        for (int i = 0; i < eventTotals.length; i++) {
            if (eventTotals[i] < 0) {
                throw new IllegalArgumentException("event " + i + ": negative event total " + eventTotals[i]);
            }
            try {
                sumOfEventTotals = Math.addExact(sumOfEventTotals, eventTotals[i]);
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException("event totals overflow a long", overflow);
            }
        }
        if (total <= 0 || sumOfEventTotals != total) {
            throw new IllegalArgumentException("event totals add up to " + sumOfEventTotals
                    + ", not to the table total " + total + " (keep a row for all other events)");
        }
    }
}
