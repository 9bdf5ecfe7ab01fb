package org.iago.tte.registry;

import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

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

    /** @throws IllegalArgumentException for an unknown label */
    public static FollowUpWindow ofLabel(String label) {
        for (FollowUpWindow w : values()) {
            if (w.label.equals(label)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no follow-up window " + label);
    }

    /** The label of the window holding a day (≥ 0), as a Spark column. */
    static Column labelOf(Column day) {
        Column label = null;
        for (FollowUpWindow w : values()) {
            Column inside = day.between(w.firstDay, w.lastDay);
            label = label == null ? when(inside, w.label) : label.when(inside, w.label);
        }
        return label;
    }
}
