package org.iago.tte.registry;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.RegistryTable;

/**
 * The registry tables {@link RegistryTteJob} needs, read once and held on the driver: an extract is thousands of
 * patients and a few hundred thousand rows at most, and every table of the analysis is computed from it in plain Java
 * ({@link RegistryFollowUp}, {@link GradingTables}). One Spark job per table reads it (any file system Hadoop reads);
 * no other Spark job runs, so no closure or local relation is shipped to the executors. Of {@code labs} only the ANC
 * measurements are kept, the only ones grading uses.
 */
final class RegistryExtract {

    private final Map<RegistryTable, List<Row>> rows;

    private RegistryExtract(Map<RegistryTable, List<Row>> rows) {
        this.rows = rows;
    }

    static RegistryExtract read(SparkSession spark, Lake lake) {
        RegistryTables tables = new RegistryTables(spark, lake);
        Map<RegistryTable, List<Row>> rows = new EnumMap<>(RegistryTable.class);
        for (RegistryTable table : RegistryTable.values()) {
            rows.put(table, table == RegistryTable.LABS
                    ? tables.read(table).where(col("anc_per_ul").isNotNull())
                            .select("patient_id", "day", "anc_per_ul").collectAsList()
                    : tables.read(table).collectAsList());
        }
        return new RegistryExtract(rows);
    }

    /** The rows of a table, with their column names, in the order Spark read them. */
    List<Row> rows(RegistryTable table) {
        return rows.get(table);
    }

    /** A date column's value, null if unknown (Spark gives {@code java.sql.Date}, or {@code LocalDate} if so set). */
    static LocalDate date(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    /** Days from {@code origin} to {@code date}, as Spark's {@code datediff(date, origin)}: null if either is. */
    static Integer daysBetween(LocalDate origin, LocalDate date) {
        return origin == null || date == null ? null : Math.toIntExact(date.toEpochDay() - origin.toEpochDay());
    }

    /** The smaller of two days, ignoring an unknown one, as Spark's {@code least}. */
    static Integer least(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }
}
