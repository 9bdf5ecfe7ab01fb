package org.iago.stats;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Exact binomial random variates in constant expected time, for the Monte Carlo null distribution of
 * {@link LikelihoodRatioTest}.
 *
 * <p>Commons Math's {@code BinomialDistribution.sample()} inverts the distribution function by bisection, tens of
 * incomplete beta evaluations per draw; a drug with millions of reports needs millions of draws. Here a mean
 * np &lt; 10 is drawn by sequential inversion (Kachitvichyanukul &amp; Schmeiser 1988 [1], algorithm BINV), and a
 * larger mean by Hörmann's transformed rejection with squeeze, algorithm BTRS [2], which accepts most candidates
 * inside its squeeze without evaluating the probability function. p &gt; ½ is drawn as n − Binomial(n, 1 − p).
 *
 * <p>References:
 * <ol>
 *   <li>Kachitvichyanukul V, Schmeiser BW. Binomial random variate generation. Commun ACM. 1988;31(2):216–222.
 *       doi:10.1145/42372.42381</li>
 *   <li>Hörmann W. The generation of binomial random variates. J Stat Comput Simul. 1993;46(1–2):101–110.
 *       doi:10.1080/00949659308811496</li>
 * </ol>
 */
final class BinomialSampler {

    /** Smallest mean np for which BTRS is valid [2]. */
    private static final double BTRS_MIN_MEAN = 10;

    /** fc(k) = ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], exact for k ≤ 9 [2]. */
    private static final double[] STIRLING_CORRECTION = {
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
        0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
        0.009255462182712733, 0.008330563433362871,
    };

    private BinomialSampler() {
    }

    /**
     * A success probability with the logarithms every draw from it needs, computed once: the conditional binomials of
     * a null simulation draw from the same probabilities in every replicate, with other numbers of trials.
     */
    static final class Probability {

        /** The probability drawn, p or 1 − p, whichever is at most ½; or 0 or 1. */
        private final double p;
        /** Whether the draw is of failures, n − Binomial(n, 1 − p). */
        private final boolean complement;
        /** ln(1 − p) and ln(p/(1 − p)) of the probability drawn. */
        private final double logOfComplement;
        private final double logOdds;

        /**
         * @param p success probability, 0 ≤ p ≤ 1
         */
        Probability(double p) {
            double clamped = Math.min(Math.max(p, 0), 1);
            this.complement = clamped > 0.5 && clamped < 1;
            this.p = complement ? 1 - clamped : clamped;
            this.logOfComplement = Math.log1p(-this.p);
            this.logOdds = Math.log(this.p / (1 - this.p));
        }
    }

    /**
     * Draws one variate of Binomial(trials, p).
     *
     * @param random the source of uniform variates
     * @param trials number of trials, non-negative and below 2<sup>53</sup>
     * @param p success probability, 0 ≤ p ≤ 1
     * @return the number of successes
     */
    static long sample(RandomGenerator random, long trials, double p) {
        return sample(random, trials, new Probability(p));
    }

    /**
     * Draws one variate of Binomial(trials, p).
     *
     * @param random the source of uniform variates
     * @param trials number of trials, non-negative and below 2<sup>53</sup>
     * @param probability p
     * @return the number of successes
     */
    static long sample(RandomGenerator random, long trials, Probability probability) {
        double p = probability.p;
        if (trials == 0 || p <= 0) {
            return probability.complement ? trials : 0;
        }
        if (p >= 1) {
            return trials;
        }
        long successes = trials * p < BTRS_MIN_MEAN ? inversion(random, trials, p, probability.logOfComplement)
                : btrs(random, trials, p, probability.logOdds);
        return probability.complement ? trials - successes : successes;
    }

    /** BINV [1]: walks up the probability function from 0; expected np + 1 steps. */
    private static long inversion(RandomGenerator random, long n, double p, double logOfComplement) {
        double q = 1 - p;
        double odds = p / q;
        double probabilityOfZero = Math.exp(n * logOfComplement);
        // rounding can leave u above the summed probabilities; past this far tail (> 10 sd) draw again
        long bound = (long) Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
        draw:
        while (true) {
            double u = random.nextDouble();
            double probability = probabilityOfZero;
            long x = 0;
            while (u > probability) {
                u -= probability;
                x++;
                if (x > bound) {
                    continue draw;
                }
                probability *= odds * (n - x + 1) / x;
            }
            return x;
        }
    }

    /** BTRS [2], for np ≥ 10 and p ≤ ½. */
    private static long btrs(RandomGenerator random, long n, double p, double logOdds) {
        double spq = Math.sqrt(n * p * (1 - p));
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        long mode = (long) Math.floor((n + 1) * p);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return (long) k;   // inside the squeeze: accepted without evaluating the probability function
            }
            double logV = Math.log(v * alpha / (a / (us * us) + b));
            if (logV <= logProbabilityRatio(n, mode, (long) k, logOdds)) {
                return (long) k;
            }
        }
    }

    /**
     * ln[f(k)/f(m)] for the binomial probability function f, from Stirling's series with the correction fc:
     * (m+½)ln(m+1) − (k+½)ln(k+1) + (n−m+½)ln(n−m+1) − (n−k+½)ln(n−k+1) + (k−m)ln(p/q) + fc(m) + fc(n−m) − fc(k)
     * − fc(n−k), regrouped into logarithms of ratios near 1 so that terms of size n ln n do not cancel.
     */
    static double logProbabilityRatio(long n, long m, long k, double logOdds) {
        double d = k - m;
        return -(m + 0.5) * Math.log1p(d / (m + 1.0))
                + (n - m + 0.5) * Math.log1p(d / (n - k + 1.0))
                + d * (logOdds + Math.log((n - k + 1.0) / (k + 1.0)))
                + stirlingCorrection(m) + stirlingCorrection(n - m) - stirlingCorrection(k) - stirlingCorrection(n - k);
    }

    private static double stirlingCorrection(long k) {
        if (k < STIRLING_CORRECTION.length) {
            return STIRLING_CORRECTION[(int) k];
        }
        double kp1 = k + 1.0;
        double kp1Squared = kp1 * kp1;
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1Squared) / kp1Squared) / kp1;
    }
}
