package org.iago.tte.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.harmonize.DerivedGrade;
import org.iago.grading.harmonize.GradedToxicity;
import org.iago.grading.harmonize.GradingAgreement;
import org.iago.grading.harmonize.HarmonizedEpisode;
import org.iago.grading.harmonize.RegistryGrading;
import org.iago.grading.harmonize.RegistryOutcome;
import org.iago.grading.harmonize.RegistryToxicity;
import org.iago.lake.RegistryTable;

/**
 * Grading harmonization of the registry: every CRS, ICANS and ICAHT episode re-graded by ASTCT and EHA/EBMT from its
 * raw parameters ({@link RegistryGrading}) and compared with the grade the registry recorded
 * ({@link GradingAgreement}). Spark joins each episode with what grading needs from the other tables (age, outcome,
 * whether tocilizumab or steroids had started by the onset, the ANC series and the day follow-up ends for ICAHT);
 * the grading runs on the driver.
 * <p>
 * Tables: {@code grading_agreement} (per category and recorded system: paired episodes, exact agreement, Cohen's
 * kappa, linear and quadratic weighted kappa with 95% CIs), {@code grading_confusion} (recorded × derived grade
 * counts) and {@code grade_distribution} (episodes per derived grade).
 */
final class GradingTables {

    private static final String[] CATEGORIES = Arrays.stream(GradedToxicity.values()).map(Enum::name)
            .toArray(String[]::new);

    /** ICAHT of a patient without an outcome row: when follow-up ends, and so the last laboratory day, is unknown. */
    private static final RegistryGrading.IcahtGrades NO_FOLLOW_UP = new RegistryGrading.IcahtGrades(
            new DerivedGrade.Ungradable("no outcome row: end of follow-up unknown"),
            new DerivedGrade.Ungradable("no outcome row: end of follow-up unknown"));

    private GradingTables() {
    }

    static List<OutputTable> of(RegistryTables registry) {
        List<HarmonizedEpisode> episodes = new ArrayList<>();
        RegistryGrading grading = RegistryGrading.withDefaults();
        for (Row r : episodes(registry).collectAsList()) {
            RegistryToxicity toxicity = new RegistryToxicity(r.getAs("category"), date(r, "onset_date"),
                    date(r, "resolution_date"), integer(r, "grade"), r.getAs("grading_system"), r.getAs("max_temp_c"),
                    r.getAs("hypotension"), r.getAs("oxygen"), integer(r, "ice_score"), r.getAs("consciousness"),
                    r.getAs("seizure"), r.getAs("motor_weakness"), r.getAs("cerebral_oedema"));
            boolean hasOutcome = r.getAs("last_follow_up_date") != null;
            switch (GradedToxicity.valueOf(toxicity.category())) {
                case CRS -> episodes.add(grading.crs(toxicity, hasOutcome ? new RegistryOutcome(date(r, "death_date"),
                        r.getAs("death_cause")) : null, Boolean.TRUE.equals(r.getAs("masking_therapy_by_onset"))));
                case ICANS -> episodes.add(grading.icans(toxicity, integer(r, "age_years")));
                case ICAHT_EARLY, ICAHT_LATE -> episodes.add(grading.icaht(toxicity, hasOutcome
                        ? grading.icaht(anc(r), ((Number) r.getAs("follow_up_end_day")).intValue()) : NO_FOLLOW_UP));
            }
        }
        GradingAgreement.Report report = GradingAgreement.withDefaults().compare(episodes);
        return List.of(
                table("grading_agreement", GradingAgreement.AgreementRow.COLUMNS, "SSSB" + "LLLLL" + "D".repeat(13)
                        + "S", report.agreement().stream().map(GradingAgreement.AgreementRow::values).toList()),
                table("grading_confusion", GradingAgreement.ConfusionCell.COLUMNS, "SSIIL",
                        report.confusion().stream().map(GradingAgreement.ConfusionCell::values).toList()),
                table("grade_distribution", GradingAgreement.DistributionRow.COLUMNS, "SSILD",
                        report.distribution().stream().map(GradingAgreement.DistributionRow::values).toList()));
    }

    /** One row per graded episode with everything its grading needs, in a stable order. */
    private static Dataset<Row> episodes(RegistryTables registry) {
        Dataset<Row> toxicities = registry.read(RegistryTable.TOXICITIES).filter(col("category").isin(
                (Object[]) CATEGORIES));
        Dataset<Row> patients = registry.read(RegistryTable.PATIENTS).select("patient_id", "infusion_date",
                "age_years");
        Dataset<Row> outcomes = registry.read(RegistryTable.OUTCOMES).select(col("patient_id"), col("death_date"),
                col("death_cause"), col("last_follow_up_date"), col("relapse_date"), col("next_therapy_date"));
        Dataset<Row> masking = registry.read(RegistryTable.MANAGEMENT)
                .filter(col("treatment").isin("TOCILIZUMAB", "STEROIDS"))
                .select(col("patient_id").as("m_patient_id"), col("start_date").as("m_start"));
        Dataset<Row> anc = registry.read(RegistryTable.LABS).filter(col("anc_per_ul").isNotNull())
                .groupBy("patient_id")
                .agg(collect_list(struct(col("day"), col("anc_per_ul"))).as("anc"));
        Dataset<Row> masked = toxicities.join(masking, col("patient_id").equalTo(col("m_patient_id"))
                        .and(col("m_start").leq(col("onset_date"))))
                .groupBy(col("line_no").as("masked_line_no")).agg(max(lit(true)).as("masking_therapy_by_onset"));
        return toxicities.join(masked, col("line_no").equalTo(col("masked_line_no")), "left")
                .drop("masked_line_no")
                .join(patients, "patient_id")
                .join(outcomes, new String[] {"patient_id"}, "left")
                .join(anc, new String[] {"patient_id"}, "left")
                .withColumn("follow_up_end_day", datediff(least(coalesce(col("death_date"),
                        col("last_follow_up_date")), col("relapse_date"), col("next_therapy_date")),
                        col("infusion_date")))
                .orderBy("line_no");
    }

    private static List<AncMeasurement> anc(Row r) {
        List<AncMeasurement> series = new ArrayList<>();
        int at = r.fieldIndex("anc");
        if (!r.isNullAt(at)) {
            for (Row c : r.<Row>getList(at)) {
                series.add(new AncMeasurement(((Number) c.get(0)).intValue(), c.getDouble(1)));
            }
        }
        return series;
    }

    private static LocalDate date(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    private static Integer integer(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : ((Number) v).intValue();
    }

    /** @param types one letter per column: S text, B boolean, I integer, L long, D double */
    private static OutputTable table(String name, List<String> columns, String types, List<List<Object>> rows) {
        StructType schema = new StructType();
        for (int i = 0; i < columns.size(); i++) {
            DataType type = switch (types.charAt(i)) {
                case 'S' -> DataTypes.StringType;
                case 'B' -> DataTypes.BooleanType;
                case 'I' -> DataTypes.IntegerType;
                case 'L' -> DataTypes.LongType;
                default -> DataTypes.DoubleType;
            };
            schema = schema.add(columns.get(i), type, true);
        }
        return new OutputTable(name, schema, rows.stream().map(v -> OutputTable.row(v.toArray())).toList());
    }
}
