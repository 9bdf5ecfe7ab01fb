package org.iago.curate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.iago.vocabulary.Names;

/**
 * How a free-text {@code drugname} is cleaned when no dictionary and no {@code prod_ai} name its ingredient, and how a
 * combination's ingredients are written. The rules are regular expressions applied in order to the
 * {@link Names#normalise normalised} name; {@link CurateJob} applies the same list as Spark column expressions, so the
 * Java form here is the specification the tests check.
 * <p>
 * Why these rules: FAERS drug names are typed by reporters and carry strengths ("ELIQUIS 5 MG"), forms ("TABLETS"),
 * the manufacturer or ingredient in brackets, and stray punctuation ("HUMIRA /", "ASPIRIN."). DiAna's cleaning script
 * (fusarolimichele/DiAna, Cleaning_script.R) only lower-cases and strips end punctuation, and leaves the rest to its
 * hand-checked dictionary (Fusaroli et al., Drug Saf 2024;47:271-284, doi:10.1007/s40264-023-01391-4); iago ships no
 * such dictionary, so it also removes strengths, forms and bracketed text, and a user can plug a dictionary in
 * ({@link UserDrugDictionary}).
 */
public final class DrugNames {

    /** One cleaning step: every match of {@code regex} is replaced by {@code replacement}. */
    public record Replacement(String regex, String replacement) {
    }

    /** The separator of a combination's ingredients, as FAERS writes {@code prod_ai} ({@code SACUBITRIL\VALSARTAN}). */
    public static final String COMBINATION_SEPARATOR = "\\";

    private static final String FORMS = "TABLETS?|TABS?|CAPSULES?|CAPS|CAPLETS?|INJECTION|INJECTABLE|SOLUTION|"
            + "SUSPENSION|SYRUP|ELIXIR|CREAM|OINTMENT|GEL|LOTION|PATCH|POWDER|GRANULES|DROPS|SPRAY|INHALER|AEROSOL|"
            + "SUPPOSITORY|VIAL|AMPOULE|PEN|AUTOINJECTOR|PREFILLED SYRINGE|SYRINGE|INFUSION|CONCENTRATE|"
            + "FILM[ -]COATED|EXTENDED[ -]RELEASE|DELAYED[ -]RELEASE|SUSTAINED[ -]RELEASE|ORAL|TOPICAL";
    private static final String UNITS = "MG|MCG|UG|G|KG|ML|L|IU|UNITS?|MEQ|MMOL|%";

    /** The cleaning steps, in order, on a normalised (upper-case, trimmed, single-spaced) name. */
    public static final List<Replacement> CLEANING = List.of(
            // bracketed text: a manufacturer, an ingredient, a comment
            new Replacement("\\([^)]*\\)?|\\[[^\\]]*\\]?|\\{[^}]*\\}?", " "),
            // strengths and concentrations: 100 MG, 100MG, 0.5 MG/ML, 20 IU, 2.5%, 100 MG/5 ML
            new Replacement("(?<![\\p{L}])\\d+(?:[.,]\\d+)?\\s*(?:" + UNITS + ")(?:\\s*/\\s*(?:\\d+(?:[.,]\\d+)?"
                    + "\\s*)?(?:" + UNITS + "|H|HR|HOURS?|DOSE|ACTUATION|SPRAY))?(?![\\p{L}])", " "),
            // forms and release types as whole words, with "FOR" before them (SOLUTION FOR INJECTION)
            new Replacement("(?<![\\p{L}])(?:FOR )?(?:" + FORMS + ")(?![\\p{L}])", " "),
            // punctuation, except the hyphen inside a name (RISANKIZUMAB-RZAA) and the combination separator
            new Replacement("[^\\p{L}\\p{N}\\\\\\- ]", " "),
            // a hyphen or separator left at either end, then white space
            new Replacement("^[\\s\\-\\\\]+|[\\s\\-\\\\]+$", ""),
            new Replacement("\\s+", " "));

    private static final List<Pattern> PATTERNS = CLEANING.stream().map(r -> Pattern.compile(r.regex())).toList();

    private DrugNames() {
    }

    /**
     * The cleaned name: the {@link #CLEANING} steps applied in order to the normalised name; the normalised name itself
     * when cleaning leaves nothing (a name that is only a form, such as "TABLETS"); null for null or blank.
     */
    public static String clean(String drugname) {
        String name = Names.normalise(drugname);
        if (name == null || name.isEmpty()) {
            return null;
        }
        String cleaned = name;
        for (int i = 0; i < PATTERNS.size(); i++) {
            cleaned = PATTERNS.get(i).matcher(cleaned).replaceAll(CLEANING.get(i).replacement());
        }
        return cleaned.isEmpty() ? name : cleaned;
    }

    /**
     * A combination written as its distinct ingredients, normalised and sorted, joined by
     * {@link #COMBINATION_SEPARATOR}: {@code VALSARTAN\SACUBITRIL} and {@code sacubitril \ valsartan} both become
     * {@code SACUBITRIL\VALSARTAN}. Sorted by their UTF-8 bytes, as Spark's {@code array_sort} orders strings, so
     * the dictionary's and {@code prod_ai}'s combinations are written alike. Null for null or blank.
     */
    public static String ingredients(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String joined = Arrays.stream(text.split(Pattern.quote(COMBINATION_SEPARATOR)))
                .map(Names::normalise).filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparing((String s) -> s.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned))
                .collect(Collectors.joining(COMBINATION_SEPARATOR));
        return joined.isEmpty() ? null : joined;
    }
}
