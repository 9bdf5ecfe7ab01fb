package org.iago.ingest.faers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaersDatesTest {

    @ParameterizedTest
    @CsvSource({
            "20170406, 2017-04-06, day",
            "201507,   2015-07-01, month",
            "2003,     2003-01-01, year",
            "20240229, 2024-02-29, day"})
    void fullAndPartialDatesKeepTheirPrecision(String text, LocalDate date, String precision) {
        byte[] field = ("$" + text + "$").getBytes(StandardCharsets.US_ASCII);
        int to = field.length - 1;
        assertEquals(precision, FaersDates.precision(field, 1, to));
        assertEquals(date.toEpochDay(), FaersDates.epochDay(field, 1, to));
    }

    @ParameterizedTest
    @CsvSource({"20171345", "20230229", "201713", "17", "2017040", "2017-04-06", "1899", "21010101", "20170400",
            "2017040X", "201700", "2017\u0663\u0664"})
    void whatIsNotADateIsInvalidNeverGuessed(String text) {
        byte[] field = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(FaersDates.INVALID, FaersDates.precision(field, 0, field.length));
    }
}
