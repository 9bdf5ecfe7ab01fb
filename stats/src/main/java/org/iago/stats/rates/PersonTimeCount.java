package org.iago.stats.rates;

/**
 * A count of events over the person-time at risk of one group in one window, e.g. 43 infections over 3,613
 * patient-days at risk in days 0–28 after infusion. Person-time is in whatever unit the caller uses (patient-days in
 * iago's registry jobs); every count compared with it must use the same unit.
 *
 * <p>Person-time 0 is allowed only with 0 events (a group nobody was at risk in, e.g. no patient on prophylaxis
 * still followed after day 100): it then contributes nothing to a {@link StratifiedRateRatio}.
 * {@link IncidenceRate} and {@link RateRatio} need person-time above 0.
 *
 * @param events events observed, ≥ 0
 * @param personTime person-time at risk, finite and ≥ 0
 */
public record PersonTimeCount(long events, double personTime) {

    /**
     * @param events events observed, ≥ 0
     * @param personTime person-time at risk, finite and ≥ 0
     * @throws IllegalArgumentException if events is negative, person-time is negative, infinite or NaN, or events
     *         are counted over no person-time
     */
    public PersonTimeCount {
        if (events < 0) {
            throw new IllegalArgumentException("events must be non-negative: " + events);
        }
        if (!(personTime >= 0) || Double.isInfinite(personTime)) {
            throw new IllegalArgumentException("person-time must be finite and non-negative: " + personTime);
        }
        if (personTime == 0 && events > 0) {
            throw new IllegalArgumentException(events + " events over zero person-time at risk");
        }
    }
}
