package org.iago.disproportionality;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts distinct reports for every drug–event pair with at least one report: {@code a} (drug and event),
 * {@code n_drug} (reports with the drug), {@code n_event} (reports with the event), {@code n} (all counted reports),
 * and per stratum the same three marginals, as an array of structs {@code (stratum, n_drug, n_event, n)} sorted by
 * stratum, holding only strata where both drug and event occur. Counting only: every formula is applied by the pure-Java
 * statistics ({@code b = n_drug − a}, {@code c = n_event − a}, {@code d = n − n_drug − n_event + a}, E).
 */
public final class PairCounts {

    private PairCounts() {
    }

    /** @param stratified whether to gather the per-stratum marginals (otherwise the column is absent) */
    public static Dataset<Row> of(SignalInput input, boolean stratified) {
        Dataset<Row> reports = input.reports();
        Dataset<Row> drugs = input.reportDrugs().join(reports, "report_id");
        Dataset<Row> events = input.reportEvents().join(reports, "report_id");
        long n = reports.count();

        Dataset<Row> pairs = drugs.join(input.reportEvents(), "report_id")
                .groupBy("drug", "event").agg(count(lit(1)).as("a"))
                .join(drugs.groupBy("drug").agg(count(lit(1)).as("n_drug")), "drug")
                .join(events.groupBy("event").agg(count(lit(1)).as("n_event")), "event")
                .withColumn("n", lit(n));
        if (!stratified) {
            return pairs.select("drug", "event", "a", "n_drug", "n_event", "n");
        }
        Dataset<Row> drugStrata = drugs.groupBy("drug", "stratum").agg(count(lit(1)).as("s_drug"));
        Dataset<Row> eventStrata = events.groupBy("event", "stratum").agg(count(lit(1)).as("s_event"));
        Dataset<Row> strata = reports.groupBy("stratum").agg(count(lit(1)).as("s_n"));
        Dataset<Row> pairStrata = pairs.select("drug", "event")
                .join(drugStrata, "drug")
                .join(eventStrata, new String[] {"event", "stratum"})
                .join(strata, "stratum")
                .groupBy("drug", "event")
                .agg(array_sort(collect_list(struct(col("stratum"), col("s_drug").as("n_drug"),
                        col("s_event").as("n_event"), col("s_n").as("n")))).as("strata"));
        return pairs.join(pairStrata, new String[] {"drug", "event"})
                .select("drug", "event", "a", "n_drug", "n_event", "n", "strata");
    }
}
