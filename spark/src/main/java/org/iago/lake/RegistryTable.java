package org.iago.lake;

import java.util.List;
import java.util.Set;

/**
 * The tables of a cellular-therapy registry extract ({@code docs/registry-format.md}) as they are in the lake, under
 * {@code <lake>/registry/<table>/}. Columns keep the extract's names; dates are dates, counts are integers, and
 * {@code patients} gains the product's {@code target} from the product dictionary.
 */
public enum RegistryTable {

    PATIENTS("patients", List.of(LakeColumn.identifier("patient_id"), LakeColumn.string("product"),
            LakeColumn.string("target"), LakeColumn.date("infusion_date"), LakeColumn.integer("age_years"),
            LakeColumn.string("sex"), LakeColumn.string("disease"), LakeColumn.integer("prior_lines"),
            LakeColumn.string("centre"))),
    OUTCOMES("outcomes", List.of(LakeColumn.identifier("patient_id"), LakeColumn.date("relapse_date"),
            LakeColumn.date("next_therapy_date"), LakeColumn.date("death_date"), LakeColumn.string("death_cause"),
            LakeColumn.date("last_follow_up_date"))),
    TOXICITIES("toxicities", List.of(LakeColumn.identifier("patient_id"), LakeColumn.string("category"),
            LakeColumn.date("onset_date"), LakeColumn.date("resolution_date"), LakeColumn.integer("grade"),
            LakeColumn.string("grading_system"), LakeColumn.decimal("max_temp_c"), LakeColumn.string("hypotension"),
            LakeColumn.string("oxygen"), LakeColumn.integer("ice_score"), LakeColumn.string("consciousness"),
            LakeColumn.string("seizure"), LakeColumn.string("motor_weakness"), LakeColumn.string("cerebral_oedema"))),
    INFECTIONS("infections", List.of(LakeColumn.identifier("patient_id"), LakeColumn.date("onset_date"),
            LakeColumn.string("pathogen_class"), LakeColumn.string("organism"), LakeColumn.integer("ctcae_grade"),
            LakeColumn.string("setting"), LakeColumn.string("on_prophylaxis"), LakeColumn.string("prophylaxis"))),
    LABS("labs", List.of(LakeColumn.identifier("patient_id"), LakeColumn.integer("day"),
            LakeColumn.decimal("anc_per_ul"), LakeColumn.decimal("platelets_per_ul"))),
    MANAGEMENT("management", List.of(LakeColumn.identifier("patient_id"), LakeColumn.string("treatment"),
            LakeColumn.date("start_date"), LakeColumn.date("end_date"), LakeColumn.string("indication"))),
    NEOPLASMS("neoplasms", List.of(LakeColumn.identifier("patient_id"), LakeColumn.date("diagnosis_date"),
            LakeColumn.string("type"), LakeColumn.string("car_transgene_detected")));

    /** Lake columns that are not in the extract: the ingestion derives them. */
    private static final Set<String> DERIVED = Set.of("target");

    private final String lakeName;
    private final LakeSchema schema;

    RegistryTable(String lakeName, List<LakeColumn> columns) {
        this.lakeName = lakeName;
        this.schema = new LakeSchema(lakeName, columns);
    }

    /** The folder under {@code <lake>/registry/} and the extract's file name without {@code .csv}. */
    public String lakeName() {
        return lakeName;
    }

    public String fileName() {
        return lakeName + ".csv";
    }

    public LakeSchema schema() {
        return schema;
    }

    /** The extract file's columns: the lake columns without {@code line_no} and without derived ones. */
    public List<String> inputColumns() {
        return schema.columns().subList(0, schema.dataColumnCount()).stream().map(LakeColumn::name)
                .filter(c -> !DERIVED.contains(c)).toList();
    }

    public String loadStepName() {
        return lakeName + "Load";
    }

    public static RegistryTable fromLoadStepName(String stepName) {
        for (RegistryTable t : values()) {
            if (t.loadStepName().equals(stepName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no registry table is loaded by step " + stepName);
    }
}
