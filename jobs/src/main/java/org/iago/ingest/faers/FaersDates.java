package org.iago.ingest.faers;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * FAERS date fields: {@code YYYYMMDD}, or partial {@code YYYYMM} / {@code YYYY}. A partial date is stored at the first
 * day of its month or year together with its precision; it is never imputed to a mid-point here, so a later stage can
 * choose its own rule (and must, for time to onset).
 */
public final class FaersDates {

    public static final String DAY = "day";
    public static final String MONTH = "month";
    public static final String YEAR = "year";
    public static final String INVALID = "invalid";

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    /** A parsed date; {@code date} is null when {@code precision} is {@link #INVALID}. */
    public record ParsedDate(LocalDate date, String precision) {
    }

    private static final ParsedDate INVALID_DATE = new ParsedDate(null, INVALID);

    private FaersDates() {
    }

    /** @param text a non-empty field value */
    public static ParsedDate parse(String text) {
        int len = text.length();
        if ((len != 4 && len != 6 && len != 8) || !FaersFields.isDigits(text)) {
            return INVALID_DATE;
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = len >= 6 ? Integer.parseInt(text, 4, 6, 10) : 1;
        int day = len == 8 ? Integer.parseInt(text, 6, 8, 10) : 1;
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return INVALID_DATE;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return new ParsedDate(date, len == 8 ? DAY : len == 6 ? MONTH : YEAR);
        } catch (DateTimeException e) {
            return INVALID_DATE;
        }
    }
}
