package org.iago.ingest.faers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        FaersDates.ParsedDate parsed = FaersDates.parse(text);
        assertEquals(date, parsed.date());
        assertEquals(precision, parsed.precision());
    }

    @ParameterizedTest
    @CsvSource({"20171345", "20230229", "201713", "17", "2017040", "2017-04-06", "1899", "21010101", "20170400",
            "2017040X"})
    void whatIsNotADateIsInvalidNeverGuessed(String text) {
        FaersDates.ParsedDate parsed = FaersDates.parse(text);
        assertNull(parsed.date());
        assertEquals(FaersDates.INVALID, parsed.precision());
    }
}
