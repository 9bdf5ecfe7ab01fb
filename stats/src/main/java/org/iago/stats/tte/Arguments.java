package org.iago.stats.tte;

import org.apache.commons.math3.distribution.NormalDistribution;

/** The argument checks of the time-to-event statistics, in one place so that they reject the same inputs. */
final class Arguments {

    private Arguments() {
    }

    /**
     * Checks follow-up times: at least one subject, each time finite and non-negative (days since infusion, say;
     * zero is allowed: an event on the day of infusion).
     */
    static void checkTimes(double[] times) {
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("no subjects: at least one follow-up time is required");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
                throw new IllegalArgumentException("time of subject " + i + " must be finite and non-negative: "
                        + times[i]);
            }
        }
    }

    /** Checks that a per-subject array has one entry per follow-up time. */
    static void checkSameLength(String what, int subjects, int length) {
        if (length != subjects) {
            throw new IllegalArgumentException(what + " has " + length + " entries for " + subjects + " subjects");
        }
    }

    /** Checks status codes: 0 for censored, k ≥ 1 for an event of cause k. */
    static void checkCauses(int[] causes) {
        for (int i = 0; i < causes.length; i++) {
            if (causes[i] < 0) {
                throw new IllegalArgumentException("cause of subject " + i
                        + " must be 0 (censored) or a cause k >= 1: " + causes[i]);
            }
        }
    }

    /** Checks a cause of interest. */
    static void checkCause(int cause) {
        if (cause < 1) {
            throw new IllegalArgumentException("cause of interest must be >= 1: " + cause);
        }
    }

    /** Returns z = Φ⁻¹(1 − (1 − level)/2) for a two-sided interval, after checking 0 &lt; level &lt; 1. */
    static double normalQuantile(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confidenceLevel);
        }
        return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }
}
