package org.iago.bench;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.iago.curate.CurateJob;
import org.iago.disproportionality.PairCounts;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;

/**
 * Benchmark probe: the all-pairs counts of {@code iago signals} (primary suspect, product, PT, unstratified: drug,
 * event, a, n_drug, n_event, n), computed four ways on the same curated lake and executed to a no-op sink, each timed
 * in its own JVM:
 * <ul>
 * <li>{@code current}: {@link PairCounts#of} on {@link SignalInput#faers}, as the signals job does (string keys);</li>
 * <li>{@code intkeys}: the same {@link PairCounts#of} on the integer drug_key and event_key of the curated tables, the
 * names joined (broadcast) to the result only;</li>
 * <li>{@code perreport}: one row per report with its arrays of drug and event keys, then one pass per partition counting
 * pairs and both marginals and n in a primitive hash map, partial counts summed by one shuffle and cached (pairs,
 * marginals and n are read from the cache);</li>
 * <li>{@code arrays}: as {@code perreport}, from the per-report arrays written to Parquet first (what curate could
 * write once; the write is timed apart), so the timed action reads one row per report and shuffles only the partial
 * counts.</li>
 * </ul>
 * Each prints the plan before execution ({@code explain("formatted")}), the final adaptive plan, the wall time of the
 * action, and a checksum (pairs, Σa, Σn_drug, Σn_event, n) that must be equal across the four.
 * <p>
 * Usage: {@code PairCountsProbe <lake> current|intkeys|perreport|arrays [shuffle partitions, default 16]}
 */
public final class PairCountsProbe {

