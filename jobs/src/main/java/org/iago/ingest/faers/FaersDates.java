package org.iago.ingest.faers;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * FAERS date fields: {@code YYYYMMDD}, or partial {@code YYYYMM} / {@code YYYY}, in the years 1900 to 2100. A partial
 * date is stored at the first day of its month or year together with its precision; it is never imputed to a
 * mid-point here, so a later stage can choose its own rule (and must, for time to onset). Fields are read as bytes, as
 * a line holds them: a field that is not all ASCII digits is no date.
 */
public final class FaersDates {

    public static final String DAY = "day";
    public static final String MONTH = "month";
    public static final String YEAR = "year";
    public static final String INVALID = "invalid";
    /** What {@link #epochDay} returns for a field that is no date. */
    public static final int NOT_A_DATE = Integer.MIN_VALUE;

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;
    /** The epoch day of the first of each month from MIN_YEAR to MAX_YEAR: a date is one look-up and an addition. */
    private static final int[] MONTH_STARTS = new int[(MAX_YEAR - MIN_YEAR + 1) * 12];

    static {
        for (int i = 0; i < MONTH_STARTS.length; i++) {
            MONTH_STARTS[i] = Math.toIntExact(LocalDate.of(MIN_YEAR + i / 12, 1 + i % 12, 1).toEpochDay());
        }
    }

    private FaersDates() {
    }

    /**
     * @param text a non-empty field: bytes {@code from} to {@code to}
     * @return days since 1970-01-01 of the date's first day, or {@link #NOT_A_DATE}
     */
    public static int epochDay(byte[] text, int from, int to) {
        int len = to - from;
        if ((len != 4 && len != 6 && len != 8) || !FaersFields.isDigits(text, from, to)) {
            return NOT_A_DATE;
        }
        int year = number(text, from, 4);
        int month = len >= 6 ? number(text, from + 4, 2) : 1;
        int day = len == 8 ? number(text, from + 6, 2) : 1;
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return NOT_A_DATE;
        }
        return MONTH_STARTS[(year - MIN_YEAR) * 12 + month - 1] + day - 1;
    }

    /**
     * @param length the length of a field that is a date ({@link #epochDay} is not {@link #NOT_A_DATE})
     * @return {@link #DAY}, {@link #MONTH} or {@link #YEAR}
     */
    public static String precision(int length) {
        return length == 8 ? DAY : length == 6 ? MONTH : YEAR;
    }

    private static int number(byte[] digits, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + (digits[i] - '0');
        }
        return n;
    }
}
