package org.iago.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void parsesPrintsAndNamesFiles() {
        Quarter q = Quarter.parse("2024q4");
        assertEquals("2024Q4", q.toString());
        assertEquals("24Q4", q.fileTag());
        assertEquals(Quarter.of(2004, 1), Quarter.fromFileTag(4, 1));
        assertEquals(LocalDate.of(2024, 10, 1), q.firstDay());
        assertEquals(LocalDate.of(2024, 12, 31), q.lastDay());
        assertEquals(Quarter.of(2025, 1), q.next());
    }

    @Test
    void rangesAreInclusiveAndOrdered() {
        assertEquals(List.of(Quarter.of(2023, 4), Quarter.of(2024, 1), Quarter.of(2024, 2)),
                Quarter.parseRange("2023Q4..2024Q2"));
        assertEquals(List.of(Quarter.of(2024, 1)), Quarter.parseRange("2024Q1"));
        assertEquals(8, Quarter.parseRange("2023Q1..2024Q4").size());
    }

    @Test
    void rejectsWhatIsNotAQuarter() {
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse("2024Q5"));
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse("24Q1"));
        assertThrows(IllegalArgumentException.class, () -> Quarter.parseRange("2024Q2..2024Q1"));
    }
}
