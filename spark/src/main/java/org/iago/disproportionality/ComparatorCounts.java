package org.iago.disproportionality;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;
import org.iago.spark.ParquetOutput;

/**
 * The report counts of {@link SubsetCounts}, for every CAR-T drug (a drug with a target, named at the drug level) and
 * every subset of {@link Comparators#counted}, from curated FAERS, in one pass over the reports: each report is turned
 * into its subsets as the bits of one long ({@link Comparators#mask}) and into rows (drug or none, event or none) for
 * itself, each of its events, each of its CAR-T drugs and each of their events ({@link Emit}); summing every bit of
 * those rows by (drug, event) gives every subset's count as a conditional sum of the same pass. In one Spark job (a
 * grouping); or, as the main analysis does ({@link DisproportionalityJob#runFaers}), on the driver when Spark is local
 * and the lake's reports fit there ({@link CuratedFaers#fits}), read with parquet-java and summed in a map, with no
 * Spark job. The reports counted are those of {@link PairCounts}: at least one named drug in the chosen roles and one
 * named event, each name once per report. Counts only: the cells are {@link SubsetCounts#table}'s, the ROR
 * {@code ReportingOddsRatio}'s.
 */
public final class ComparatorCounts {

    /** What a report becomes: a drug and event number each, or −1 for none, and its subsets. */
    private static final StructType EMITTED = new StructType().add("drug", DataTypes.IntegerType, false)
            .add("event", DataTypes.IntegerType, false).add("mask", DataTypes.LongType, false);

    private final Supplier<SparkSession> spark;
    private final Configuration hadoop;
    private final boolean local;
    private final Lake lake;

    /**
     * @param spark  the session, started only when the count needs Spark
     * @param hadoop the file systems' configuration, to read the lake without Spark
     * @param local  whether Spark's master is local
     */
    public ComparatorCounts(Supplier<SparkSession> spark, Configuration hadoop, boolean local, Lake lake) {
        this.spark = spark;
        this.hadoop = hadoop;
        this.local = local;
        this.lake = lake;
    }

    /**
     * Counts the subsets.
     *
     * @param through last quarter to include (e.g. 2024Q2), or null for all
     * @throws IllegalArgumentException if the indication comparator is asked of a lake curated before curation kept
     *                                  indications
     */
    public SubsetCounts count(Comparators comparators, SignalInput.DrugLevel drugLevel,
            SignalInput.EventLevel eventLevel, SignalInput.Roles roles, String through) throws IOException {
        if (comparators.needsIndications()) {
            org.apache.hadoop.fs.Path table = lake.curatedLocation(CuratedTable.REPORT_INDICATIONS);
            if (!table.getFileSystem(hadoop).exists(table)) {
                throw new IllegalArgumentException("the lake " + lake + " has no curated report_indications: it was"
                        + " curated by an earlier iago; run 'iago curate' again for the indication comparator");
            }
        }
        if (local && CuratedFaers.fits(hadoop, lake, List.of())) {
            return onDriver(comparators, drugLevel, eventLevel, roles, through);
        }
        SparkSession session = spark.get();
        return IagoSpark.sizedForCuratedReports(session, lake,
                () -> withSpark(session, comparators, drugLevel, eventLevel, roles, through));
    }

    /** The pass on the driver: the curated tables read with parquet-java, the rows summed in a map. */
    SubsetCounts onDriver(Comparators comparators, SignalInput.DrugLevel drugLevel,
            SignalInput.EventLevel eventLevel, SignalInput.Roles roles, String through) throws IOException {
        List<Row> drugRows = CuratedFaers.drugRows(hadoop, lake, drugLevel);
        KeyNames drugs = KeyNames.of(drugRows, DataTypes.StringType);
        KeyNames events = KeyNames.of(CuratedFaers.eventNames(hadoop, lake, eventLevel), DataTypes.StringType);
        Set<Long> indicated = new HashSet<>(comparators.needsIndications()
                ? CuratedFaers.rows(hadoop, lake, CuratedTable.REPORT_INDICATIONS, List.of("report_id"),
                        g -> Long.valueOf(g.text("report_id")))
                : List.of());
        Emit emit = new Emit(drugs, events, cartKeys(drugRows), comparators);
        List<String> roleColumns = roles.codes().stream().map(CuratedTable::drugKeys).toList();
        List<String> allRoles = CuratedTable.KEY_COLUMNS.subList(0, FaersTable.ROLE_CODS.size());
        List<String> columns = new ArrayList<>(List.of("report_id", "quarter", CuratedTable.EVENT_KEYS, "age_group",
                "sex"));
        columns.addAll(allRoles);
        String last = through == null ? null : through.toUpperCase(Locale.ROOT);
        // reports by (drug, event, subsets): the subsets of all reports take a handful of values, so a report adds to
        // a few counters and none of its rows is kept; the files are read on several threads
        Map<Cell, Long> byCell = new ConcurrentHashMap<>();
        CuratedFaers.rows(hadoop, lake, CuratedTable.REPORTS, columns, g -> {
            if (last == null || g.string("quarter").compareTo(last) <= 0) {
                emit.report(keys(g, roleColumns), keys(g, allRoles), g.integers(CuratedTable.EVENT_KEYS),
                        g.string("age_group"), g.string("sex"), indicated.contains(Long.valueOf(g.text("report_id"))),
                        (drug, event, mask) -> byCell.merge(new Cell(drug, event, mask), 1L, Long::sum));
            }
            return null;
        });
        int subsets = comparators.counted().size();
        Map<List<Integer>, long[]> sums = new HashMap<>();
        byCell.forEach((cell, reports) -> {
            long[] n = sums.computeIfAbsent(List.of(cell.drug(), cell.event()), k -> new long[subsets]);
            for (int i = 0; i < subsets; i++) {
                n[i] += (cell.mask() >>> i & 1) * reports;
            }
        });
        List<Row> summed = new ArrayList<>();
        sums.forEach((key, n) -> {
            Object[] values = new Object[2 + subsets];
            values[0] = key.get(0);
            values[1] = key.get(1);
            for (int i = 0; i < subsets; i++) {
                values[2 + i] = n[i];
            }
            summed.add(RowFactory.create(values));
        });
        return counts(comparators, drugs, events, summed);
    }

