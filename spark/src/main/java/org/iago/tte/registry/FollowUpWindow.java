package org.iago.tte.registry;

/**
 * The windows of days since infusion in which incidence rates are counted, both ends included: day 0–30 (the CRS and
 * neutropenic phase), 31–100 and after day 100, the windows of the CAR-T infection literature.
 */
public enum FollowUpWindow {

    DAYS_0_30("0-30", 0, 30),
    DAYS_31_100("31-100", 31, 100),
    AFTER_DAY_100(">100", 101, Integer.MAX_VALUE);

    private final String label;
    private final int firstDay;
    private final int lastDay;

    FollowUpWindow(String label, int firstDay, int lastDay) {
        this.label = label;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    /** The name in the outputs: {@code 0-30}, {@code 31-100}, {@code >100}. */
    public String label() {
        return label;
    }

    public int firstDay() {
        return firstDay;
    }

    /** {@link Integer#MAX_VALUE} for the open last window. */
    public int lastDay() {
        return lastDay;
    }
}
