package org.iago.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iago.csv.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options bind from YAML as the pipeline writes them, and focus names match across sources. */
class ReportOptionsTest {

    @Test
    void bindsFromYamlWithOptionalPartsEmpty() throws Exception {
        ReportOptions o = new ObjectMapper(new YAMLFactory()).readValue("""
                title: Nightly IAGO report
                focus:
                  - {drug: BCMA, event: Parkinsonism and movement/neurocognitive toxicity, aliases: [PARKINSONISM]}
                  - {drug: CD19, event: INFECTION}
                suppressBelow: 5
                thresholds: "signals:\\n  ebgm: {minEb05: 2.5}\\n"
                """, ReportOptions.class);
        assertEquals("Nightly IAGO report", o.title());
        assertEquals(List.of(), o.focus().get(1).aliases());
        assertEquals(List.of(), o.products());
        assertEquals(5, o.suppressBelow());
        assertEquals(OptionalDouble.of(2.5), MethodsSection.eb05Threshold(o.thresholds()));
        assertEquals(OptionalDouble.empty(), MethodsSection.eb05Threshold("PRR >= 2 (free text)"));
        assertThrows(IllegalArgumentException.class, () -> new ReportOptions("t", List.of(), -1, "", List.of()));
    }

    @Test
    void focusEventsMatchAcrossSpellingsAndAliases() {
        ReportOptions.Focus parkinsonism = new ReportOptions.Focus("BCMA",
                "Parkinsonism and movement/neurocognitive toxicity", List.of("PARKINSONISM"));
        assertTrue(parkinsonism.matchesEvent("PARKINSONISM and movement / neurocognitive toxicity"));
        assertTrue(parkinsonism.matchesEvent("parkinsonism"));
        assertFalse(parkinsonism.matchesEvent("Parkinsonism and movement"));
        assertFalse(parkinsonism.isInfection());
        assertTrue(new ReportOptions.Focus("CD19", "Cranial nerve palsy").matchesEvent("CRANIAL_NERVE_PALSY"));
        ReportOptions.Focus infection = new ReportOptions.Focus("CD19", "INFECTION", List.of("Infections, viral"));
        assertTrue(infection.isInfection());
        assertTrue(infection.matchesEvent("infections, VIRAL"));
        assertFalse(infection.matchesEvent("Infections, bacterial"));
        assertTrue(infection.matchesDrug("cd19"));
    }

    /** The key is what the regular expression it replaced made of a name, for names of every kind of character. */
    @Test
    void theKeyIsTheUpperCasedNameWithEachRunOfOtherCharactersOneBlank() {
        java.util.regex.Pattern notLetterOrDigit = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
        List<String> names = List.of("Cytokine release syndrome", "  --Immune effector cell-associated"
                + " neurotoxicity syndrome!! ", "CAR-T/ICANS (grade ≥3)", "Parkinsonism_and movement", "ǅemal ⅷ ²",
                "x\u00a0y\tz", "\uD835\uDC00 math bold A, \uD800\uDF41 gothic nine", "", "---", "straße ß ǆ",
                "ıi İI");
        for (String name : names) {
            String expected = notLetterOrDigit.matcher(name.toUpperCase(java.util.Locale.ROOT)).replaceAll(" ")
                    .strip();
            assertEquals(expected, ReportOptions.Focus.key(name), name);
        }
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                name.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x3000) : ' ' + random.nextInt(95));
            }
            String expected = notLetterOrDigit.matcher(name.toString().toUpperCase(java.util.Locale.ROOT))
                    .replaceAll(" ").strip();
            assertEquals(expected, ReportOptions.Focus.key(name.toString()), name.toString());
        }
    }

    @Test
    void numbersAndCsvReadAsTheJobsWriteThem(@TempDir Path dir) throws IOException {
        assertEquals("199", Table.format(199.04247104247105));
        assertEquals("3.25", Table.format(3.252890026475137));
        assertEquals("0.000115", Table.format(1.1514104778353483E-4));
        assertEquals("1.27e-05", Table.format(1.2693578739318344E-5));
        assertEquals("8592", Table.format(8592));
        assertEquals("∞", Table.format(Double.POSITIVE_INFINITY));
        assertEquals("–", Table.format(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, CsvTable.parse("inf"));
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "drug,event,a\r\n\"A, \"\"B\"\"\",\"Infections, viral\",3\r\n");
        CsvTable t = CsvTable.read(f);
        assertEquals("A, \"B\"", t.rows().get(0).get("DRUG"), "columns by name, any case");
        assertEquals("Infections, viral", t.rows().get(0).get("event"));
        assertEquals(3.0, t.rows().get(0).number("a"));
        assertThrows(IllegalArgumentException.class, () -> t.rows().get(0).get("not_there"), "a missing column fails");
        assertEquals("", t.rows().get(0).optional("not_there"), "unless it is read as optional");
    }
}