    private PairCountsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Lake lake = new Lake(Path.of(args[0]));
        String mode = args[1];
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        long t = System.nanoTime();
        SparkSession spark = IagoSpark.session("pair-counts-probe", "local[*]", partitions);
        System.out.printf("session: %.1f s%n", (System.nanoTime() - t) / 1e9);
        List<QueryExecution> executed = new ArrayList<>();
        spark.listenerManager().register(new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                executed.add(qe);
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        });
        try {
            t = System.nanoTime();
            Dataset<Row> counts = switch (mode) {
                case "current" -> PairCounts.of(faers(spark, lake), false);
                case "intkeys" -> intKeys(spark, lake);
                case "perreport" -> perReport(spark, lake);
                case "arrays" -> fromArrays(spark, lake);
                default -> throw new IllegalArgumentException("mode: current, intkeys or perreport");
            };
            System.out.printf("planning (incl. any eager count): %.1f s%n", (System.nanoTime() - t) / 1e9);
            System.out.println("== plan before execution");
            counts.explain("formatted");
            t = System.nanoTime();
            counts.write().format("noop").mode("overwrite").save();
            System.out.printf("== %s: pair counts executed in %.1f s%n", mode, (System.nanoTime() - t) / 1e9);
            Thread.sleep(500); // the listener is called asynchronously
            if (!executed.isEmpty()) {
                System.out.println("== final plan of the execution");
                System.out.println(executed.get(executed.size() - 1).executedPlan());
            }
            Row check = counts.agg(count(lit(1)), sum("a"), sum("n_drug"), sum("n_event"),
                    org.apache.spark.sql.functions.max("n")).first();
            System.out.printf("checksum: pairs %d, sum a %d, sum n_drug %d, sum n_event %d, n %d%n", check.getLong(0),
                    check.getLong(1), check.getLong(2), check.getLong(3), check.getLong(4));
        } finally {
            spark.stop();
        }
    }

    private static SignalInput faers(SparkSession spark, Lake lake) {
        return SignalInput.faers(spark, lake, SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT,
                SignalInput.Roles.PS, List.of(), null, false);
    }

    private static Dataset<Row> read(SparkSession spark, Lake lake, String table) {
        return spark.read().parquet(lake.curated(table).toString());
    }

    /** PairCounts on the integer keys: drug_key and event_key are one-to-one with product and PT (CurateJob). */
    private static Dataset<Row> intKeys(SparkSession spark, Lake lake) {
        Dataset<Row> reports = read(spark, lake, CurateJob.REPORTS).select(col("report_id"), lit("all").as("stratum"));
        Dataset<Row> reportDrugs = read(spark, lake, CurateJob.REPORT_DRUGS).where(col("role_cod").equalTo("PS"))
                .select(col("report_id"), col("drug_key").as("drug"));
        Dataset<Row> reportEvents = read(spark, lake, CurateJob.REPORT_EVENTS)
                .select(col("report_id"), col("event_key").as("event"));
        // SignalInput.of: reports with at least one drug and one event
        Dataset<Row> drugs = reportDrugs.join(reports.select("report_id"), "report_id").distinct();
        Dataset<Row> events = reportEvents.join(reports.select("report_id"), "report_id").distinct();
        Dataset<Row> counted = reports.join(drugs.select("report_id").distinct(), "report_id")
                .join(events.select("report_id").distinct(), "report_id");
        Dataset<Row> byKey = PairCounts.of(new SignalInput(counted, drugs, events), false);
        return byKey.join(broadcast(read(spark, lake, CurateJob.DRUGS).select(col("drug_key"), col("product"))),
                        byKey.col("drug").equalTo(col("drug_key")))
                .join(broadcast(read(spark, lake, CurateJob.EVENTS).select(col("event_key"), col("pt"))),
                        byKey.col("event").equalTo(col("event_key")))
                .select(col("product").as("drug"), col("pt").as("event"), col("a"), col("n_drug"), col("n_event"),
                        col("n"));
    }

    /**
     * The per-report arrays written once (as curate could write them; timed apart), then read back: the counting pass
     * of {@code perreport} without the shuffles that build the arrays.
     */
    private static Dataset<Row> fromArrays(SparkSession spark, Lake lake) {
        String path = lake.root().resolve("probe-report-arrays").toString();
        long t = System.nanoTime();
        reportArrays(spark, lake).write().mode("overwrite").parquet(path);
        System.out.printf("report arrays written (curate-side cost) in %.1f s%n", (System.nanoTime() - t) / 1e9);
        return counted(spark, lake, spark.read().parquet(path).select("d", "e"));
    }

    /** Per counted report: report_id, the distinct PS drug keys d and the distinct event keys e. */
    private static Dataset<Row> reportArrays(SparkSession spark, Lake lake) {
        Dataset<Row> d = read(spark, lake, CurateJob.REPORT_DRUGS).where(col("role_cod").equalTo("PS"))
                .groupBy("report_id").agg(array_distinct(collect_list(col("drug_key").cast("int"))).as("d"));
        Dataset<Row> e = read(spark, lake, CurateJob.REPORT_EVENTS)
                .groupBy("report_id").agg(array_distinct(collect_list(col("event_key").cast("int"))).as("e"));
        Dataset<Row> reports = read(spark, lake, CurateJob.REPORTS).select("report_id");
        return d.join(e, "report_id").join(reports, "report_id");
    }

    /** One row per counted report with its drug and event keys; one pass per partition for pairs, marginals and n. */
    private static Dataset<Row> perReport(SparkSession spark, Lake lake) {
        return counted(spark, lake, reportArrays(spark, lake).select("d", "e"));
    }

    /** Pairs, marginals and n from one row per counted report (d, e), in one pass per partition. */
    private static Dataset<Row> counted(SparkSession spark, Lake lake, Dataset<Row> perReport) {
        StructType partialSchema = new StructType().add("key", DataTypes.LongType).add("c", DataTypes.LongType);
        // key: drug << 32 | event for a pair, drug << 32 for a drug's reports, event for an event's reports, 0 for n
        MapPartitionsFunction<Row, Row> countPartition = rows -> {
            LongCounts m = new LongCounts();
            long n = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                List<Integer> drugs = r.getList(0);
                List<Integer> events = r.getList(1);
                n++;
                for (int drug : drugs) {
                    long high = (long) drug << 32;
                    m.add(high, 1);
                    for (int event : events) {
                        m.add(high | event, 1);
                    }
                }
                for (int event : events) {
                    m.add(event, 1);
                }
            }
            if (n > 0) {
                m.add(0, n);
            }
            return m.rows();
        };
        Dataset<Row> totals = perReport.mapPartitions(countPartition, Encoders.row(partialSchema))
                .groupBy("key").agg(sum("c").as("c"))
                .cache(); // used four times below: without the cache each use recomputes the pass (filters differ)
        Dataset<Row> split = totals.select(shiftright(col("key"), 32).as("drug_key"),
                col("key").bitwiseAND(0xFFFFFFFFL).as("event_key"), col("c"));
        Dataset<Row> pairs = split.where(col("drug_key").gt(0).and(col("event_key").gt(0)))
                .select(col("drug_key"), col("event_key"), col("c").as("a"));
        Dataset<Row> drugTotals = split.where(col("drug_key").gt(0).and(col("event_key").equalTo(0)))
                .select(col("drug_key"), col("c").as("n_drug"));
        Dataset<Row> eventTotals = split.where(col("drug_key").equalTo(0).and(col("event_key").gt(0)))
                .select(col("event_key"), col("c").as("n_event"));
        Dataset<Row> n = split.where(col("key").equalTo(0)).select(col("c").as("n"));
        return pairs.join(broadcast(drugTotals), "drug_key").join(broadcast(eventTotals), "event_key")
                .crossJoin(broadcast(n))
                .join(broadcast(read(spark, lake, CurateJob.DRUGS).select(col("drug_key"), col("product"))), "drug_key")
                .join(broadcast(read(spark, lake, CurateJob.EVENTS).select(col("event_key"), col("pt"))), "event_key")
                .select(col("product").as("drug"), col("pt").as("event"), col("a"), col("n_drug"), col("n_event"),
                        col("n"));
    }

    /** Open-addressing long → long counts (no boxing), key 0 kept apart. */
    static final class LongCounts {
        private long[] keys = new long[1 << 16];
        private long[] values = new long[1 << 16];
        private int size;
        private boolean hasZero;
        private long zero;

        void add(long key, long delta) {
            if (key == 0) {
                hasZero = true;
                zero += delta;
                return;
            }
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    values[i] += delta;
                    grow();
                    return;
                }
            }
            values[i] += delta;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (int) (mix(oldKeys[j]) & mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }

        java.util.Iterator<Row> rows() {
            List<Row> out = new ArrayList<>(size + 1);
            if (hasZero) {
                out.add(RowFactory.create(0L, zero));
            }
            for (int j = 0; j < keys.length; j++) {
                if (keys[j] != 0) {
                    out.add(RowFactory.create(keys[j], values[j]));
                }
            }
            return out.iterator();
        }
    }
}
