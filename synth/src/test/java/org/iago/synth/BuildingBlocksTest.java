package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;

/** The small parts the generator is built from. */
class BuildingBlocksTest {

    @Test
    void zipfRanksFollowTheirProbabilities() {
        ZipfSampler zipf = new ZipfSampler(4000, 1.0);
        SplittableRandom rng = new SplittableRandom(1);
        int[] counts = new int[zipf.size()];
        int draws = 400_000;
        for (int i = 0; i < draws; i++) {
            counts[zipf.sample(rng)]++;
        }
        for (int rank : new int[] {0, 1, 9}) {
            double expected = zipf.probability(rank) * draws;
            assertEquals(expected, counts[rank], 5 * Math.sqrt(expected), "rank " + rank);
        }
        assertEquals(2.0, zipf.probability(0) / zipf.probability(1), 1e-9, "exponent 1: rank 1 twice rank 2");
    }

    @Test
    void yyyymmddMatchesTheCalendar() {
        for (LocalDate day = LocalDate.of(1995, 1, 1); day.isBefore(LocalDate.of(2031, 1, 1)); day = day.plusDays(1)) {
            int expected = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
            assertEquals(expected, Dates.yyyymmdd(day.toEpochDay()));
        }
    }

    @Test
    void primaryidConcatenatesCaseidAndCaseversion() {
        assertEquals(307814011L, Report.primaryid(30781401, 1));
        assertEquals(3078140112L, Report.primaryid(30781401, 12));
    }

    @Test
    void plantedPtsStayOutOfTheBackgroundVocabulary() {
        EventVocabulary events = new EventVocabulary();
        Set<String> pts = new HashSet<>();
        for (PlantedSignal signal : PlantedSignal.values()) {
            assertFalse(events.contains(signal.pt()), signal.pt());
            assertTrue(pts.add(signal.pt()), "one PT per signal: " + signal.pt());
        }
        assertTrue(events.contains("Drug ineffective") && events.contains("Synthetic event 3999"));
    }

    @Test
    void specRejectsWhatFdaNeverPublished() {
        Path out = Path.of("unused");
        List<Quarter> quarters = Quarter.parseRange("2023Q1..2023Q2");
        assertThrows(IllegalArgumentException.class,
                () -> new FaersSynthSpec(out, Quarter.parseRange("2014Q1"), 10, 1, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new FaersSynthSpec(out, List.of(quarters.get(1), quarters.get(0)), 10, 1, false, false));
        assertThrows(IllegalArgumentException.class, () -> new FaersSynthSpec(out, List.of(), 10, 1, false, false));
        assertThrows(IllegalArgumentException.class, () -> new FaersSynthSpec(out, quarters, 0, 1, false, false));
        assertThrows(IllegalArgumentException.class,
                () -> new FaersSynthSpec(out, Quarter.parseRange("2015Q1..2024Q4"), 5_000_000, 1, false, false));
        // the 20M-report scale benchmark lake fits the 8-digit caseids; 26M does not
        List<Quarter> fifty = Quarter.parseRange("2022Q1..2034Q2");
        assertEquals(20_000_000, 400_000L * new FaersSynthSpec(out, fifty, 400_000, 7, false, false).quarters().size());
        assertThrows(IllegalArgumentException.class, () -> new FaersSynthSpec(out, fifty, 520_000, 7, false, false));
    }

    @Test
    void specRejectsMoreDuplicatesThanOnePerTwentyReports() {
        Path out = Path.of("unused");
        List<Quarter> quarters = Quarter.parseRange("2024Q1");
        assertEquals(10, new FaersSynthSpec(out, quarters, 200, 1, false, false, 10, false).duplicatesPerQuarter());
        assertThrows(IllegalArgumentException.class,
                () -> new FaersSynthSpec(out, quarters, 200, 1, false, false, 11, false));
        assertThrows(IllegalArgumentException.class,
                () -> new FaersSynthSpec(out, quarters, 200, 1, false, false, -1, false));
    }

    /** A copy's age in another unit converts back to the same whole years, whichever year length curation uses. */
    @Test
    void agesInOtherUnitsGiveTheSameYears() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int years = 1; years <= 120; years++) {
            for (String unit : List.of("YR", "MON", "WK", "DY", "DEC")) {
                if (unit.equals("DEC") && years % 10 != 0) {
                    continue;
                }
                for (int draw = 0; draw < 50; draw++) {
                    int value = PlantedDuplicates.inUnit(years, unit, rng);
                    double perYear = switch (unit) {
                        case "MON" -> 12;
                        case "DEC" -> 0.1;
                        default -> 1;
                    };
                    for (double[] lengths : new double[][] {{52, 365}, {52.1775, 365.25}, {365.25 / 7, 365.2425}}) {
                        double factor = unit.equals("WK") ? lengths[0] : unit.equals("DY") ? lengths[1] : perYear;
                        assertEquals(years, (int) Math.floor(value / factor), value + " " + unit);
                    }
                }
            }
        }
    }

    @Test
    void respellingsCleanToTheBrandOrTheIngredient() {
        assertEquals(List.of("ELIQUIS 5 MG TABLETS", "ELIQUIS 5MG", "eliquis.", "Eliquis /", "ELIQUIS/",
                        "ELIQUIS (APIXABAN)", "APIXABAN (ELIQUIS)", "apixaban 5 mg"),
                new DrugVocabulary().named("ELIQUIS").respellings().stream().map(DrugVocabulary.Spelling::text)
                        .toList());
        for (DrugVocabulary.Drug drug : new DrugVocabulary().all()) {
            for (DrugVocabulary.Spelling spelling : drug.respellings()) {
                String cleaned = DrugNameRule.clean(spelling.text());
                if (spelling.resolution() == DrugVocabulary.Resolution.CLEANING) {
                    assertEquals(drug.prodAi(), cleaned, spelling.text());
                } else {
                    assertEquals(drug.drugname(), cleaned, spelling.text());
                }
            }
        }
    }
}
