package org.iago.ingest.registry;

import java.util.Map;
import java.util.Set;

/** The code lists and ranges of the registry extract, as {@code docs/registry-format.md} defines them. */
final class RegistryCodes {

    static final Set<String> SEX = Set.of("M", "F", "U");
    static final Set<String> YES_NO = Set.of("Y", "N");
    static final Set<String> YES_NO_UNKNOWN = Set.of("Y", "N", "U");
    static final Set<String> DEATH_CAUSES = Set.of("RELAPSE", "INFECTION", "CRS", "ICANS", "IEC_HS", "SPM",
            "CARDIOVASCULAR", "OTHER");
    static final Set<String> TOXICITY_CATEGORIES = Set.of("CRS", "ICANS", "IEC_HS", "PARKINSONISM",
            "CRANIAL_NERVE_PALSY", "GBS", "OTHER_NEURO", "ENTEROCOLITIS", "HYPOGAMMAGLOBULINAEMIA", "ICAHT_EARLY",
            "ICAHT_LATE", "OTHER");
    /** Highest grade of each grading system; every system starts at grade 1 (an episode is at least grade 1). */
    static final Map<String, Integer> HIGHEST_GRADE = Map.of("ASTCT", 5, "CTCAE5", 5, "LEE2014", 5, "CARTOX", 4,
            "EHA2023", 4);
    static final Set<String> HYPOTENSION = Set.of("NONE", "FLUIDS", "ONE_VASOPRESSOR", "MULTIPLE_VASOPRESSORS");
    static final Set<String> OXYGEN = Set.of("NONE", "LOW_FLOW", "HIGH_FLOW", "POSITIVE_PRESSURE");
    static final Set<String> CONSCIOUSNESS = Set.of("NORMAL", "AWAKENS_SPONTANEOUSLY", "TO_VOICE", "TO_TOUCH",
            "UNAROUSABLE");
    static final Set<String> SEIZURE = Set.of("NONE", "RESOLVING", "PROLONGED");
    static final Set<String> CEREBRAL_OEDEMA = Set.of("NONE", "FOCAL", "DIFFUSE");
    static final Set<String> PATHOGEN_CLASSES = Set.of("BACTERIAL", "VIRAL", "FUNGAL", "OTHER");
    static final Set<String> SETTINGS = Set.of("INPATIENT", "OUTPATIENT");
    static final Set<String> TREATMENTS = Set.of("TOCILIZUMAB", "STEROIDS", "ANAKINRA", "IVIG", "G_CSF",
            "ANTIBACTERIAL_PROPHYLAXIS", "ANTIVIRAL_PROPHYLAXIS", "ANTIFUNGAL_PROPHYLAXIS");
    static final Set<String> NEOPLASM_TYPES = Set.of("T_CELL_LYMPHOMA", "MDS", "AML", "SOLID", "SKIN", "OTHER");

    static final int OLDEST_AGE = 120;
    static final int MOST_PRIOR_LINES = 30;
    /** Baseline labs and prophylaxis start with lymphodepletion, up to this many days before the infusion. */
    static final int DAYS_BEFORE_INFUSION = 30;

    private RegistryCodes() {
    }
}
