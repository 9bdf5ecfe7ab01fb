package org.iago.vocabulary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter of FDA extracts, written {@code 2024Q4} in the lake and {@code 24Q4} in FDA file names.
 */
public final class Quarter implements Comparable<Quarter> {

    private static final Pattern FULL = Pattern.compile("(\\d{4})[Qq]([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\S+?)\\s*\\.\\.\\s*(\\S+)");

    private final int year;
    private final int quarter;

    private Quarter(int year, int quarter) {
        if (year < 1900 || year > 2999 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("not a quarter: " + year + "Q" + quarter);
        }
        this.year = year;
        this.quarter = quarter;
    }

    public static Quarter of(int year, int quarter) {
        return new Quarter(year, quarter);
    }

    /** Parses {@code 2024Q4} (case-insensitive). */
    public static Quarter parse(String text) {
        Matcher m = FULL.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter (expected e.g. 2024Q4): '" + text + "'");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Parses the two-digit tag of an FDA file name, {@code 04Q1} or {@code 24q4}; years are 2000-2099. */
    public static Quarter fromFileTag(int twoDigitYear, int quarter) {
        return new Quarter(2000 + twoDigitYear, quarter);
    }

    /** Parses {@code 2023Q1..2024Q4} (inclusive) or a single quarter into the quarters it spans, in order. */
    public static List<Quarter> parseRange(String text) {
        Matcher m = RANGE.matcher(text.trim());
        Quarter first;
        Quarter last;
        if (m.matches()) {
            first = parse(m.group(1));
            last = parse(m.group(2));
        } else {
            first = parse(text);
            last = first;
        }
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("quarter range runs backwards: '" + text + "'");
        }
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = first; q.compareTo(last) <= 0; q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    public int year() {
        return year;
    }

    public int quarter() {
        return quarter;
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 3 * quarter - 2, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The tag FDA uses in file names, e.g. {@code 24Q4}. */
    public String fileTag() {
        return String.format("%02dQ%d", year % 100, quarter);
    }

    @Override
    public int compareTo(Quarter o) {
        return Integer.compare(year * 4 + quarter, o.year * 4 + o.quarter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quarter q && q.year == year && q.quarter == quarter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, quarter);
    }

    /** {@code 2024Q4}, the form used in lake partitions. */
    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
