package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;

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
 * emitted as partial counts whenever they hold {@link #FLUSH_KEYS} keys, so a task's memory stays bounded; Spark sums
 * the partial counts in one shuffle.</li>
 * <li>The summed marginals (drugs, events and strata, not pairs) are collected to the driver and broadcast; the pairs
 * stay in Spark and get their names and marginals in one map over the same summed counts. Spark keeps the shuffle
 * output of the partial counts, so the counting pass runs once; the final sum is read twice, for the marginals and
 * for the pairs.</li>
 * </ol>
 * Counted are the reports with at least one named drug and one named event, as openEBGM's {@code processRaw} keeps
 * them; a report's drugs and events are counted once each even if two of its keys share a name. A key without a name
 * (an event in no toxicity group) is not counted; a key unknown to its {@link KeyNames} fails the count, as it means
 * tables of different curations. The overall marginals are the sums of the per-stratum ones, as each report has one
 * stratum.
 */
public final class PairCounts {

    /** Keys a partition's pass holds before it emits them as partial counts: a hash table of about 32 MB. */
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
        JavaRDD<Row> summed = input.reports()
                .select(col("report_id").cast(DataTypes.StringType).as("reportId"), stratum.as("stratum"),
                        col("drug_keys").as("drugKeys"), col("event_keys").as("eventKeys"))
                .as(Encoders.bean(ReportKeys.class))
                .mapPartitions(counter, Encoders.row(PARTIAL))
                .groupBy("key", "stratum").agg(sum("c").as("c"))
                .javaRDD();

        Marginals marginals = Marginals.of(summed.filter(r -> !isPair(r.getLong(0))).collect().iterator(),
                input.drugs(), input.events());
        Broadcast<Marginals> shared = context.broadcast(marginals);
        JavaRDD<Row> pairs = summed.filter(r -> isPair(r.getLong(0)))
                .map(r -> shared.value().pair(r.getLong(0), r.getLong(2), stratified));
        StructType schema = new StructType().add("drug", input.drugs().type()).add("event", input.events().type())
                .add("a", DataTypes.LongType, false).add("n_drug", DataTypes.LongType, false)
                .add("n_event", DataTypes.LongType, false).add("n", DataTypes.LongType, false);
        if (stratified) {
            StructType strata = new StructType()
                    .add("stratum", DataTypes.StringType, input.reports().schema().apply("stratum").nullable())
                    .add("n_drug", DataTypes.LongType, false).add("n_event", DataTypes.LongType, false)
                    .add("n", DataTypes.LongType, false);
            schema = schema.add("strata", DataTypes.createArrayType(strata, false), false);
        }
        return spark.createDataFrame(pairs, schema);
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

    private static int drugOf(long key) {
        return (int) (key >>> 32) - 1;
    }

    private static int eventOf(long key) {
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
        private final LongCounts pairs = new LongCounts(1 << 16);
        private final Map<String, LongCounts> perStratum = new HashMap<>();
        private final Deque<Iterator<Row>> emitting = new ArrayDeque<>();
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
            while (true) {
                while (!emitting.isEmpty() && !emitting.peek().hasNext()) {
                    emitting.poll();
                }
                if (!emitting.isEmpty()) {
                    return true;
                }
                if (!reports.hasNext() && held == 0) {
                    return false;
                }
                while (reports.hasNext() && held < flushKeys) {
                    count(reports.next());
                }
                drain();
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return emitting.peek().next();
        }

        private void count(ReportKeys report) {
            int drugCount = 0;
            for (int key : keys(report, report.getDrugKeys(), drugNames, "drug_key")) {
                drugs = drugNames.append(key, drugs, drugCount);
                drugCount += drugNames.count(key);
            }
            int eventCount = 0;
            for (int key : keys(report, report.getEventKeys(), eventNames, "event_key")) {
                events = eventNames.append(key, events, eventCount);
                eventCount += eventNames.count(key);
            }
            if (drugCount == 0 || eventCount == 0) {
                return;
            }
            int drugTotal = distinct(drugs, drugCount);
            int eventTotal = distinct(events, eventCount);
            LongCounts marginals = perStratum.computeIfAbsent(report.getStratum(), s -> new LongCounts(1 << 10));
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

        /** A report's keys of one kind, each checked to be known. */
        private static int[] keys(ReportKeys report, int[] keys, KeyNames names, String what) {
            if (keys == null) {
                return new int[0];
            }
            for (int key : keys) {
                if (!names.knows(key)) {
                    throw new IllegalStateException("report " + report.getReportId() + " has " + what + " " + key
                            + ", which its table of names does not have: were the lake's tables curated together?");
                }
            }
            return keys;
        }

        /** Queues everything held to be emitted; the maps are emptied as they are read out. */
        private void drain() {
            emitting.add(pairs.drain(null));
            perStratum.forEach((s, counts) -> emitting.add(counts.drain(s)));
            perStratum.clear();
            held = 0;
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

    /** Open-addressing counts by non-negative long key, without boxing. */
    private static final class LongCounts {

        private static final long EMPTY = -1;

        private long[] keys;
        private long[] values;
        private int size;

        LongCounts(int capacity) {
            keys = new long[capacity];
            values = new long[capacity];
            Arrays.fill(keys, EMPTY);
        }

        /** Adds one to the key's count; returns 1 if the key is new, else 0. */
        int add(long key) {
            return add(key, 1);
        }

        int add(long key, long delta) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != EMPTY && keys[i] != key) {
                i = (i + 1) & mask;
            }
            values[i] += delta;
            if (keys[i] == key) {
                return 0;
            }
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
            return 1;
        }

        /** The counts as rows (key, stratum, c), emptying the map as they are read. */
        Iterator<Row> drain(String stratum) {
            return new Iterator<>() {
                private int next = advance(0);

                @Override
                public boolean hasNext() {
                    return next < keys.length;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row row = RowFactory.create(keys[next], stratum, values[next]);
                    keys[next] = EMPTY;
                    values[next] = 0;
                    size--;
                    next = advance(next + 1);
                    return row;
                }

                private int advance(int from) {
                    int i = from;
                    while (i < keys.length && keys[i] == EMPTY) {
                        i++;
                    }
                    return i;
                }
            };
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = slot(oldKeys[j], mask);
                    while (keys[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int slot(long key, int mask) {
            long x = key ^ (key >>> 33);
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return (int) x & mask;
        }
    }

    /** Reports per stratum of one drug or event: stratum numbers ascending, with their counts. */
    private record PerStratum(int[] strata, long[] reports) implements Serializable {
    }

    /** Per drug (or event), its strata and their reports, added in ascending stratum order. */
    private static final class StrataBuilder {

        private static final PerStratum NONE = new PerStratum(new int[0], new long[0]);

        private final int[][] strata;
        private final long[][] reports;
        private final int[] sizes;

        StrataBuilder(int names) {
            strata = new int[names][];
            reports = new long[names][];
            sizes = new int[names];
        }

        void add(int number, int stratum, long count) {
            int size = sizes[number]++;
            if (strata[number] == null) {
                strata[number] = new int[4];
                reports[number] = new long[4];
            } else if (size == strata[number].length) {
                strata[number] = Arrays.copyOf(strata[number], size * 2);
                reports[number] = Arrays.copyOf(reports[number], size * 2);
            }
            strata[number][size] = stratum;
            reports[number][size] = count;
        }

        PerStratum[] build() {
            PerStratum[] built = new PerStratum[sizes.length];
            for (int i = 0; i < built.length; i++) {
                built[i] = sizes[i] == 0 ? NONE
                        : new PerStratum(Arrays.copyOf(strata[i], sizes[i]), Arrays.copyOf(reports[i], sizes[i]));
            }
            return built;
        }
    }

    /**
     * The summed marginals, on the driver and broadcast: reports per drug, per event and in all, and per stratum.
     * Strata are numbered in Spark's string order, so a pair's strata come out sorted as array_sort sorts them.
     */
    private record Marginals(KeyNames drugs, KeyNames events, long[] drugReports, long[] eventReports, long reports,
            String[] strata, long[] strataReports, PerStratum[] drugStrata, PerStratum[] eventStrata)
            implements Serializable {

        /** @param counts summed (key, stratum, c) of every kind but pairs */
        static Marginals of(Iterator<Row> counts, KeyNames drugs, KeyNames events) {
            long[] drugReports = new long[drugs.size()];
            long[] eventReports = new long[events.size()];
            long reports = 0;
            // (drug or event key, stratum) → reports, numbered once every stratum is known
            Map<String, LongCounts> byStratum = new HashMap<>();
            while (counts.hasNext()) {
                Row r = counts.next();
                long key = r.getLong(0);
                long c = r.getLong(2);
                if (key == REPORTS_KEY) {
                    reports += c;
                } else if (eventOf(key) < 0) {
                    drugReports[drugOf(key)] += c;
                } else {
                    eventReports[eventOf(key)] += c;
                }
                if (!r.isNullAt(1)) {
                    byStratum.computeIfAbsent(r.getString(1), s -> new LongCounts(1 << 10)).add(key, c);
                }
            }
            String[] strata = byStratum.keySet().stream()
                    .sorted((x, y) -> UTF8String.fromString(x).binaryCompare(UTF8String.fromString(y)))
                    .toArray(String[]::new);
            long[] strataReports = new long[strata.length];
            StrataBuilder drugStrata = new StrataBuilder(drugs.size());
            StrataBuilder eventStrata = new StrataBuilder(events.size());
            for (int s = 0; s < strata.length; s++) {
                Iterator<Row> stratum = byStratum.get(strata[s]).drain(strata[s]);
                while (stratum.hasNext()) {
                    Row r = stratum.next();
                    long key = r.getLong(0);
                    if (key == REPORTS_KEY) {
                        strataReports[s] = r.getLong(2);
                    } else if (eventOf(key) < 0) {
                        drugStrata.add(drugOf(key), s, r.getLong(2));
                    } else {
                        eventStrata.add(eventOf(key), s, r.getLong(2));
                    }
                }
            }
            return new Marginals(drugs, events, drugReports, eventReports, reports, strata,
                    strataReports, drugStrata.build(), eventStrata.build());
        }

        /** A pair's output row, its strata those where both drug and event have reports. */
        Row pair(long key, long a, boolean stratified) {
            int drug = drugOf(key);
            int event = eventOf(key);
            if (!stratified) {
                return RowFactory.create(drugs.name(drug), events.name(event), a, drugReports[drug],
                        eventReports[event], reports);
            }
            PerStratum d = drugStrata[drug];
            PerStratum e = eventStrata[event];
            List<Row> shared = new ArrayList<>();
            for (int i = 0, j = 0; i < d.strata().length && j < e.strata().length;) {
                if (d.strata()[i] < e.strata()[j]) {
                    i++;
                } else if (d.strata()[i] > e.strata()[j]) {
                    j++;
                } else {
                    int s = d.strata()[i];
                    shared.add(RowFactory.create(strata[s], d.reports()[i++], e.reports()[j++], strataReports[s]));
                }
            }
            return RowFactory.create(drugs.name(drug), events.name(event), a, drugReports[drug], eventReports[event],
                    reports, CollectionConverters.asScala(shared).toList());
        }
    }
}
