package org.iago.curate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The settings of curation beyond the CAR-T dictionary and term groups, from {@code conf/curation.yaml} (optional: the
 * defaults below apply without it): the rule that finds the same report sent under two caseids, and how drug names
 * become ingredients.
 *
 * @param duplicates the duplicate rule
 * @param drugNames  the drug-name settings
 */
public record CurationRules(DuplicateRule duplicates, DrugNameRules drugNames) {

    public static final String FILE_NAME = "curation.yaml";

    /** A field two reports must agree on to be duplicates, as it is named in {@code curation.yaml}. */
    public enum DuplicateField {
        /** DEMO {@code sex}, M or F. */
        SEX,
        /** The age converted to years, rounded down. */
        AGE_YEARS,
        /** DEMO {@code reporter_country}, trimmed and upper-cased. */
        REPORTER_COUNTRY,
        /** DEMO {@code event_dt} when it is a full date (day precision). */
        EVENT_DT,
        /** The set of PTs. */
        PTS,
        /** The set of ingredients of the primary and secondary suspect drugs (role_cod PS, SS). */
        SUSPECT_INGREDIENTS;

        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static DuplicateField of(String name) {
            // not valueOf: Jackson reports the root cause, and valueOf's message names the Java class
            return Arrays.stream(values()).filter(f -> f.yamlName().equals(name.trim().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown duplicate field " + name
                            + "; known: " + Arrays.stream(values()).map(DuplicateField::yamlName).toList()));
        }

        /** A set of values rather than one value: never missing on its own, but empty when the report has none. */
        public boolean isSet() {
            return this == PTS || this == SUSPECT_INGREDIENTS;
        }
    }

    /**
     * Which reports are the same report sent twice.
     *
     * @param name             written with every merge in {@code curated/duplicates}; {@code none} turns the rule off
     * @param fields           what must agree; the default is {@link #DEFAULT_FIELDS}
     * @param mergeWhenMissing false (default): a report missing any field (or with no PT or no suspect drug) is never
     *                         merged. True: a report missing some of the single-valued fields (sex, age, country, event
     *                         date) joins the one group of complete reports that agrees on every field it has; when
     *                         several groups agree it is left alone, since the data cannot say which one it repeats
     */
    public record DuplicateRule(String name, List<DuplicateField> fields, boolean mergeWhenMissing) {

        public static final List<DuplicateField> DEFAULT_FIELDS = List.of(DuplicateField.values());
        public static final String NONE = "none";

        @JsonCreator
        public DuplicateRule(@JsonProperty("name") String name, @JsonProperty("fields") List<DuplicateField> fields,
                @JsonProperty("merge_when_missing") boolean mergeWhenMissing) {
            this.name = name == null ? "demographic-clinical" : name.trim();
            this.fields = NONE.equals(this.name) ? List.of()
                    : List.copyOf(fields == null || fields.isEmpty() ? DEFAULT_FIELDS : fields.stream().distinct()
                            .sorted().toList());
            this.mergeWhenMissing = mergeWhenMissing;
            if (!NONE.equals(this.name) && this.fields.stream().noneMatch(DuplicateField::isSet)) {
                throw new IllegalArgumentException("duplicate rule " + this.name + ": the fields must include pts or "
                        + "suspect_ingredients, or two reports of different drugs and events could be merged");
            }
        }

        public static DuplicateRule defaults() {
            return new DuplicateRule(null, null, false);
        }

        public static DuplicateRule none() {
            return new DuplicateRule(NONE, null, false);
        }

        public boolean enabled() {
            return !fields.isEmpty();
        }
    }

    /**
     * How drug names become ingredients.
     *
     * @param userDictionary a {@link UserDrugDictionary} CSV, relative to the conf folder, or null
     * @param learnedPurity  a drugname is learned when its most frequent {@code prod_ai} has at least this share of
     *                       its rows with a {@code prod_ai}
     * @param learnedMinRows ... and at least this many such rows
     */
    public record DrugNameRules(String userDictionary, double learnedPurity, int learnedMinRows) {

        @JsonCreator
        public DrugNameRules(@JsonProperty("user_dictionary") String userDictionary,
                @JsonProperty("learned_purity") Double learnedPurity,
                @JsonProperty("learned_min_rows") Integer learnedMinRows) {
            this(userDictionary, learnedPurity == null ? 0.8 : learnedPurity,
                    learnedMinRows == null ? 2 : learnedMinRows);
        }

        public DrugNameRules {
            if (!(learnedPurity > 0.5 && learnedPurity <= 1)) {
                throw new IllegalArgumentException("learned_purity must be above 0.5 and at most 1 (a majority), got "
                        + learnedPurity);
            }
            if (learnedMinRows < 1) {
                throw new IllegalArgumentException("learned_min_rows must be at least 1, got " + learnedMinRows);
            }
        }

        public static DrugNameRules defaults() {
            return new DrugNameRules(null, (Double) null, null);
        }
    }

    @JsonCreator
    public CurationRules(@JsonProperty("duplicates") DuplicateRule duplicates,
            @JsonProperty("drug_names") DrugNameRules drugNames) {
        this.duplicates = duplicates == null ? DuplicateRule.defaults() : duplicates;
        this.drugNames = drugNames == null ? DrugNameRules.defaults() : drugNames;
    }

    public static CurationRules defaults() {
        return new CurationRules(null, null);
    }

    /** {@value #FILE_NAME} in {@code conf}, or the defaults when there is none. */
    public static CurationRules load(Path conf) throws IOException {
        Path file = conf.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            CurationRules rules = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), CurationRules.class);
            return rules == null ? defaults() : rules;
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The same settings with another duplicate rule (the command line's {@code --duplicates none}). */
    public CurationRules withDuplicates(DuplicateRule rule) {
        return new CurationRules(rule, drugNames);
    }

    /** The user dictionary the settings name, resolved against {@code conf}, or an empty one. */
    public UserDrugDictionary userDictionary(Path conf) throws IOException {
        return drugNames.userDictionary() == null ? UserDrugDictionary.empty()
                : UserDrugDictionary.load(conf.resolve(drugNames.userDictionary()));
    }
}
