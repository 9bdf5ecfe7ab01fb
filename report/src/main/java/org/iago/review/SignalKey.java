package org.iago.review;

import java.util.Comparator;

/**
 * A signal as a reviewer decides about it: the analysis (the run's {@code signals/<analysis>/} folder, e.g.
 * {@code target}) and the drug and event as iago names them there, whatever methods flag it today.
 */
public record SignalKey(String analysis, String drug, String event) implements Comparable<SignalKey> {

    private static final Comparator<SignalKey> ORDER = Comparator.comparing(SignalKey::analysis)
            .thenComparing(SignalKey::drug).thenComparing(SignalKey::event);

    public SignalKey {
        if (analysis == null || analysis.isBlank() || drug == null || drug.isBlank() || event == null
                || event.isBlank()) {
            throw new IllegalArgumentException("a signal needs an analysis, a drug and an event, not (" + analysis
                    + ", " + drug + ", " + event + ")");
        }
    }

    @Override
    public int compareTo(SignalKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return analysis + " / " + drug + " / " + event;
    }
}
