package org.iago.curate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.iago.csv.CsvReader;
import org.iago.vocabulary.Names;

/**
 * A user's drug dictionary: a CSV whose header begins {@code drugname,ingredients} (further columns, such as the
 * report counts of {@code curated/unmapped_drug_names.csv}, are ignored), one name per line, its ingredients
 * separated by {@code ;} or {@code \} for a combination; a line with no ingredients leaves its name unmapped (DiAna's dictionary writes {@code ;}, FAERS' {@code prod_ai}
 * writes {@code \}). A licensed RxNorm extract or the DiAna dictionary (Fusaroli et al., Drug Saf 2024) can be turned
 * into this form. Names are matched as {@link Names#normalise} writes them; ingredients are stored as
 * {@link DrugNames#ingredients} writes them.
 */
public final class UserDrugDictionary {

    public static final List<String> HEADER = List.of("drugname", "ingredients");

    private final Map<String, String> byName;

    public UserDrugDictionary(Map<String, String> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    public static UserDrugDictionary empty() {
        return new UserDrugDictionary(Map.of());
    }

    /**
     * @throws IllegalArgumentException on a wrong header, a line without ingredients, or a name given two different
     *                                  ingredient sets, with the file and line
     */
    public static UserDrugDictionary load(Path csv) throws IOException {
        List<List<String>> records = CsvReader.read(csv);
        if (records.isEmpty() || records.get(0).size() < HEADER.size() || !records.get(0).subList(0, HEADER.size())
                .stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
            throw new IllegalArgumentException(csv + ": the header must begin " + String.join(",", HEADER));
        }
        Map<String, String> byName = new TreeMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            String where = csv + " line " + (i + 1);
            if (r.size() < HEADER.size()) {
                throw new IllegalArgumentException(where + ": " + r.size() + " field, expected drugname,ingredients");
            }
            String name = Names.normalise(r.get(0));
            String ingredients = DrugNames.ingredients(r.get(1).replace(';', DrugNames.COMBINATION_SEPARATOR.charAt(0)));
            if (ingredients == null) {
                continue;
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException(where + ": ingredients " + ingredients + " without a drugname");
            }
            String previous = byName.put(name, ingredients);
            if (previous != null && !previous.equals(ingredients)) {
                throw new IllegalArgumentException(where + ": " + name + " is given both " + previous + " and "
                        + ingredients);
            }
        }
        return new UserDrugDictionary(byName);
    }

    /** Normalised name → ingredients, sorted by name. */
    public Map<String, String> byName() {
        return byName;
    }
}
