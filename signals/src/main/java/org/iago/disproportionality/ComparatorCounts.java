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
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

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
import org.iago.spark.ParquetOutput;

/**
 * The report counts of {@link SubsetCounts}, for every CAR-T drug (a drug with a target, named at the drug level) and
 * every subset of {@link Comparators#counted}, from curated FAERS, in one Spark job: each report is turned into its
 * subsets as the bits of one long ({@link Comparators#mask}) and into rows (drug or none, event or none) for itself,
 * each of its events, each of its CAR-T drugs and each of their events; one grouping then sums every bit, so every
 * subset's count is a conditional sum of the same pass. The reports counted are those of {@link PairCounts}: at least
 * one named drug in the chosen roles and one named event, each name once per report. Counts only: the cells are
 * {@link SubsetCounts#table}'s, the ROR {@code ReportingOddsRatio}'s.
 */
public final class ComparatorCounts {

    /** What a report becomes: a drug and event number each, or −1 for none, and its subsets. */
    private static final StructType EMITTED = new StructType().add("drug", DataTypes.IntegerType, false)
            .add("event", DataTypes.IntegerType, false).add("mask", DataTypes.LongType, false);

    private final SparkSession spark;
    private final Lake lake;

    public ComparatorCounts(SparkSession spark, Lake lake) {
        this.spark = spark;
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
        // the names at the levels, as the main analysis gives them; its report projection is not used
        SignalInput input = SignalInput.faers(spark, lake, drugLevel, eventLevel, roles, List.of(), null, false);
        List<Integer> cartKeys = read(CuratedTable.DRUGS).where(col("target").isNotNull())
                .select(col("drug_key").cast(DataTypes.IntegerType)).as(Encoders.INT()).collectAsList();
        boolean[] cart = new boolean[cartKeys.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        cartKeys.forEach(k -> cart[k] = true);

        Dataset<Row> reports = read(CuratedTable.REPORTS);
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through.toUpperCase(Locale.ROOT))));
        }
        Column indicated = lit(false);
        if (comparators.needsIndications()) {
            org.apache.hadoop.fs.Path table = lake.curatedLocation(CuratedTable.REPORT_INDICATIONS);
            if (!table.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(table)) {
                throw new IllegalArgumentException("the lake " + lake + " has no curated report_indications: it was"
                        + " curated by an earlier iago; run 'iago curate' again for the indication comparator");
            }
            // the reports of onco-haematological primary suspects are few: broadcast
            reports = reports.join(broadcast(read(CuratedTable.REPORT_INDICATIONS).select("report_id").distinct()
                    .withColumn("indicated", lit(true))), new String[] {"report_id"}, "left");
            indicated = coalesce(col("indicated"), lit(false));
        }
        Dataset<Row> emitted = reports.select(keys(roles.codes()), keys(FaersTable.ROLE_CODS),
                        col(CuratedTable.EVENT_KEYS), col("age_group"), col("sex"), indicated)
                .flatMap(new Emit(input.drugs(), input.events(), cart, comparators), Encoders.row(EMITTED));
        int subsets = comparators.counted().size();
        Column[] sums = new Column[subsets];
        for (int i = 0; i < subsets; i++) {
            sums[i] = sum(shiftright(col("mask"), i).bitwiseAND(1L));
        }
        List<Row> summed = emitted.groupBy("drug", "event").agg(sums[0], Arrays.copyOfRange(sums, 1,
                subsets)).collectAsList();
        return counts(comparators, input, summed);
    }

    /** The summed rows as counts by name. */
    private static SubsetCounts counts(Comparators comparators, SignalInput input, List<Row> summed) {
        int subsets = comparators.counted().size();
        long[] reports = new long[subsets];
        Map<String, long[]> events = new HashMap<>();
        Map<String, long[]> drugs = new HashMap<>();
        SortedMap<String, SortedMap<String, long[]>> pairs = new TreeMap<>();
        for (Row r : summed) {
            long[] n = new long[subsets];
            for (int i = 0; i < subsets; i++) {
                n[i] = r.getLong(2 + i);
            }
            int drug = r.getInt(0);
            int event = r.getInt(1);
            String drugName = drug < 0 ? null : input.drugs().name(drug).toString();
            String eventName = event < 0 ? null : input.events().name(event).toString();
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

    private Dataset<Row> read(CuratedTable table) {
        return ParquetOutput.read(spark, lake.curatedLocation(table));
    }

    /**
     * One report (drug keys in the roles, drug keys in every role, event keys, age group, sex, indicated) into its
     * rows: (−1, −1), (−1, event) per named event, (drug, −1) per CAR-T drug name, (drug, event) per both, each with
     * the report's subsets; none for a report without a named drug or a named event.
     */
    private static final class Emit implements FlatMapFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final KeyNames drugs;
        private final KeyNames events;
        private final boolean[] cart;
        private final Comparators comparators;
        /** The subsets of each (CAR-T, indicated, age group, sex): a handful of combinations, each computed once. */
        private transient Map<List<Object>, Long> masks;

        Emit(KeyNames drugs, KeyNames events, boolean[] cart, Comparators comparators) {
            this.drugs = drugs;
            this.events = events;
            this.cart = cart;
            this.comparators = comparators;
        }

        @Override
        public Iterator<Row> call(Row report) {
            boolean named = false;
            TreeSet<Integer> cartDrugs = new TreeSet<>();
            for (int key : report.<Integer>getList(0)) {
                named |= names(drugs, key).length > 0;
                if (isCart(key)) {
                    for (int number : names(drugs, key)) {
                        cartDrugs.add(number);
                    }
                }
            }
            TreeSet<Integer> eventNumbers = new TreeSet<>();
            for (int key : report.<Integer>getList(2)) {
                for (int number : names(events, key)) {
                    eventNumbers.add(number);
                }
            }
            if (!named || eventNumbers.isEmpty()) {
                return Collections.emptyIterator();
            }
            boolean cartReport = report.<Integer>getList(1).stream().anyMatch(this::isCart);
            if (masks == null) {
                masks = new HashMap<>();
            }
            long mask = masks.computeIfAbsent(Arrays.asList(cartReport, report.getBoolean(5),
                    report.getString(3), report.getString(4)), k -> comparators.mask((Boolean) k.get(0),
                    (Boolean) k.get(1), (String) k.get(2), (String) k.get(3)));
            List<Row> rows = new ArrayList<>();
            rows.add(RowFactory.create(-1, -1, mask));
            for (int event : eventNumbers) {
                rows.add(RowFactory.create(-1, event, mask));
            }
            for (int drug : cartDrugs) {
                rows.add(RowFactory.create(drug, -1, mask));
                for (int event : eventNumbers) {
                    rows.add(RowFactory.create(drug, event, mask));
                }
            }
            return rows.iterator();
        }

        private boolean isCart(int key) {
            return key < cart.length && cart[key];
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
