package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Counts distinct reports for every drug–event pair with at least one report: {@code a} (drug and event),
 * {@code n_drug} (reports with the drug), {@code n_event} (reports with the event), {@code n} (all counted reports),
 * and per stratum the same three marginals, as an array of structs {@code (stratum, n_drug, n_event, n)} sorted by
 * stratum, holding only strata where both drug and event occur. Counting only: every formula is applied by the pure-Java
 * statistics ({@code b = n_drug − a}, {@code c = n_event − a}, {@code d = n − n_drug − n_event + a}, E).
 * <p>
 * The plan, so that no name travels through the counting's shuffle and each report is read as one row:
 * <ol>
 * <li>The input has one row per report with its drug and event keys ({@link SignalInput}); the keys' names, numbered,
 * are broadcast ({@link KeyNames}).</li>
 * <li>One pass per partition counts each report once: it turns the keys into name numbers, and counts every pair and,
 * per stratum, every drug, every event and the report itself, in primitive hash maps keyed by one long. The maps are
 * emitted as partial counts whenever they hold {@link #FLUSH_KEYS} keys, so the pass's memory stays bounded.</li>
 * <li>One shuffle by (key, stratum) into {@code spark.sql.shuffle.partitions} partitions, and each partition summed in
 * the same kind of map ({@link #sums}). Spark's own aggregation would first aggregate the partial counts again on
 * the map side, where they are already summed by the batch of {@link #FLUSH_KEYS} keys, and then probe a map of
 * generic rows (at 20M reports: 13.5 s for the pass and the marginals with it, 11 s without). The partition count is
 * fixed rather than coalesced by adaptive execution, so a partition's map holds about 1/n of the distinct keys, at 32
 * to 64 bytes a key: unlike Spark's aggregation it cannot spill, so n is not left to coalescing.</li>
 * <li>The summed marginals (drugs, events and strata, not pairs) are collected to the driver and broadcast; the pairs
 * stay in Spark and get their names and marginals in one map over the same summed counts. Spark keeps the shuffle
 * output of the partial counts, so the counting pass runs once; the shuffle output is read and summed twice, for the
 * marginals and for the pairs.</li>
 * </ol>
 * Counted are the reports with at least one named drug and one named event, as openEBGM's {@code processRaw} keeps
 * them; a report's drugs and events are counted once each even if two of its keys share a name. A key without a name
 * (an event in no toxicity group) is not counted; a key unknown to its {@link KeyNames} fails the count, as it means
 * tables of different curations. The overall marginals are the sums of the per-stratum ones, as each report has one
 * stratum.
 */
public final class PairCounts {

    /**
     * Keys a partition's pass holds before it emits them as partial counts: hash tables of about 32 MB, kept and
     * reused from one batch to the next.
     */
    private static final int FLUSH_KEYS = 1 << 20;

    /**
     * The key of a stratum's reports. A drug's reports are keyed (drug number + 1) in the high half of a long, an
     * event's (event number + 1) in the low half, a pair's both halves: the + 1 keeps the kinds apart.
     */
    static final long REPORTS_KEY = 0;

    private static final StructType PARTIAL = new StructType().add("key", DataTypes.LongType, false)
            .add("stratum", DataTypes.StringType).add("c", DataTypes.LongType, false);

    private PairCounts() {
    }

    /** @param stratified whether to gather the per-stratum marginals (otherwise the column is absent) */
    public static Dataset<Row> of(SignalInput input, boolean stratified) {
        SparkSession spark = input.reports().sparkSession();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<KeyNames> drugs = context.broadcast(input.drugs());
        Broadcast<KeyNames> events = context.broadcast(input.events());
        Column stratum = stratified ? col("stratum").cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        MapPartitionsFunction<ReportKeys, Row> counter = reports -> new ReportCounter(reports, drugs.value(),
                events.value(), FLUSH_KEYS);
        int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        JavaRDD<Row> summed = input.reports()
                .select(stratum.as("stratum"), col("drug_keys").as("drugKeys"), col("event_keys").as("eventKeys"))
                .as(Encoders.bean(ReportKeys.class))
                .mapPartitions(counter, Encoders.row(PARTIAL))
                .repartition(partitions, col("key"), col("stratum"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) PairCounts::sums, Encoders.row(PARTIAL))
                .javaRDD();

        Marginals marginals = Marginals.of(summed.filter(r -> !isPair(r.getLong(0))).collect().iterator(),
                input.drugs(), input.events());
        Broadcast<Marginals> shared = context.broadcast(marginals);
        JavaRDD<Row> pairs = summed.filter(r -> isPair(r.getLong(0)))
                .map(r -> shared.value().pair(r.getLong(0), r.getLong(2), stratified));
        return spark.createDataFrame(pairs, schema(input.drugs(), input.events(), stratified,
                stratified && input.reports().schema().apply("stratum").nullable()));
    }

    /**
     * The counts of {@link #of} for reports the driver holds (a case table read into memory), without a Spark job:
     * one pass counts every report and the sums are complete when it ends. The rows are in no particular order.
     */
    static List<Row> onDriver(Iterator<ReportKeys> reports, KeyNames drugs, KeyNames events, boolean stratified) {
        Iterator<Row> summed = new ReportCounter(reports, drugs, events, Integer.MAX_VALUE);
        List<Row> pairKeys = new ArrayList<>();
        List<Row> marginalKeys = new ArrayList<>();
        summed.forEachRemaining(r -> (isPair(r.getLong(0)) ? pairKeys : marginalKeys).add(r));
        Marginals marginals = Marginals.of(marginalKeys.iterator(), drugs, events);
        List<Row> pairs = new ArrayList<>(pairKeys.size());
        for (Row r : pairKeys) {
            pairs.add(marginals.pair(r.getLong(0), r.getLong(2), stratified));
        }
        return pairs;
    }

    /**
     * The counts' columns: drug, event, a, n_drug, n_event, n and, stratified, strata (stratum, n_drug, n_event, n) in
     * these positions.
     */
    static StructType schema(KeyNames drugs, KeyNames events, boolean stratified, boolean stratumNullable) {
        StructType schema = new StructType().add("drug", drugs.type()).add("event", events.type())
                .add("a", DataTypes.LongType, false).add("n_drug", DataTypes.LongType, false)
                .add("n_event", DataTypes.LongType, false).add("n", DataTypes.LongType, false);
        if (stratified) {
            StructType strata = new StructType()
                    .add("stratum", DataTypes.StringType, stratumNullable)
                    .add("n_drug", DataTypes.LongType, false).add("n_event", DataTypes.LongType, false)
                    .add("n", DataTypes.LongType, false);
            schema = schema.add("strata", DataTypes.createArrayType(strata, false), false);
        }
        return schema;
    }

    /**
     * One partition of partial counts (key, stratum, c), summed: the shuffle put all rows of a (key, stratum) into one
     * partition, so each comes out once.
     */
    static Iterator<Row> sums(Iterator<Row> partial) {
        StratumCounts summed = new StratumCounts();
        while (partial.hasNext()) {
            Row r = partial.next();
            summed.of(r.getString(1)).add(r.getLong(0), r.getLong(2));
        }
        return summed.drain();
    }

    static long pairKey(int drug, int event) {
        return drugKey(drug) | eventKey(event);
    }

    static long drugKey(int drug) {
        return (long) (drug + 1) << 32;
    }

    static long eventKey(int event) {
        return event + 1L;
    }

    static int drugOf(long key) {
        return (int) (key >>> 32) - 1;
    }

    static int eventOf(long key) {
        return (int) key - 1;
    }

    private static boolean isPair(long key) {
        return drugOf(key) >= 0 && eventOf(key) >= 0;
    }

    /**
     * One partition's reports as partial counts (key, stratum, c): a report is counted when its keys name at least
     * one drug and one event, with its distinct drug and event names.
     */
    static final class ReportCounter implements Iterator<Row> {

        private final Iterator<ReportKeys> reports;
        private final KeyNames drugNames;
        private final KeyNames eventNames;
        private final int flushKeys;
        private final StratumCounts counts = new StratumCounts();
        private Iterator<Row> emitting = Collections.emptyIterator();
        private int held;

        private int[] drugs = new int[8];
        private int[] events = new int[8];

        /** @param flushKeys keys held before they are emitted as partial counts ({@link #FLUSH_KEYS} in Spark) */
        ReportCounter(Iterator<ReportKeys> reports, KeyNames drugNames, KeyNames eventNames, int flushKeys) {
            this.reports = reports;
            this.drugNames = drugNames;
            this.eventNames = eventNames;
            this.flushKeys = flushKeys;
        }

        @Override
        public boolean hasNext() {
            while (!emitting.hasNext()) {
                if (!reports.hasNext() && held == 0) {
                    return false;
                }
                while (reports.hasNext() && held < flushKeys) {
                    count(reports.next());
                }
                emitting = counts.drain();
                held = 0;
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return emitting.next();
        }

        private void count(ReportKeys report) {
            int drugCount = 0;
            for (int key : keys(report.getDrugKeys(), drugNames, "drug_key", "drugs")) {
                drugs = drugNames.append(key, drugs, drugCount);
                drugCount += drugNames.count(key);
            }
            int eventCount = 0;
            for (int key : keys(report.getEventKeys(), eventNames, "event_key", "events")) {
                events = eventNames.append(key, events, eventCount);
                eventCount += eventNames.count(key);
            }
            if (drugCount == 0 || eventCount == 0) {
                return;
            }
            int drugTotal = distinct(drugs, drugCount);
            int eventTotal = distinct(events, eventCount);
            LongCounts pairs = counts.of(null);
            LongCounts marginals = counts.of(report.getStratum());
            held += marginals.add(REPORTS_KEY);
            for (int d = 0; d < drugTotal; d++) {
                held += marginals.add(drugKey(drugs[d]));
                for (int e = 0; e < eventTotal; e++) {
                    held += pairs.add(pairKey(drugs[d], events[e]));
                }
            }
            for (int e = 0; e < eventTotal; e++) {
                held += marginals.add(eventKey(events[e]));
            }
        }

        /**
         * A report's keys of one kind, each checked to be known: an unknown key means that the lake's tables come from
         * different curations, which is a fault of the lake rather than of the report.
         */
        private static int[] keys(int[] keys, KeyNames names, String column, String table) {
            if (keys == null) {
                return new int[0];
            }
            for (int key : keys) {
                if (!names.knows(key)) {
                    throw new IllegalStateException("a report has " + column + " " + key + ", which the lake's "
                            + table + " table does not have: were the lake's tables curated together? Run 'iago "
                            + "curate' again.");
                }
            }
            return keys;
        }

        /** Sorts the first {@code count} values and moves the distinct ones to the front; returns how many. */
        private static int distinct(int[] values, int count) {
            Arrays.sort(values, 0, count);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (kept == 0 || values[kept - 1] != values[i]) {
                    values[kept++] = values[i];
                }
            }
            return kept;
        }
    }

    /**
     * Counts by (stratum, key), a map per stratum; null is the stratum of pairs and of unstratified marginals (the key
     * tells the kinds apart). Drained as rows (key, stratum, c).
     */
    private static final class StratumCounts {

        private final Map<String, LongCounts> byStratum = new HashMap<>();

        /** The counts of a stratum (null for pairs and unstratified marginals). */
        LongCounts of(String stratum) {
            return byStratum.computeIfAbsent(stratum, s -> new LongCounts(1 << 10));
        }

        /**
         * Every count as a row. The maps are emptied as they are read and keep their size, so that the next batch of a
         * pass does not grow them again; counts must not be added before the drain is read to its end.
         */
        Iterator<Row> drain() {
            Iterator<Map.Entry<String, LongCounts>> strata = byStratum.entrySet().iterator();
            return new Iterator<>() {
                private Iterator<Row> stratum = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                    while (!stratum.hasNext() && strata.hasNext()) {
                        Map.Entry<String, LongCounts> next = strata.next();
                        stratum = next.getValue().drain(next.getKey());
                    }
                    return stratum.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return stratum.next();
                }
            };
        }
    }
}
