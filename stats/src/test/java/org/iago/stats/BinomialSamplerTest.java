package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialSamplerTest {

    /**
     * Goodness of fit against Commons Math 3.6.1's exact binomial distribution function: 200,000 draws in 40 bins
     * of about equal probability, Pearson χ² p-value above 1e-3. Cases cover inversion (np &lt; 10), BTRS just above
     * its threshold np = 10, BTRS for millions of trials, and p &gt; ½ by symmetry. Fixed seed: deterministic.
     */
    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({
        "20,        0.3",
        "1000,      0.004",
        "1000000,   0.000001",
        "1000,      0.0101",
        "100,       0.5",
        "60,        0.75",
        "5000000,   0.37",
        "5000000,   0.9999",
        "4000000,   0.00002",
    })
    void followsTheBinomialDistribution(int trials, double p) {
        RandomGenerator random = new Well19937c(trials ^ Double.doubleToLongBits(p));
        BinomialDistribution binomial = new BinomialDistribution(null, trials, p);
        long[] cuts = quantileCuts(binomial, 40);
        long[] observed = new long[cuts.length + 1];
        int draws = 200_000;
        for (int k = 0; k < draws; k++) {
            long x = BinomialSampler.sample(random, trials, p);
            assertTrue(x >= 0 && x <= trials);
            observed[bin(cuts, x)]++;
        }
        double[] expected = new double[observed.length];
        double below = 0;
        for (int b = 0; b < cuts.length; b++) {
            double upTo = binomial.cumulativeProbability((int) cuts[b]);
            expected[b] = draws * (upTo - below);
            below = upTo;
        }
        expected[cuts.length] = draws * (1 - below);
        double pValue = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(pValue > 1e-3, "chi-squared p-value " + pValue);
    }

    /**
     * The acceptance test of BTRS compares with ln[f(k)/f(m)] from Stirling's series; it must agree with
     * Commons Math 3.6.1's {@code BinomialDistribution.logProbability} (Loader's saddle point) to 1e-9. An error
     * here is too small for the χ² test above to see.
     */
    @ParameterizedTest(name = "Binomial({0}, {1})")
    @CsvSource({"40, 0.3", "1000, 0.0101", "1000, 0.5", "5000000, 0.37", "4000000, 0.00002"})
    void logProbabilityRatioIsExact(int trials, double p) {
        BinomialDistribution binomial = new BinomialDistribution(null, trials, p);
        long mode = (long) Math.floor((trials + 1) * p);
        double logOdds = Math.log(p / (1 - p));
        double sd = Math.sqrt(trials * p * (1 - p));
        for (double z = -6; z <= 6; z += 0.25) {
            long k = Math.max(0, Math.min(trials, Math.round(mode + z * sd)));
            double exact = binomial.logProbability((int) k) - binomial.logProbability((int) mode);
            assertEquals(exact, BinomialSampler.logProbabilityRatio(trials, mode, k, logOdds), 1e-9, "k=" + k);
        }
    }

    @Test
    void meanAndVarianceHoldBeyondIntegerTrials() {
        // 10^12 trials: beyond BinomialDistribution's int, checked by the first two moments
        RandomGenerator random = new Well19937c(3);
        long trials = 1_000_000_000_000L;
        double p = 0.3;
        int draws = 100_000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int k = 0; k < draws; k++) {
            double x = BinomialSampler.sample(random, trials, p) - trials * p;
            sum += x;
            sumOfSquares += x * x;
        }
        double variance = trials * p * (1 - p);
        assertEquals(0, sum / draws, 4 * Math.sqrt(variance / draws), "mean");
        assertEquals(variance, sumOfSquares / draws, 4 * variance * Math.sqrt(2.0 / draws), "variance");
    }

    @Test
    void degenerateProbabilities() {
        RandomGenerator random = new Well19937c(1);
        assertEquals(0, BinomialSampler.sample(random, 0, 0.5));
        assertEquals(0, BinomialSampler.sample(random, 1000, 0));
        assertEquals(1000, BinomialSampler.sample(random, 1000, 1));
    }

    /** Upper ends of bins of about equal probability; duplicates (few distinct values) merged. */
    private static long[] quantileCuts(BinomialDistribution binomial, int bins) {
        List<Long> cuts = new ArrayList<>();
        for (int b = 1; b < bins; b++) {
            long cut = binomial.inverseCumulativeProbability((double) b / bins);
            if ((cuts.isEmpty() || cut > cuts.get(cuts.size() - 1)) && cut < binomial.getNumberOfTrials()) {
                cuts.add(cut);
            }
        }
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static int bin(long[] cuts, long x) {
        int b = 0;
        while (b < cuts.length && x > cuts[b]) {
            b++;
        }
        return b;
    }
}
