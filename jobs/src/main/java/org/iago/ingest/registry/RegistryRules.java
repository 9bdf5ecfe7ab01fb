package org.iago.ingest.registry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.iago.vocabulary.Names;
import org.iago.dictionary.ProductDictionary;
import org.iago.ingest.RecordRejectedException;
import org.iago.lake.RegistryTable;

import static org.iago.ingest.registry.RegistryCodes.DAYS_BEFORE_INFUSION;

/**
 * The validation rules of {@code docs/registry-format.md}, one method per table: each checks one line's fields and
 * returns the lake row's values in {@link RegistryTable} column order, or rejects the line with its reason.
 */
final class RegistryRules {

    private final ProductDictionary products;
    private final RegistryIndex index;

    RegistryRules(ProductDictionary products, RegistryIndex index) {
        this.products = products;
        this.index = index;
    }

    Object[] row(RegistryTable table, RegistryFields f, int line) {
        return switch (table) {
            case PATIENTS -> patient(f, line);
            case OUTCOMES -> outcome(f, line);
            case TOXICITIES -> toxicity(f);
            case INFECTIONS -> infection(f);
            case LABS -> lab(f);
            case MANAGEMENT -> treatment(f);
            case NEOPLASMS -> neoplasm(f);
        };
    }

    /** Follow-up ends at death when the patient died, else at the last follow-up. */
    static LocalDate followUpEnd(LocalDate death, LocalDate lastFollowUp) {
        return death != null ? death : lastFollowUp;
    }

    private Object[] patient(RegistryFields f, int line) {
        String id = f.required("patient_id");
        String named = f.required("product");
        ProductDictionary.Product product = products.byName().get(Names.normalise(named));
        if (product == null) {
            throw new RecordRejectedException("product '" + named + "' is not in the product dictionary");
        }
        LocalDate infusion = f.date("infusion_date", true);
        Object[] row = {id, product.brand(), product.target(), infusion,
                f.integer("age_years", 0, RegistryCodes.OLDEST_AGE, false), f.code("sex", RegistryCodes.SEX, false),
                f.text("disease"), f.integer("prior_lines", 0, RegistryCodes.MOST_PRIOR_LINES, false),
                f.text("centre")};
        if (index.knowsPatients()) {
            int first = index.patient(id).line();
            if (first != line) {
                throw new RecordRejectedException("patient_id " + id + " is already on line " + first);
            }
        }
        return row;
    }

    private Object[] outcome(RegistryFields f, int line) {
        String id = f.required("patient_id");
        LocalDate infusion = infusionOf(id);
        LocalDate relapse = notBefore(f.date("relapse_date", false), "relapse_date", infusion, "infusion_date");
        LocalDate nextTherapy = notBefore(f.date("next_therapy_date", false), "next_therapy_date", infusion,
                "infusion_date");
        LocalDate death = notBefore(f.date("death_date", false), "death_date", infusion, "infusion_date");
        String cause = f.code("death_cause", RegistryCodes.DEATH_CAUSES, false);
        if (cause != null && death == null) {
            throw new RecordRejectedException("death_cause " + cause + " without a death_date");
        }
        LocalDate lastFollowUp = notBefore(f.date("last_follow_up_date", true), "last_follow_up_date", infusion,
                "infusion_date");
        if (death != null) {
            notBefore(death, "death_date", lastFollowUp, "last_follow_up_date");
        }
        LocalDate end = followUpEnd(death, lastFollowUp);
        notAfter(relapse, "relapse_date", end);
        notAfter(nextTherapy, "next_therapy_date", end);
        if (index.knowsOutcomes()) {
            int first = index.outcome(id).line();
            if (first != line) {
                throw new RecordRejectedException("patient_id " + id + " already has an outcome on line " + first);
            }
        }
        return new Object[] {id, relapse, nextTherapy, death, cause, lastFollowUp};
    }

    private Object[] toxicity(RegistryFields f) {
        String id = f.required("patient_id");
        String category = f.code("category", RegistryCodes.TOXICITY_CATEGORIES, true);
        LocalDate onset = withinFollowUp(id, f.date("onset_date", true), "onset_date", 0);
        LocalDate resolution = notBefore(f.date("resolution_date", false), "resolution_date", onset, "onset_date");
        notAfter(resolution, "resolution_date", followUpEndOf(id));
        String system = f.code("grading_system", RegistryCodes.HIGHEST_GRADE.keySet(), false);
        Long grade = f.integer("grade", 1, 5, false);
        if (grade != null) {
            if (system == null) {
                throw new RecordRejectedException("grade " + grade + " without a grading_system");
            }
            int highest = RegistryCodes.HIGHEST_GRADE.get(system);
            if (grade > highest) {
                throw new RecordRejectedException("grade " + grade + " is outside " + system + " grades 1.." + highest);
            }
        }
        return new Object[] {id, category, onset, resolution, grade, system,
                f.decimal("max_temp_c", 30, 45), f.code("hypotension", RegistryCodes.HYPOTENSION, false),
                f.code("oxygen", RegistryCodes.OXYGEN, false), f.integer("ice_score", 0, 10, false),
                f.code("consciousness", RegistryCodes.CONSCIOUSNESS, false),
                f.code("seizure", RegistryCodes.SEIZURE, false), f.code("motor_weakness", RegistryCodes.YES_NO, false),
                f.code("cerebral_oedema", RegistryCodes.CEREBRAL_OEDEMA, false)};
    }

