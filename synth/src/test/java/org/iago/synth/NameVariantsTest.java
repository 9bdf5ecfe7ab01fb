package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drug-name variants of {@code --name-variants} are what the manifest says: its row counts match the DRUG files,
 * and issue 19's drug-name rule ({@link DrugNameRule}) maps every variant spelling, with or without prod_ai, to the
 * ingredient the manifest names, by the resolution it names.
 */
class NameVariantsTest {

    @TempDir
    static Path out;
    static GeneratedExtract extract;
    static List<SynthManifest.NameVariantEntry> variants;
    static DrugNameRule rule;

    @BeforeAll
    static void generate() throws IOException {
        extract = GeneratedExtract.generate(new FaersSynthSpec(out, List.of(Quarter.parse("2024Q1")), 20_000, 3,
                false, false, 0, true));
        variants = extract.manifest.nameVariants();
        rule = DrugNameRule.learnedFrom(extract);
    }

    @Test
    void manifestCountsTheRowsOfEverySpelling() throws IOException {
        Map<String, long[]> counted = new TreeMap<>();
        Set<String> listed = variants.stream().map(SynthManifest.NameVariantEntry::spelling)
                .collect(Collectors.toSet());
        for (String[] drug : extract.records(0, "DRUG")) {
            if (listed.contains(drug[4])) {
                long[] counts = counted.computeIfAbsent(drug[4], s -> new long[2]);
                counts[0]++;
                counts[1] += drug[5].isEmpty() ? 1 : 0;
            }
        }
        for (SynthManifest.NameVariantEntry variant : variants) {
            long[] counts = counted.get(variant.spelling());
            assertEquals(variant.rows(), counts[0], variant.spelling());
            assertEquals(variant.rowsWithoutProdAi(), counts[1], variant.spelling());
            assertEquals(variant.ingredient().toUpperCase(Locale.ROOT), variant.ingredient());
        }
    }

    @Test
    void everySpellingMapsToItsIngredientByTheResolutionNamed() {
        List<String> learnedOnlyByCleanedName = new ArrayList<>();
        for (SynthManifest.NameVariantEntry variant : variants) {
            String cleaned = DrugNameRule.clean(variant.spelling());
            if (variant.resolution().equals("cleaning")) {
                assertEquals(variant.ingredient(), cleaned, variant.toString());
            } else {
                assertEquals("learned-dictionary", variant.resolution(), variant.toString());
                assertNotEquals(variant.ingredient(), cleaned, "cleaning alone does not map " + variant);
                assertEquals(variant.ingredient(), rule.learnedByCleanedName(variant.spelling()), variant.toString());
                if (variant.rows() - variant.rowsWithoutProdAi() >= DrugNameRule.MIN_ROWS) {
                    assertEquals(variant.ingredient(), rule.learned(variant.spelling()), variant.toString());
                } else {
                    learnedOnlyByCleanedName.add(variant.spelling());
                }
            }
        }
        // at 20,000 reports every respelling recurs with prod_ai; in smaller extracts a rare one may not
        assertEquals(List.of(), learnedOnlyByCleanedName);
    }

    @Test
    void everyRowOfAVariantGetsItsIngredient() throws IOException {
        Map<String, SynthManifest.NameVariantEntry> bySpelling = variants.stream()
                .collect(Collectors.toMap(SynthManifest.NameVariantEntry::spelling, Function.identity()));
        int withoutProdAi = 0;
        for (String[] drug : extract.records(0, "DRUG")) {
            SynthManifest.NameVariantEntry variant = bySpelling.get(drug[4]);
            if (variant != null) {
                assertEquals(variant.ingredient(), rule.ingredient(drug[4], drug[5]), String.join("$", drug));
                withoutProdAi += drug[5].isEmpty() ? 1 : 0;
            }
        }
        assertTrue(withoutProdAi > 3000, "rows the rule maps without prod_ai: " + withoutProdAi);
    }

    @Test
    void theRespellingsOfTheBriefAreWrittenAndBrandsLoseProdAiInSomeRows() {
        Map<String, SynthManifest.NameVariantEntry> bySpelling = variants.stream()
                .collect(Collectors.toMap(SynthManifest.NameVariantEntry::spelling, Function.identity()));
        for (String spelling : List.of("ELIQUIS 5 MG TABLETS", "eliquis.", "Eliquis /", "APIXABAN (ELIQUIS)",
                "XARELTO 20MG")) {
            assertTrue(bySpelling.containsKey(spelling), spelling);
            assertEquals(spelling.contains("XARELTO") ? "RIVAROXABAN" : "APIXABAN",
                    bySpelling.get(spelling).ingredient());
        }
        for (String brand : DrugVocabulary.RESPELLED) {
            SynthManifest.NameVariantEntry entry = bySpelling.get(brand);
            assertTrue(entry.rowsWithoutProdAi() > 0 && entry.rows() - entry.rowsWithoutProdAi() >= 2,
                    entry.toString());
        }
        Set<String> resolutions = new HashSet<>();
        variants.forEach(variant -> resolutions.add(variant.resolution()));
        assertEquals(Set.of("cleaning", "learned-dictionary"), resolutions);
    }

    @Test
    void withoutTheOptionNoRespellingIsWritten(@TempDir Path plain) throws IOException {
        GeneratedExtract without = GeneratedExtract.generate(plain, "2024Q1", 20_000, 3, false, false);
        Set<String> respellings = new HashSet<>();
        new DrugVocabulary().all().forEach(drug -> drug.respellings().forEach(s -> respellings.add(s.text())));
        assertEquals(12 * 8 - 2 * 2, respellings.size(), "8 per product, 6 when the brand is the ingredient");
        for (String[] drug : without.records(0, "DRUG")) {
            assertFalse(respellings.contains(drug[4]), drug[4]);
        }
        assertEquals(null, without.manifest.nameVariants());
    }
}
