package org.iago.synth;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Issue 19's drug-name rule in plain Java, learned from a generated extract's DRUG files: a row's ingredient comes
 * from the CAR-T dictionary, else prod_ai, else the dictionary learned from the extract (each normalised drugname seen
 * with prod_ai maps to its most frequent prod_ai when that has at least 80% of the name's rows with prod_ai and at
 * least two of them), else the cleaned drugname. The reference the generator's manifest is checked against; curation
 * itself is not under test here.
 */
final class DrugNameRule {

    static final double PURITY = 0.8;
    static final int MIN_ROWS = 2;

    private static final String UNITS = "MG|MCG|UG|G|KG|ML|L|IU|UNITS?|%";
    private static final String FORMS = "TABLETS?|CAPSULES?|INJECTION|SOLUTION|SUSPENSION|CREAM|PATCH|POWDER|SPRAY";

    /** Learned by the drugname as written (normalised), and by the cleaned drugname. */
    private final Map<String, String> learned;
    private final Map<String, String> learnedByCleanedName;
    private final Map<String, String> cartProducts = new HashMap<>();

    private DrugNameRule(Map<String, String> learned, Map<String, String> learnedByCleanedName) {
        this.learned = learned;
        this.learnedByCleanedName = learnedByCleanedName;
        PlantedSignalsTest.NAMES.forEach((brand, names) -> names.forEach(name -> cartProducts.put(name, brand)));
    }

    /** The rule with its dictionary learned from every DRUG row (every version) of every quarter. */
    static DrugNameRule learnedFrom(GeneratedExtract extract) throws IOException {
        Map<String, Map<String, Integer>> byName = new HashMap<>();
        Map<String, Map<String, Integer>> byCleanedName = new HashMap<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (String[] drug : extract.records(k, "DRUG")) {
                String prodAi = ingredients(drug[5]);
                if (prodAi != null) {
                    byName.computeIfAbsent(normalise(drug[4]), n -> new HashMap<>()).merge(prodAi, 1, Integer::sum);
                    byCleanedName.computeIfAbsent(clean(drug[4]), n -> new HashMap<>()).merge(prodAi, 1,
                            Integer::sum);
                }
            }
        }
        return new DrugNameRule(pure(byName), pure(byCleanedName));
    }

    private static Map<String, String> pure(Map<String, Map<String, Integer>> counts) {
        Map<String, String> dictionary = new HashMap<>();
        counts.forEach((name, byProdAi) -> {
            int rows = byProdAi.values().stream().mapToInt(Integer::intValue).sum();
            byProdAi.forEach((prodAi, n) -> {
                if (n >= MIN_ROWS && n >= PURITY * rows) {
                    dictionary.put(name, prodAi);
                }
            });
        });
        return dictionary;
    }

    /** The ingredient of a DRUG row, in the rule's order. */
    String ingredient(String drugname, String prodAi) {
        String product = cartProducts.get(normalise(drugname));
        if (product == null) {
            product = cartProducts.get(normalise(prodAi));
        }
        if (product != null) {
            return product;
        }
        String fromProdAi = ingredients(prodAi);
        if (fromProdAi != null) {
            return fromProdAi;
        }
        String fromDictionary = learned.get(normalise(drugname));
        return fromDictionary != null ? fromDictionary : clean(drugname);
    }

    /** What the learned dictionary says of a drugname as written, or null. */
    String learned(String drugname) {
        return learned.get(normalise(drugname));
    }

    /** What a dictionary learned by cleaned names says of a drugname, or null. */
    String learnedByCleanedName(String drugname) {
        return learnedByCleanedName.get(clean(drugname));
    }

    static String normalise(String name) {
        return name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** A prod_ai's ingredients, normalised, distinct and sorted, joined by a backslash; null when empty. */
    static String ingredients(String prodAi) {
        if (prodAi.isBlank()) {
            return null;
        }
        return Arrays.stream(prodAi.split("\\\\")).map(DrugNameRule::normalise).filter(s -> !s.isEmpty())
                .distinct().sorted().collect(Collectors.joining("\\"));
    }

    /**
     * Upper-case; bracketed text, strengths ("100 MG", "20MG", "0.5 MG/ML"), form words and punctuation (but the hyphen
     * and the combination's backslash) removed; white space collapsed.
     */
    static String clean(String drugname) {
        String name = normalise(drugname);
        name = name.replaceAll("\\([^)]*\\)?|\\[[^\\]]*\\]?", " ");
        name = name.replaceAll("(?<![A-Z0-9.])\\d+(?:[.,]\\d+)?\\s*(?:" + UNITS + ")(?:\\s*/\\s*(?:\\d+(?:[.,]\\d+)?"
                + "\\s*)?(?:" + UNITS + "))?(?![A-Z])", " ");
        name = name.replaceAll("(?<![A-Z])(?:" + FORMS + ")(?![A-Z])", " ");
        name = name.replaceAll("[^A-Z0-9\\\\\\- ]", " ");
        return name.trim().replaceAll("\\s+", " ");
    }

    /** The ingredients of the suspect rows, for the duplicate rule. */
    Set<String> suspectIngredients(Iterable<String[]> drugRows) {
        Set<String> suspects = new TreeSet<>();
        for (String[] drug : drugRows) {
            if (drug[3].equals("PS") || drug[3].equals("SS")) {
                suspects.add(ingredient(drug[4], drug[5]));
            }
        }
        return suspects;
    }
}
