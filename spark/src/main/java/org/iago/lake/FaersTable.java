package org.iago.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables of an FDA FAERS (and legacy LAERS) quarterly extract as they are stored in the lake: one schema per table
 * for every layout since 2004, in the current FAERS column names. Columns that an older layout lacks are null, and the
 * legacy-only DEMO columns ({@code foll_seq, image, death_dt, confid}) are kept. Every date column {@code x} is stored
 * three times: the raw text {@code x}, the parsed {@code x_date} and its {@code x_precision} ({@code day}, {@code month},
 * {@code year}, or {@code invalid} when the text is not a date).
 */
public enum FaersTable {
    DEMO("demo", List.of("primaryid", "caseid", "caseversion", "i_f_code", "event_dt", "mfr_dt", "init_fda_dt", "fda_dt",
            "rept_cod", "auth_num", "mfr_num", "mfr_sndr", "lit_ref", "age", "age_cod", "age_grp", "sex", "e_sub", "wt",
            "wt_cod", "rept_dt", "to_mfr", "occp_cod", "reporter_country", "occr_country", "foll_seq", "image",
            "death_dt", "confid"),
            Set.of("event_dt", "mfr_dt", "init_fda_dt", "fda_dt", "rept_dt", "death_dt")),
    DRUG("drug", List.of("primaryid", "caseid", "drug_seq", "role_cod", "drugname", "prod_ai", "val_vbm", "route",
            "dose_vbm", "cum_dose_chr", "cum_dose_unit", "dechal", "rechal", "lot_num", "exp_dt", "nda_num", "dose_amt",
            "dose_unit", "dose_form", "dose_freq"),
            Set.of("exp_dt")),
    REAC("reac", List.of("primaryid", "caseid", "pt", "drug_rec_act"), Set.of()),
    OUTC("outc", List.of("primaryid", "caseid", "outc_cod"), Set.of()),
    RPSR("rpsr", List.of("primaryid", "caseid", "rpsr_cod"), Set.of()),
    THER("ther", List.of("primaryid", "caseid", "dsg_drug_seq", "start_dt", "end_dt", "dur", "dur_cod"),
            Set.of("start_dt", "end_dt")),
    INDI("indi", List.of("primaryid", "caseid", "indi_drug_seq", "indi_pt"), Set.of()),
    /** The {@code Deleted/DELETE*.txt} list: one id per line, no header. */
    DELETED("deleted", List.of("id"), Set.of());

    /** The drug roles of DRUG's role_cod: primary suspect, secondary suspect, concomitant, interacting. */
    public static final List<String> ROLE_CODS = List.of("PS", "SS", "C", "I");
    public static final String DATE_SUFFIX = "_date";
    public static final String PRECISION_SUFFIX = "_precision";

    private final String lakeName;
    private final List<String> sourceColumns;
    private final Set<String> dateColumns;
    private final LakeSchema schema;

    FaersTable(String lakeName, List<String> sourceColumns, Set<String> dateColumns) {
        this.lakeName = lakeName;
        this.sourceColumns = sourceColumns;
        this.dateColumns = dateColumns;
        List<LakeColumn> columns = new ArrayList<>();
        for (String c : sourceColumns) {
            columns.add(isIdentifier(c) ? LakeColumn.identifier(c) : LakeColumn.string(c));
        }
        for (String c : sourceColumns) {
            if (dateColumns.contains(c)) {
                columns.add(LakeColumn.date(c + DATE_SUFFIX));
                columns.add(LakeColumn.string(c + PRECISION_SUFFIX));
            }
        }
        this.schema = new LakeSchema(lakeName, columns);
    }

    /** Nearly unique per row, so not dictionary-encoded. */
    private static boolean isIdentifier(String column) {
        return switch (column) {
            case "primaryid", "caseid", "mfr_num", "auth_num", "lit_ref", "image", "id" -> true;
            default -> false;
        };
    }

    /** Directory name under {@code <lake>/faers/}, e.g. {@code demo}. */
    public String lakeName() {
        return lakeName;
    }

    /** The text columns read from the file, in lake order. */
    public List<String> sourceColumns() {
        return sourceColumns;
    }

    public boolean isDate(String column) {
        return dateColumns.contains(column);
    }

    public LakeSchema schema() {
        return schema;
    }

    /** The FDA file-name prefix, e.g. {@code DEMO} or {@code DELETE}. */
    public String filePrefix() {
        return this == DELETED ? "DELETE" : name();
    }

    /** The Spring Batch step that loads this table, e.g. {@code demoLoad}. */
    public String loadStepName() {
        return lakeName + "Load";
    }

    public static FaersTable fromLoadStepName(String stepName) {
        for (FaersTable t : values()) {
            if (t.loadStepName().equals(stepName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no FAERS table is loaded by step " + stepName);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
