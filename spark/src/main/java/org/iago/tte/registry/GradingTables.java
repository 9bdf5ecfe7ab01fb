package org.iago.tte.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.harmonize.DerivedGrade;
import org.iago.grading.harmonize.GradedToxicity;
import org.iago.grading.harmonize.GradingAgreement;
import org.iago.grading.harmonize.HarmonizedEpisode;
import org.iago.grading.harmonize.RegistryGrading;
import org.iago.grading.harmonize.RegistryOutcome;
import org.iago.grading.harmonize.RegistryToxicity;
import org.iago.lake.LakeSchema;
import org.iago.lake.RegistryTable;
import org.iago.spark.SparkSchema;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.RunLayout;

/**
 * Grading harmonization of the registry: every CRS, ICANS and ICAHT episode re-graded by ASTCT and EHA/EBMT from its
 * raw parameters ({@link RegistryGrading}) and compared with the grade the registry recorded
 * ({@link GradingAgreement}). Each episode, in the order of its line, is joined on the driver with what grading needs
 * from the other tables of the {@link RegistryExtract} (age, outcome, whether tocilizumab or steroids had started by
 * the onset, the ANC series and the day follow-up ends for ICAHT).
 * <p>
 * Tables: {@code grading_agreement} (per category and recorded system: paired episodes, exact agreement, Cohen's
 * kappa, linear and quadratic weighted kappa with 95% CIs), {@code grading_confusion} (recorded × derived grade
 * counts) and {@code grade_distribution} (episodes per derived grade).
 */
final class GradingTables {

    private static final Set<String> CATEGORIES = Set.copyOf(Arrays.stream(GradedToxicity.values()).map(Enum::name)
            .toList());

    /** Treatments that mask CRS (fever and its grade) once started. */
    private static final Set<String> MASKING_THERAPIES = Set.of("TOCILIZUMAB", "STEROIDS");

    /** ICAHT of a patient without an outcome row: when follow-up ends, and so the last laboratory day, is unknown. */
    private static final RegistryGrading.IcahtGrades NO_FOLLOW_UP = new RegistryGrading.IcahtGrades(
            new DerivedGrade.Ungradable("no outcome row: end of follow-up unknown"),
            new DerivedGrade.Ungradable("no outcome row: end of follow-up unknown"));

    private GradingTables() {
    }

