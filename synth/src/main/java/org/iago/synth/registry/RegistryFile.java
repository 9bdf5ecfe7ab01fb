package org.iago.synth.registry;

import java.util.List;
import java.util.Locale;

/** The seven files of a registry extract with their columns, in the order of {@code docs/registry-format.md}. */
enum RegistryFile {

    PATIENTS("patient_id", "product", "infusion_date", "age_years", "sex", "disease", "prior_lines", "centre"),
    OUTCOMES("patient_id", "relapse_date", "next_therapy_date", "death_date", "death_cause", "last_follow_up_date"),
    TOXICITIES("patient_id", "category", "onset_date", "resolution_date", "grade", "grading_system", "max_temp_c",
            "hypotension", "oxygen", "ice_score", "consciousness", "seizure", "motor_weakness", "cerebral_oedema"),
    INFECTIONS("patient_id", "onset_date", "pathogen_class", "organism", "ctcae_grade", "setting", "on_prophylaxis",
            "prophylaxis"),
    LABS("patient_id", "day", "anc_per_ul", "platelets_per_ul"),
    MANAGEMENT("patient_id", "treatment", "start_date", "end_date", "indication"),
    NEOPLASMS("patient_id", "diagnosis_date", "type", "car_transgene_detected");

    private final List<String> columns;

    RegistryFile(String... columns) {
        this.columns = List.of(columns);
    }

    String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".csv";
    }

    List<String> columns() {
        return columns;
    }
}
