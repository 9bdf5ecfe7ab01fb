package org.iago.review;

import java.time.LocalDate;

/**
 * When a signal under {@link ReviewState#MONITOR} is to be reviewed again: any one condition met is enough.
 *
 * @param newReports at least this many reports more than the decision saw; null for none
 * @param lower      the lower bound of {@code method} at least this; null for none
 * @param method     whose lower bound {@code lower} is (one of {@link Evidence#METHODS}); default {@code ebgm} (EB05)
 * @param date       on or after this day; null for none
 */
public record MonitorCondition(Integer newReports, Double lower, String method, LocalDate date) {

    public static final String DEFAULT_METHOD = "ebgm";

    public MonitorCondition {
        if (newReports == null && lower == null && date == null) {
            throw new IllegalArgumentException("a MONITOR decision needs a condition: --monitor-reports,"
                    + " --monitor-lower or --monitor-date");
        }
        if (newReports != null && newReports < 1) {
            throw new IllegalArgumentException("--monitor-reports must be at least 1, not " + newReports);
        }
        if (lower != null && lower.isNaN()) {
            throw new IllegalArgumentException("--monitor-lower must be a number");
        }
        method = method == null ? DEFAULT_METHOD : method;
        if (!Evidence.METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method " + method + " for --monitor-method: one of "
                    + Evidence.METHODS);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (newReports != null) {
            s.append("+").append(newReports).append(" reports");
        }
        if (lower != null) {
            s.append(s.isEmpty() ? "" : " or ").append(method).append(" lower >= ").append(lower);
        }
        if (date != null) {
            s.append(s.isEmpty() ? "" : " or ").append("from ").append(date);
        }
        return s.toString();
    }
}
