package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subsets of {@link Comparators}: their order, a report's bits, and the settings of a rules file. */
class ComparatorsTest {

    @TempDir
    Path work;

    private static final Comparators INDICATION_BY_SEX = Comparators.of(List.of("indication"), List.of("sex"));

    @Test
    void theWholeDatabaseIsAlwaysCountedFirstAndWrittenOnlyWhenAsked() {
        assertEquals(List.of("all/all", "all/sex=F", "all/sex=M", "indication/all", "indication/sex=F",
                "indication/sex=M"), labels(INDICATION_BY_SEX.counted()));
        assertEquals(List.of("indication/all", "indication/sex=F", "indication/sex=M"),
                labels(INDICATION_BY_SEX.written()));
        assertEquals(List.of("cart/all", "cart/adults", "all/all", "all/adults"),
                labels(Comparators.of(List.of("cart", "all"), List.of("adults")).written()));
    }

    /** Bits in the order of {@link Comparators#counted}: all/all is bit 0 for every counted report. */
    @Test
    void aReportIsInTheSubsetsOfItsIndicationAndSex() {
        assertEquals(0b000_011L, INDICATION_BY_SEX.mask(false, false, "18-64", "F"));
        assertEquals(0b011_011L, INDICATION_BY_SEX.mask(false, true, "18-64", "F"));
        assertEquals(0b101_101L, INDICATION_BY_SEX.mask(true, true, "<18", "M"));
        assertEquals(0b001_001L, INDICATION_BY_SEX.mask(true, true, "unknown", "UNK"), "unknown sex: whole only");
        Comparators adults = Comparators.of(List.of("all"), List.of("adults"));
        assertEquals(0b11L, adults.mask(false, false, ">=75", "F"));
        assertEquals(0b01L, adults.mask(false, false, "<18", "F"));
        assertEquals(0b01L, adults.mask(false, false, "unknown", "F"));
        assertEquals(0b01L, adults.mask(false, false, null, null));
    }

    @Test
    void theRulesFileGivesTheSettingsWithDefaults() throws IOException {
        Path rules = Files.writeString(work.resolve("rules.yaml"), """
                signals: {}
                comparators:
                  against: [all, INDICATION]
                  subgroups: [age_group]
                """);
        assertEquals(Optional.of(new Comparators(List.of(Comparators.Comparator.ALL,
                Comparators.Comparator.INDICATION), List.of(Comparators.Subgroup.AGE_GROUP))), Comparators.load(rules));
        Files.writeString(rules, "comparators:\n  subgroups: [sex]\n");
        assertEquals(List.of(Comparators.Comparator.ALL), Comparators.load(rules).orElseThrow().against());
        Files.writeString(rules, "signals: {}\n");
        assertTrue(Comparators.load(rules).isEmpty());
        Files.writeString(rules, "comparators:\n  against: [oncology]\n");
        assertThrows(IllegalArgumentException.class, () -> Comparators.load(rules));
        Files.writeString(rules, "comparators:\n  against: [all]\n  groups: [sex]\n");
        assertThrows(IOException.class, () -> Comparators.load(rules), "an unknown setting is refused");
    }

    private static List<String> labels(List<Comparators.Subset> subsets) {
        return subsets.stream().map(s -> s.comparator().label() + "/" + s.subgroup()).toList();
    }
}
