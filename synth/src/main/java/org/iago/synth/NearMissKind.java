package org.iago.synth;

/**
 * How a planted near-miss differs from its original: exactly one field of issue 19's default duplicate rule is
 * different, or missing in the copy. None of them may be merged by that rule. Planted in this order, round robin.
 */
enum NearMissKind {

    /** sex M and F swapped. */
    SEX_DIFFERS("sex-differs", "sex"),
    /** No age (and no age_cod) in the copy. */
    AGE_MISSING("age-missing", "age_years"),
    /** One PT of the original replaced by another. */
    PT_REPLACED("pt-replaced", "pts"),
    /** event_dt given to the month only (yyyymm). */
    EVENT_DT_PARTIAL("event-dt-partial", "event_dt"),
    /** One suspect (PS or SS) drug replaced by a product of another ingredient. */
    SUSPECT_REPLACED("suspect-replaced", "suspect_ingredients"),
    /** Empty reporter_country. */
    REPORTER_COUNTRY_MISSING("reporter-country-missing", "reporter_country"),
    /** The age one year higher (in whatever unit the copy states it). */
    AGE_DIFFERS("age-differs", "age_years"),
    /** sex empty or UNK. */
    SEX_MISSING("sex-missing", "sex"),
    /** event_dt one day later. */
    EVENT_DT_DIFFERS("event-dt-differs", "event_dt"),
    /** One PT added. */
    PT_ADDED("pt-added", "pts"),
    /** Another reporter_country. */
    REPORTER_COUNTRY_DIFFERS("reporter-country-differs", "reporter_country");

    private final String label;
    private final String field;

    NearMissKind(String label, String field) {
        this.label = label;
        this.field = field;
    }

    /** The name used in the manifest. */
    String label() {
        return label;
    }

    /** The rule's field that tells the two reports apart, as curation.yaml names it. */
    String field() {
        return field;
    }
}