    static List<OutputTable> of(RegistryExtract registry) {
        Map<String, Row> patients = byPatient(registry.rows(RegistryTable.PATIENTS));
        Map<String, Row> outcomes = byPatient(registry.rows(RegistryTable.OUTCOMES));
        Map<String, List<LocalDate>> maskingStarts = new HashMap<>();
        for (Row m : registry.rows(RegistryTable.MANAGEMENT)) {
            if (m.getAs("treatment") != null && MASKING_THERAPIES.contains(m.<String>getAs("treatment"))
                    && m.getAs("start_date") != null) {
                maskingStarts.computeIfAbsent(m.getAs("patient_id"), k -> new ArrayList<>())
                        .add(date(m, "start_date"));
            }
        }
        Map<String, List<AncMeasurement>> anc = new HashMap<>();
        for (Row l : registry.rows(RegistryTable.LABS)) {
            anc.computeIfAbsent(l.getAs("patient_id"), k -> new ArrayList<>())
                    .add(new AncMeasurement(((Number) l.getAs("day")).intValue(), l.<Double>getAs("anc_per_ul")));
        }
        List<Row> toxicities = registry.rows(RegistryTable.TOXICITIES).stream()
                .filter(t -> t.getAs("category") != null && CATEGORIES.contains(t.<String>getAs("category")))
                .sorted(Comparator.comparing(t -> t.<Long>getAs(LakeSchema.LINE_NO))).toList();

        List<HarmonizedEpisode> episodes = new ArrayList<>();
        RegistryGrading grading = RegistryGrading.withDefaults();
        for (Row r : toxicities) {
            String patientId = r.getAs("patient_id");
            Row patient = patients.get(patientId);
            if (patient == null) {
                continue;       // not in the extract's patients: no infusion to count days from
            }
            Row outcome = outcomes.get(patientId);
            RegistryToxicity toxicity = new RegistryToxicity(r.getAs("category"), date(r, "onset_date"),
                    date(r, "resolution_date"), integer(r, "grade"), r.getAs("grading_system"), r.getAs("max_temp_c"),
                    r.getAs("hypotension"), r.getAs("oxygen"), integer(r, "ice_score"), r.getAs("consciousness"),
                    r.getAs("seizure"), r.getAs("motor_weakness"), r.getAs("cerebral_oedema"));
            boolean hasOutcome = outcome != null && outcome.getAs("last_follow_up_date") != null;
            switch (GradedToxicity.valueOf(toxicity.category())) {
                case CRS -> episodes.add(grading.crs(toxicity, hasOutcome ? new RegistryOutcome(
                        date(outcome, "death_date"), outcome.getAs("death_cause")) : null,
                        maskedByOnset(maskingStarts.get(patientId), toxicity.onsetDate())));
                case ICANS -> episodes.add(grading.icans(toxicity, integer(patient, "age_years")));
                case ICAHT_EARLY, ICAHT_LATE -> episodes.add(grading.icaht(toxicity, hasOutcome
                        ? grading.icaht(anc.getOrDefault(patientId, List.of()), followUpEndDay(patient, outcome))
                        : NO_FOLLOW_UP));
            }
        }
        GradingAgreement.Report report = GradingAgreement.withDefaults().compare(episodes);
        return List.of(
                table(RunLayout.GRADING_AGREEMENT, GradingAgreement.AgreementRow.COLUMNS,
                        report.agreement().stream().map(GradingAgreement.AgreementRow::values).toList()),
                table(RunLayout.GRADING_CONFUSION, GradingAgreement.ConfusionCell.COLUMNS,
                        report.confusion().stream().map(GradingAgreement.ConfusionCell::values).toList()),
                table(RunLayout.GRADE_DISTRIBUTION, GradingAgreement.DistributionRow.COLUMNS,
                        report.distribution().stream().map(GradingAgreement.DistributionRow::values).toList()));
    }

    /** Whether tocilizumab or steroids had started by the onset (on its day or before). */
    private static boolean maskedByOnset(List<LocalDate> maskingStarts, LocalDate onset) {
        return onset != null && maskingStarts != null && maskingStarts.stream().anyMatch(s -> !s.isAfter(onset));
    }

    /** The day follow-up ends for ICAHT: death or last follow-up, or relapse or next therapy if earlier. */
    private static int followUpEndDay(Row patient, Row outcome) {
        LocalDate death = date(outcome, "death_date");
        LocalDate end = death != null ? death : date(outcome, "last_follow_up_date");
        for (String column : List.of("relapse_date", "next_therapy_date")) {
            LocalDate d = date(outcome, column);
            end = d != null && d.isBefore(end) ? d : end;
        }
        return RegistryExtract.daysBetween(date(patient, "infusion_date"), end);
    }

    /** The first row of each patient (ingestion keeps patient_id unique in patients and outcomes). */
    private static Map<String, Row> byPatient(List<Row> rows) {
        Map<String, Row> byPatient = new HashMap<>();
        rows.forEach(r -> byPatient.putIfAbsent(r.getAs("patient_id"), r));
        return byPatient;
    }

    private static LocalDate date(Row r, String column) {
        return RegistryExtract.date(r, column);
    }

    private static Integer integer(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : ((Number) v).intValue();
    }

    private static OutputTable table(String name, List<OutputColumn> columns, List<List<Object>> rows) {
        return new OutputTable(name, SparkSchema.of(columns), rows.stream().map(v -> OutputTable.row(v.toArray()))
                .toList());
    }
}
