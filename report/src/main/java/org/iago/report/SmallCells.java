package org.iago.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Small-cell suppression: a count of reports, patients or events from 1 to k−1 is shown as {@code <k}, so that a
 * rare pair cannot point at a person. Zero is shown: an absent event discloses no one. Which columns of the run
 * folder's tables are such counts is decided here, by name, for every table the report shows.
 */
final class SmallCells {

    /** Columns that count reports, patients or events (others, such as patient-days or file lines, are not). */
    private static final Set<String> COUNT_COLUMNS = Set.of("a", "b", "c", "d", "n", "onsets", "excluded_partial",
            "excluded_negative", "at_risk", "n_risk", "n_event", "agree", "disagree");
    /**
     * Registry column names are still settling: a column whose name has one of these words counts people or events
     * unless it names a rate, a time or a bound.
     */
    private static final List<String> COUNT_WORDS = List.of("report", "patient", "event", "episode", "count",
            "case", "infection", "death", "relapse", "censor", "agreements", "paired", "ungradable", "not_recorded");
    private static final List<String> NOT_COUNT_WORDS = List.of("_id", "rate", "per_", "day", "time", "lower", "upper",
            "p_value", "estimate", "ratio", "percent", "proportion", "median", "quartile");

    private final int k;

    SmallCells(int k) {
        this.k = k;
    }

    boolean on() {
        return k > 1;
    }

    int k() {
        return k;
    }

    boolean suppressed(long n) {
        return on() && n >= 1 && n < k;
    }

    /** The count as shown. */
    String show(long n) {
        return suppressed(n) ? "<" + k : Long.toString(n);
    }

    static boolean isCount(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return COUNT_COLUMNS.contains(c) || COUNT_WORDS.stream().anyMatch(c::contains)
                && NOT_COUNT_WORDS.stream().noneMatch(c::contains);
    }
}
