package org.iago.ingest.faers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaersDatesTest {

    @ParameterizedTest
    @CsvSource({
            "20170406, 2017-04-06, day",
            "201507,   2015-07-01, month",
            "2003,     2003-01-01, year",
            "20240229, 2024-02-29, day",
            "19000101, 1900-01-01, day",
            "21001231, 2100-12-31, day",
            "2100,     2100-01-01, year"})
    void fullAndPartialDatesKeepTheirPrecision(String text, LocalDate date, String precision) {
        byte[] field = ("$" + text + "$").getBytes(StandardCharsets.US_ASCII);
        int to = field.length - 1;
        assertEquals(date.toEpochDay(), FaersDates.epochDay(field, 1, to));
        assertEquals(precision, FaersDates.precision(text.length()));
    }

    @Test
    void everyDayOfTheRangeIsItsCalendarDate() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() <= 2100; d = d.plusDays(1)) {
            byte[] field = d.format(DateTimeFormatter.BASIC_ISO_DATE).getBytes(StandardCharsets.US_ASCII);
            assertEquals(d.toEpochDay(), FaersDates.epochDay(field, 0, 8), d::toString);
        }
    }

    @ParameterizedTest
    @CsvSource({"20171345", "20230229", "201713", "17", "2017040", "2017-04-06", "1899", "21010101", "20170400",
            "2017040X", "201700", "2017\u0663\u0664"})
    void whatIsNotADateIsInvalidNeverGuessed(String text) {
        byte[] field = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(FaersDates.NOT_A_DATE, FaersDates.epochDay(field, 0, field.length));
    }
}
