package org.iago.synth;

import java.util.SplittableRandom;

/**
 * Decides which new cases carry a planted PT. Each rate is spread evenly over the stream of eligible cases
 * (systematic sampling from a random start) rather than drawn per case, so even a small extract gets the expected
 * number of planted reports and tests on them do not depend on luck.
 */
final class SignalPlanter {

    private static final PlantedSignal[] SIGNALS = PlantedSignal.values();

    private final double[] planted = new double[SIGNALS.length];
    private final double[] background = new double[SIGNALS.length];

    SignalPlanter(SplittableRandom rng) {
        for (int i = 0; i < SIGNALS.length; i++) {
            planted[i] = rng.nextDouble();
            background[i] = rng.nextDouble();
        }
    }

    /** Signal bits of a new CAR-T case of {@code product} first reported in quarter {@code quarterIndex}. */
    int plantedMask(CarTProduct product, int quarterIndex) {
        int mask = 0;
        for (int i = 0; i < SIGNALS.length; i++) {
            PlantedSignal signal = SIGNALS[i];
            if (quarterIndex >= signal.firstQuarterIndex() && signal.covers(product)) {
                planted[i] += signal.rate();
                if (planted[i] >= 1) {
                    planted[i] -= 1;
                    mask |= signal.bit();
                }
            }
        }
        return mask;
    }

    /** Signal PT bits of a new non-CAR-T case: the low background rate of every planted PT. */
    int backgroundMask() {
        int mask = 0;
        for (int i = 0; i < SIGNALS.length; i++) {
            background[i] += SIGNALS[i].backgroundRate();
            if (background[i] >= 1) {
                background[i] -= 1;
                mask |= SIGNALS[i].bit();
            }
        }
        return mask;
    }
}
