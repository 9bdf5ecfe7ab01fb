package org.iago.tte.registry;

/**
 * The attributes of an infection that rates are broken down by.
 *
 * @param pathogenClass BACTERIAL, VIRAL, FUNGAL, OTHER
 * @param severity the CTCAE grade band: {@code 1-2}, {@code 3}, {@code 4-5}, or {@code UNKNOWN}
 * @param setting INPATIENT, OUTPATIENT or {@code UNKNOWN}
 * @param recordedOnProphylaxis the extract's {@code on_prophylaxis} (Y/N), null if unknown; checked against the
 *        management periods, not used to split rates
 */
record InfectionKind(String pathogenClass, String severity, String setting, String recordedOnProphylaxis) {

    static final String UNKNOWN = "UNKNOWN";

    /** Grades 1–2 (mild, moderate), 3 (severe), 4–5 (life-threatening, fatal), as infection studies group them. */
    static String severity(Long ctcaeGrade) {
        if (ctcaeGrade == null) {
            return UNKNOWN;
        }
        return ctcaeGrade <= 2 ? "1-2" : ctcaeGrade == 3 ? "3" : "4-5";
    }
}
