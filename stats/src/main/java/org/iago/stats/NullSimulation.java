package org.iago.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The Monte Carlo replicates of {@link LikelihoodRatioTest} for several drug totals at once, nested: replicate r of
 * drug total t' &gt; t is replicate r of t with t' − t more counts drawn from the null (Eq. 6 of the test), so one
 * replicate serves every total in ascending order and the draws cost the largest total, not the sum of the totals.
 * The sum of independent Multinomial(t; π) and Multinomial(t' − t; π) counts is Multinomial(t'; π): each total's
 * replicates are draws from its own null, as if simulated alone, and each drug's p-value is the same statistic (Eq. 5).
 * What nesting changes is the dependence between drugs: the Monte Carlo errors of drugs with different totals are
 * correlated, where otherwise only drugs with the same total share replicates. So that a whole run's flags do not all
 * err together, a replicate starts afresh at each power of two of the total: errors are correlated only between
 * drugs whose totals lie in the same band [2^b, 2^(b+1)), and the fresh starts cost about one more draw of each
 * band's first total (on the 20M table of docs/benchmarks.md, about a fifth more time).
 *
 * <p>Each replicate has its own generator, seeded from the test's seed and the replicate's number, so the replicates
 * run on all cores and give the same maxima in any order. The increments are drawn count by count from the alias
 * table while they are smaller than {@value #PLACED_COUNTS_PER_BINOMIAL_DRAW} counts per event (or the total is below
 * {@value #COUNTS_PER_EVENT_SCANNED_BY_COUNT} per event, see below), else as the sequential conditional binomials
 * (6). The MLR (4) at each total is computed exactly below the cap, in one of two ways:
 * <ul>
 *   <li>below {@value #COUNTS_PER_EVENT_SCANNED_BY_COUNT} counts per event, by count value: logLR falls with the event
 *       total at a fixed count n &gt; E and rises with the count at a fixed event total, so the MLR is the maximum
 *       over v of logLR(v, E of the smallest event total among the events with at least v counts). That smallest
 *       total only falls as counts are added, so it is kept per v in constant time per count, and the scan runs over
 *       the count values, not the events;</li>
 *   <li>above, by event, skipping an event without a logarithm when ln x ≤ x − 1 shows it cannot beat the maximum so
 *       far: logLR ≤ (n − E)²/E in the Poisson form, ≤ (n − E)²·n.j/[E(n.j − E)] in Huang's; both bounds are about
 *       twice the logLR near n = E and more elsewhere, so rounding cannot skip an event that would count.</li>
 * </ul>
 */
final class NullSimulation {

    /**
     * One conditional binomial draw costs about as much as placing this many counts with the alias table: increments
     * smaller than this many counts per event are placed count by count.
     */
    static final int PLACED_COUNTS_PER_BINOMIAL_DRAW = 3;

    /**
     * Totals below this many counts per event are placed count by count and their MLR scanned by count value: the scan
     * by count costs the largest count (on the FAERS-like tables of docs/benchmarks.md a tenth of the total) with a
     * cheap step per count value, the scan by event J steps each with a bound. The 20M table's simulation took 2.28 s
     * of CPU per 200 replicates with 8, 2.08 s with 16 (a loaded machine).
     */
    static final int COUNTS_PER_EVENT_SCANNED_BY_COUNT = 16;

    /** Replicates run together on one thread, with one set of work arrays. */
    private static final int REPLICATES_PER_TASK = 16;

    private final LikelihoodRatioTest.Form form;
    private final long[] eventTotals;
    private final long total;
    private final AliasTable eventOfCount;
    private final BinomialSampler.Probability[] probabilities;
    private final long[] drugTotals;
    private final double[] caps;
    private final long placedLimit;
    private final long countScanLimit;

    private NullSimulation(LikelihoodRatioTest.Form form, long[] eventTotals, long total, AliasTable eventOfCount,
                           long[] drugTotals, double[] caps) {
        this.form = form;
        this.eventTotals = eventTotals;
        this.total = total;
        this.eventOfCount = eventOfCount;
        this.drugTotals = drugTotals;
        this.caps = caps;
        this.placedLimit = (long) PLACED_COUNTS_PER_BINOMIAL_DRAW * eventTotals.length;
        this.countScanLimit = (long) COUNTS_PER_EVENT_SCANNED_BY_COUNT * eventTotals.length;
        this.probabilities = new BinomialSampler.Probability[eventTotals.length];
        long totalLeft = total;
        for (int i = 0; i < eventTotals.length; i++) {
            // integer bookkeeping gives the last event with a positive total probability exactly 1, and the events
            // after it (no count left to place) probability 0
            probabilities[i] = new BinomialSampler.Probability(
                    totalLeft == 0 ? 0 : (double) eventTotals[i] / totalLeft);                     // Eq. (6)
            totalLeft -= eventTotals[i];
        }
    }

    /**
     * The replicates' MLRs at each drug total, each capped at its total's cap.
     *
     * @param drugTotals ascending, distinct, each at most the table's total
     * @param caps       the largest MLR each total's simulation is compared with; 0: none is computed
     * @return for each total, the R capped maxima in ascending order (none for a cap of 0)
     */
    static double[][] sortedMaxima(LikelihoodRatioTest.Form form, long[] eventTotals, long total,
                                   AliasTable eventOfCount, long[] drugTotals, double[] caps, int replicates,
                                   long seed) {
        NullSimulation simulation = new NullSimulation(form, eventTotals, total, eventOfCount, drugTotals, caps);
        double[][] maxima = new double[drugTotals.length][];
        for (int k = 0; k < maxima.length; k++) {
            maxima[k] = new double[caps[k] == 0 ? 0 : replicates];
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        long[] replicateSeeds = new long[replicates];
        for (int r = 0; r < replicates; r++) {
            replicateSeeds[r] = seeds.nextLong();
        }
        int tasks = (replicates + REPLICATES_PER_TASK - 1) / REPLICATES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int[] counts = new int[eventTotals.length];
            long largestScannedByCount = drugTotals.length == 0 ? 0
                    : Math.min(simulation.countScanLimit, drugTotals[drugTotals.length - 1]);
            long[] smallestTotalFrom = new long[(int) largestScannedByCount + 2];
            Arrays.fill(smallestTotalFrom, Long.MAX_VALUE);
            for (int r = task * REPLICATES_PER_TASK; r < Math.min(replicates, (task + 1) * REPLICATES_PER_TASK); r++) {
                simulation.replicate(new SplitMixGenerator(replicateSeeds[r]), r, maxima, counts, smallestTotalFrom);
            }
        });
        for (double[] m : maxima) {
            Arrays.sort(m);
        }
        return maxima;
    }

    /**
     * Replicate r at every drug total, its capped MLR at total k stored in {@code maxima[k][r]}.
     *
     * @param smallestTotalFrom at v, the smallest event total among the events with at least v counts; all
     *        {@code Long.MAX_VALUE} on entry and on return (every count value written is at most the largest count)
     */
    private void replicate(RandomGenerator random, int r, double[][] maxima, int[] counts, long[] smallestTotalFrom) {
        int largestCount = 0;
        long drawn = 0;
        for (int k = 0; k < drugTotals.length; k++) {
            long drugTotal = drugTotals[k];
            if (k == 0 || Long.highestOneBit(drugTotal) != Long.highestOneBit(drawn)) {
                Arrays.fill(counts, 0);                                 // a new band [2^b, 2^(b+1)): start afresh
                Arrays.fill(smallestTotalFrom, 0, Math.min(largestCount + 2, smallestTotalFrom.length),
                        Long.MAX_VALUE);
                largestCount = 0;
                drawn = 0;
            }
            long more = drugTotal - drawn;
            if (more < placedLimit || drugTotal < countScanLimit) {
                boolean byCount = drugTotal < countScanLimit;
                for (long c = 0; c < more; c++) {
                    int event = eventOfCount.sample(random);
                    int v = ++counts[event];
                    if (byCount) {
                        smallestTotalFrom[v] = Math.min(smallestTotalFrom[v], eventTotals[event]);
                        largestCount = Math.max(largestCount, v);
                    }
                }
            } else {
                long countsLeft = more;
                for (int i = 0; i < counts.length && countsLeft > 0; i++) {
                    long n = BinomialSampler.sample(random, countsLeft, probabilities[i]);      // Eq. (6)
                    counts[i] += (int) n;
                    countsLeft -= n;
                }
            }
            drawn = drugTotal;
            if (caps[k] > 0) {
                maxima[k][r] = drugTotal < countScanLimit
                        ? maximumByCount(smallestTotalFrom, largestCount, drugTotal, caps[k])
                        : maximumByEvent(counts, drugTotal, caps[k]);
            }
        }
        Arrays.fill(smallestTotalFrom, 0, Math.min(largestCount + 2, smallestTotalFrom.length), Long.MAX_VALUE);
    }

    /** Eq. (4) over the count values, capped: the events of the smallest total at each count dominate the others. */
    private double maximumByCount(long[] smallestTotalFrom, int largestCount, long drugTotal, double cap) {
        double expectedPerEventCount = (double) drugTotal / total;
        double maximum = 0;
        for (int v = largestCount; v >= 1; v--) {
            long eventTotal = smallestTotalFrom[v];
            if (v < largestCount && smallestTotalFrom[v + 1] == eventTotal) {
                continue;                    // the same events have v + 1 counts or more, a larger logLR
            }
            if (form.mayExceed(v, eventTotal * expectedPerEventCount, drugTotal, maximum)) {
                double expected = (double) eventTotal * drugTotal / total;                      // Eq. (1)
                maximum = Math.max(maximum, form.logLikelihoodRatio(v, expected, drugTotal));
                if (maximum >= cap) {
                    return cap;
                }
            }
        }
        return maximum;
    }

    /**
     * Eq. (4) over the events, capped. The bound takes E as a product, off (1) by an ulp or two, which its factor 2
     * absorbs; the logLR is computed with (1) as the observed drugs' are.
     */
    private double maximumByEvent(int[] counts, long drugTotal, double cap) {
        double expectedPerEventCount = (double) drugTotal / total;
        double maximum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (form.mayExceed(counts[i], eventTotals[i] * expectedPerEventCount, drugTotal, maximum)) {
                double expected = (double) eventTotals[i] * drugTotal / total;                  // Eq. (1)
                maximum = Math.max(maximum, form.logLikelihoodRatio(counts[i], expected, drugTotal));
                if (maximum >= cap) {
                    return cap;
                }
            }
        }
        return maximum;
    }
}
