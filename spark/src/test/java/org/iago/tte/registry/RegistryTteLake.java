package org.iago.tte.registry;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.Lake;
import org.iago.lake.LakeColumn;
import org.iago.lake.RegistryTable;

/**
 * A registry written into a lake as the ingestion leaves it: every table under {@code <lake>/registry/<table>/} with
 * its exact lake schema (dates DATE, integers int64, doubles, strings, {@code line_no}). Dates are given as days
 * since each patient's infusion; columns not given are null.
 */
final class RegistryTteLake {

    private final Map<RegistryTable, List<Map<String, Object>>> tables = new EnumMap<>(RegistryTable.class);
    private final Map<String, LocalDate> infusions = new HashMap<>();

    RegistryTteLake patient(String id, String product, String target, LocalDate infusion) {
        infusions.put(id, infusion);
        return add(RegistryTable.PATIENTS, "patient_id", id, "product", product, "target", target,
                "infusion_date", infusion, "age_years", 60L, "sex", "F", "disease", "DLBCL", "prior_lines", 3L,
                "centre", "C1");
    }

    /** Days are since infusion; null for unknown. */
    RegistryTteLake outcome(String id, Integer relapse, Integer nextTherapy, Integer death, int lastFollowUp) {
        return add(RegistryTable.OUTCOMES, "patient_id", id, "relapse_date", date(id, relapse),
                "next_therapy_date", date(id, nextTherapy), "death_date", date(id, death),
                "death_cause", death == null ? null : "OTHER", "last_follow_up_date", date(id, lastFollowUp));
    }

    RegistryTteLake toxicity(String id, String category, int onset) {
        return add(RegistryTable.TOXICITIES, "patient_id", id, "category", category, "onset_date", date(id, onset),
                "grade", 2L, "grading_system", "ASTCT");
    }

    RegistryTteLake infection(String id, int onset, String pathogenClass, Long grade, String setting,
            String onProphylaxis) {
        return add(RegistryTable.INFECTIONS, "patient_id", id, "onset_date", date(id, onset), "pathogen_class",
                pathogenClass, "ctcae_grade", grade, "setting", setting, "on_prophylaxis", onProphylaxis);
    }

    RegistryTteLake management(String id, String treatment, int start, Integer end) {
        return add(RegistryTable.MANAGEMENT, "patient_id", id, "treatment", treatment, "start_date",
                date(id, start), "end_date", date(id, end));
    }

    RegistryTteLake neoplasm(String id, int diagnosis, String type) {
        return add(RegistryTable.NEOPLASMS, "patient_id", id, "diagnosis_date", date(id, diagnosis), "type", type,
                "car_transgene_detected", "U");
    }

    /** Writes every table, empty ones too, and returns the lake. */
    Lake write(SparkSession spark, Path root) {
        Lake lake = new Lake(root);
        for (RegistryTable table : RegistryTable.values()) {
            StructType schema = new StructType();
            for (LakeColumn c : table.schema().columns()) {
                schema = schema.add(c.name(), type(c), true);
            }
            List<Row> rows = new ArrayList<>();
            long line = 2;
            for (Map<String, Object> values : tables.getOrDefault(table, List.of())) {
                Object[] row = new Object[schema.size()];
                for (int i = 0; i < row.length - 1; i++) {
                    row[i] = values.get(schema.fields()[i].name());
                }
                row[row.length - 1] = line++;
                rows.add(RowFactory.create(row));
            }
            spark.createDataFrame(rows, schema).write().parquet(lake.registryTable(table).toString());
        }
        return lake;
    }

    private static DataType type(LakeColumn c) {
        return switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }

    private LocalDate date(String id, Integer day) {
        return day == null ? null : infusions.get(id).plusDays(day);
    }

    private RegistryTteLake add(RegistryTable table, Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!table.schema().has((String) namesAndValues[i])) {
                throw new IllegalArgumentException(table + " has no column " + namesAndValues[i]);
            }
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        return this;
    }
}
