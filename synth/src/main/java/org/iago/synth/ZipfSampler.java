package org.iago.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..size-1 with probability proportional to {@code 1 / (rank + 1)^exponent}: a few very frequent items
 * and a long tail, as drug names and PTs are distributed in FAERS.
 */
final class ZipfSampler {

    private final double[] cumulative;

    ZipfSampler(int size, double exponent) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            // StrictMath: Math.pow may differ in the last bit between platforms, and the output must not
            sum += StrictMath.pow(rank + 1, -exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        cumulative[size - 1] = 1.0;
    }

    int size() {
        return cumulative.length;
    }

    /** Probability of drawing {@code rank}. */
    double probability(int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }

    int sample(SplittableRandom rng) {
        int i = Arrays.binarySearch(cumulative, rng.nextDouble());
        return i >= 0 ? i + 1 : -i - 1;
    }
}