    /** The pass as one Spark job: the rows of {@link Emit} grouped by (drug, event), every bit summed. */
    SubsetCounts withSpark(SparkSession session, Comparators comparators, SignalInput.DrugLevel drugLevel,
            SignalInput.EventLevel eventLevel, SignalInput.Roles roles, String through) {
        // the names at the levels, as the main analysis gives them; its report projection is not used
        SignalInput input = SignalInput.faers(session, lake, drugLevel, eventLevel, roles, List.of(), null, false);
        List<Row> drugRows = read(session, CuratedTable.DRUGS).select(col("drug_key").cast(DataTypes.IntegerType),
                col("target").isNotNull()).collectAsList();
        Dataset<Row> reports = read(session, CuratedTable.REPORTS);
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through.toUpperCase(Locale.ROOT))));
        }
        Column indicated = lit(false);
        if (comparators.needsIndications()) {
            // the reports of onco-haematological primary suspects are few: broadcast
            reports = reports.join(broadcast(read(session, CuratedTable.REPORT_INDICATIONS).select("report_id")
                    .distinct().withColumn("indicated", lit(true))), new String[] {"report_id"}, "left");
            indicated = coalesce(col("indicated"), lit(false));
        }
        Emit emit = new Emit(input.drugs(), input.events(), cartKeys(drugRows.stream()
                .map(r -> RowFactory.create(r.getInt(0), null, r.getBoolean(1))).toList()), comparators);
        Dataset<Row> emitted = reports.select(keys(roles.codes()), keys(FaersTable.ROLE_CODS),
                        col(CuratedTable.EVENT_KEYS), col("age_group"), col("sex"), indicated)
                .flatMap(emit, Encoders.row(EMITTED));
        int subsets = comparators.counted().size();
        Column[] sums = new Column[subsets];
        for (int i = 0; i < subsets; i++) {
            sums[i] = sum(shiftright(col("mask"), i).bitwiseAND(1L));
        }
        List<Row> summed = emitted.groupBy("drug", "event").agg(sums[0], Arrays.copyOfRange(sums, 1, subsets))
                .collectAsList();
        return counts(comparators, input.drugs(), input.events(), summed);
    }

    /** Which drug keys are CAR-T products, from rows (drug_key, name, CAR-T or not). */
    private static boolean[] cartKeys(List<Row> drugRows) {
        boolean[] cart = new boolean[drugRows.stream().mapToInt(r -> r.getInt(0)).max().orElse(-1) + 1];
        drugRows.stream().filter(r -> r.getBoolean(2)).forEach(r -> cart[r.getInt(0)] = true);
        return cart;
    }

    /** A report's drug keys in the given roles, as parquet-java reads them. */
    private static int[] keys(FlatRecord g, List<String> columns) {
        return columns.stream().flatMapToInt(column -> Arrays.stream(g.integers(column))).toArray();
    }

    /** The summed rows as counts by name. */
    private static SubsetCounts counts(Comparators comparators, KeyNames drugNames, KeyNames eventNames,
            List<Row> summed) {
        int subsets = comparators.counted().size();
        long[] reports = new long[subsets];
        Map<String, long[]> events = new HashMap<>();
        Map<String, long[]> drugs = new HashMap<>();
        SortedMap<String, SortedMap<String, long[]>> pairs = new TreeMap<>();
        for (Row r : summed) {
            long[] n = new long[subsets];
            for (int i = 0; i < subsets; i++) {
                n[i] = ((Number) r.get(2 + i)).longValue();
            }
            int drug = r.getInt(0);
            int event = r.getInt(1);
            String drugName = drug < 0 ? null : drugNames.name(drug).toString();
            String eventName = event < 0 ? null : eventNames.name(event).toString();
            if (drug < 0 && event < 0) {
                reports = n;
            } else if (drug < 0) {
                events.put(eventName, n);
            } else if (event < 0) {
                drugs.put(drugName, n);
            } else {
                pairs.computeIfAbsent(drugName, d -> new TreeMap<>()).put(eventName, n);
            }
        }
        return new SubsetCounts(comparators.counted(), reports, events, drugs, pairs);
    }

    /** A report's drug keys in the given roles, from curate's arrays by role. */
    private static Column keys(List<String> roleCods) {
        return concat(roleCods.stream().map(role -> col(CuratedTable.drugKeys(role))).toArray(Column[]::new));
    }

    private Dataset<Row> read(SparkSession session, CuratedTable table) {
        return ParquetOutput.read(session, lake.curatedLocation(table));
    }

    /** A drug and event number (−1 for none) and a set of subsets, as the driver counts reports by them. */
    private record Cell(int drug, int event, long mask) {
    }

    /** Where {@link Emit} puts a report's rows: a drug and event number each (−1 for none) and the report's subsets. */
    @FunctionalInterface
    interface Sink {
        void add(int drug, int event, long mask);
    }

    /**
     * One report (drug keys in the roles, drug keys in every role, event keys, age group, sex, indicated) into its
     * rows: (−1, −1), (−1, event) per named event, (drug, −1) per CAR-T drug name, (drug, event) per both, each with
     * the report's subsets; none for a report without a named drug or a named event. As a Spark function, a report
     * row (those six columns) into rows of {@link #EMITTED}.
     */
    private static final class Emit implements FlatMapFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final KeyNames drugs;
        private final KeyNames events;
        private final boolean[] cart;
        private final Comparators comparators;
        /**
         * The subsets of each (CAR-T, indicated, age group, sex): a handful of combinations, each computed once; the
         * driver reads a table's files on several threads.
         */
        private transient Map<List<Object>, Long> masks;

        Emit(KeyNames drugs, KeyNames events, boolean[] cart, Comparators comparators) {
            this.drugs = drugs;
            this.events = events;
            this.cart = cart;
            this.comparators = comparators;
        }

        @Override
        public Iterator<Row> call(Row report) {
            List<Row> rows = new ArrayList<>();
            report(ints(report.getList(0)), ints(report.getList(1)), ints(report.getList(2)), report.getString(3),
                    report.getString(4), report.getBoolean(5), (drug, event, mask) -> rows.add(RowFactory.create(drug,
                            event, mask)));
            return rows.iterator();
        }

        void report(int[] drugKeys, int[] allDrugKeys, int[] eventKeys, String ageGroup, String sex,
                boolean indicated, Sink sink) {
            boolean named = false;
            TreeSet<Integer> cartDrugs = new TreeSet<>();
            for (int key : drugKeys) {
                named |= names(drugs, key).length > 0;
                if (isCart(key)) {
                    for (int number : names(drugs, key)) {
                        cartDrugs.add(number);
                    }
                }
            }
            TreeSet<Integer> eventNumbers = new TreeSet<>();
            for (int key : eventKeys) {
                for (int number : names(events, key)) {
                    eventNumbers.add(number);
                }
            }
            if (!named || eventNumbers.isEmpty()) {
                return;
            }
            boolean cartReport = Arrays.stream(allDrugKeys).anyMatch(this::isCart);
            if (masks == null) {
                masks = new ConcurrentHashMap<>();
            }
            long mask = masks.computeIfAbsent(Arrays.asList(cartReport, indicated, ageGroup, sex),
                    k -> comparators.mask(cartReport, indicated, ageGroup, sex));
            sink.add(-1, -1, mask);
            for (int event : eventNumbers) {
                sink.add(-1, event, mask);
            }
            for (int drug : cartDrugs) {
                sink.add(drug, -1, mask);
                for (int event : eventNumbers) {
                    sink.add(drug, event, mask);
                }
            }
        }

        private boolean isCart(int key) {
            return key < cart.length && cart[key];
        }

        private static int[] ints(List<Integer> keys) {
            return keys.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The numbers of a key's names; a key the names do not know means tables of two curations. */
        private static int[] names(KeyNames names, int key) {
            if (!names.knows(key)) {
                throw new IllegalStateException("key " + key + " is not in the curated names: the reports and the"
                        + " name tables come from different curations; run 'iago curate' again");
            }
            return names.append(key, new int[names.count(key)], 0);
        }
    }
}