    private Object[] infection(RegistryFields f) {
        String id = f.required("patient_id");
        LocalDate onset = withinFollowUp(id, f.date("onset_date", true), "onset_date", 0);
        String onProphylaxis = f.code("on_prophylaxis", RegistryCodes.YES_NO, false);
        String prophylaxis = f.text("prophylaxis");
        if (prophylaxis != null && !"Y".equals(onProphylaxis)) {
            throw new RecordRejectedException("prophylaxis " + prophylaxis + " named but on_prophylaxis is not Y");
        }
        return new Object[] {id, onset, f.code("pathogen_class", RegistryCodes.PATHOGEN_CLASSES, true),
                f.text("organism"), f.integer("ctcae_grade", 1, 5, false),
                f.code("setting", RegistryCodes.SETTINGS, false), onProphylaxis, prophylaxis};
    }

    private Object[] lab(RegistryFields f) {
        String id = f.required("patient_id");
        LocalDate infusion = infusionOf(id);
        LocalDate end = followUpEndOf(id);
        long lastDay = end == null ? Integer.MAX_VALUE : ChronoUnit.DAYS.between(infusion, end);
        Long day = f.integer("day", -DAYS_BEFORE_INFUSION, Integer.MAX_VALUE, true);
        if (day > lastDay) {
            throw new RecordRejectedException("day " + day + " is after the end of follow-up (day " + lastDay + ")");
        }
        Double anc = f.decimal("anc_per_ul", 0, 1e6);
        Double platelets = f.decimal("platelets_per_ul", 0, 1e7);
        if (anc == null && platelets == null) {
            throw new RecordRejectedException("neither anc_per_ul nor platelets_per_ul is given");
        }
        return new Object[] {id, day, anc, platelets};
    }

    private Object[] treatment(RegistryFields f) {
        String id = f.required("patient_id");
        String treatment = f.code("treatment", RegistryCodes.TREATMENTS, true);
        LocalDate start = withinFollowUp(id, f.date("start_date", true), "start_date", DAYS_BEFORE_INFUSION);
        LocalDate end = notBefore(f.date("end_date", false), "end_date", start, "start_date");
        notAfter(end, "end_date", followUpEndOf(id));
        return new Object[] {id, treatment, start, end, f.text("indication")};
    }

    private Object[] neoplasm(RegistryFields f) {
        String id = f.required("patient_id");
        LocalDate diagnosis = withinFollowUp(id, f.date("diagnosis_date", true), "diagnosis_date", 0);
        return new Object[] {id, diagnosis, f.code("type", RegistryCodes.NEOPLASM_TYPES, true),
                f.code("car_transgene_detected", RegistryCodes.YES_NO_UNKNOWN, false)};
    }

    private LocalDate infusionOf(String id) {
        RegistryIndex.Patient patient = index.patient(id);
        if (patient == null) {
            throw new RecordRejectedException("patient_id " + id + " has no accepted row in patients.csv");
        }
        return patient.infusion();
    }

    /** Null when the patient's outcome row is missing or was rejected: then only the infusion date bounds events. */
    private LocalDate followUpEndOf(String id) {
        RegistryIndex.Outcome outcome = index.outcome(id);
        return outcome == null ? null : outcome.followUpEnd();
    }

    /** A date from {@code daysBeforeInfusion} before the infusion to the end of follow-up. */
    private LocalDate withinFollowUp(String id, LocalDate date, String column, int daysBeforeInfusion) {
        LocalDate infusion = infusionOf(id);
        LocalDate earliest = infusion.minusDays(daysBeforeInfusion);
        if (date.isBefore(earliest)) {
            throw new RecordRejectedException(column + " " + date + " is before "
                    + (daysBeforeInfusion == 0 ? "the infusion_date " + infusion : earliest + ", "
                    + daysBeforeInfusion + " days before the infusion_date " + infusion));
        }
        notAfter(date, column, followUpEndOf(id));
        return date;
    }

    private static LocalDate notBefore(LocalDate date, String column, LocalDate bound, String boundColumn) {
        if (date != null && bound != null && date.isBefore(bound)) {
            throw new RecordRejectedException(column + " " + date + " is before " + boundColumn + " " + bound);
        }
        return date;
    }

    private static void notAfter(LocalDate date, String column, LocalDate followUpEnd) {
        if (date != null && followUpEnd != null && date.isAfter(followUpEnd)) {
            throw new RecordRejectedException(column + " " + date + " is after the end of follow-up " + followUpEnd);
        }
    }
}
