package org.iago.synth.registry;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The few distributions the generator draws from, on {@link StrictMath} so that every JVM and CPU gives the same
 * bytes, and the per-patient random streams that make a patient's data independent of every other patient's.
 */
final class Draw {

    private Draw() {
    }

    /** SplitMix64 finalizer over a and b: nearby inputs give unrelated outputs. */
    static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom stream(long seed, long purpose, long key) {
        return new SplittableRandom(mix(mix(seed, purpose), key));
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    static int between(int min, int max, SplittableRandom rng) {
        return min + rng.nextInt(max - min + 1);
    }

    static boolean chance(double p, SplittableRandom rng) {
        return rng.nextDouble() < p;
    }

    /** Days to an event of constant hazard, {@code perYear} events per patient-year. */
    static double exponentialDays(double perYear, SplittableRandom rng) {
        return -StrictMath.log(1 - rng.nextDouble()) * 365.25 / perYear;
    }

    /** A standard normal deviate (Box–Muller). */
    static double gaussian(SplittableRandom rng) {
        return StrictMath.sqrt(-2 * StrictMath.log(1 - rng.nextDouble()))
                * StrictMath.cos(2 * StrictMath.PI * rng.nextDouble());
    }

    /** Events of a Poisson variable with mean {@code mean} (Knuth; means here stay far below 30). */
    static int poisson(double mean, SplittableRandom rng) {
        double limit = StrictMath.exp(-mean);
        int k = 0;
        double product = rng.nextDouble();
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }

    /** Index i with probability weights[i] / sum. */
    static int weighted(int[] weights, SplittableRandom rng) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rng.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException("negative weight");
    }

    /** A key with probability weight / sum, in the map's iteration order. */
    static String weighted(Map<String, Integer> weights, SplittableRandom rng) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int x = rng.nextInt(total);
        for (Map.Entry<String, Integer> e : weights.entrySet()) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("negative weight");
    }
}
