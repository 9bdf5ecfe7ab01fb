package org.iago.grading.harmonize;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the registry's {@code toxicities} table as the lake stores it ({@code docs/registry-format.md}): codes as
 * strings, numbers boxed, and {@code null} wherever the extract left the field empty, which means unknown, never
 * "no". Codes are checked when they are mapped, not here.
 *
 * @param category       {@code category}, e.g. CRS; required
 * @param onsetDate      {@code onset_date}
 * @param resolutionDate {@code resolution_date}; null while unresolved or unknown
 * @param grade          {@code grade} as recorded
 * @param gradingSystem  {@code grading_system} of that grade: ASTCT, CTCAE5, LEE2014, CARTOX or EHA2023
 * @param maxTempC       {@code max_temp_c}, highest temperature of the episode in °C
 * @param hypotension    {@code hypotension}: NONE, FLUIDS, ONE_VASOPRESSOR or MULTIPLE_VASOPRESSORS
 * @param oxygen         {@code oxygen}: NONE, LOW_FLOW, HIGH_FLOW or POSITIVE_PRESSURE
 * @param iceScore       {@code ice_score}, 0–10
 * @param consciousness  {@code consciousness}: NORMAL, AWAKENS_SPONTANEOUSLY, TO_VOICE, TO_TOUCH or UNAROUSABLE
 * @param seizure        {@code seizure}: NONE, RESOLVING or PROLONGED
 * @param motorWeakness  {@code motor_weakness}: Y or N
 * @param cerebralOedema {@code cerebral_oedema}: NONE, FOCAL or DIFFUSE
 */
public record RegistryToxicity(String category, LocalDate onsetDate, LocalDate resolutionDate, Integer grade,
                               String gradingSystem, Double maxTempC, String hypotension, String oxygen,
                               Integer iceScore, String consciousness, String seizure, String motorWeakness,
                               String cerebralOedema) {

    /** Requires the category, which the extract requires too. */
    public RegistryToxicity {
        Objects.requireNonNull(category, "category");
    }
}
