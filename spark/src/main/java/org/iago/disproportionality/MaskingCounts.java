package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.spark.ParquetOutput;
import org.iago.stats.MaskingRatio;
import org.iago.stats.TwoByTwo;
import org.iago.vocabulary.SignalColumn;

/**
 * What {@link MaskingRatio} needs for the CAR-T drugs' pairs of an analysis, in two steps. {@link #pairs}: from the
 * analysis's pair table ({@code disproportionality/}), each CAR-T drug's events with enough reports, each with its
 * candidate maskers ranked by the masking ratio the pair counts give (eq. 5 of {@link MaskingRatio}: every other drug
 * reported with the event) and the drug's most reported other events, its competing events. {@link #count}: one
 * Spark pass over the analysis's reports counts, per pair, the reports that name a masker (by which maskers, with or
 * without the drug and the event) and those with a competing event and not the event, so the removals are exact:
 * a report naming the drug and a masker leaves the drug's row too, and a report naming two maskers is removed once.
 * Reports count as {@link PairCounts} counts them: those with at least one named drug and one named event, each
 * drug and event by its name at the analysis's level. Counts only: every ratio is {@link MaskingRatio}'s.
 */
public final class MaskingCounts {

    /** A candidate masker of a pair: its reports with the event, all its reports, and eq. (5) from them. */
    public record Masker(String drug, long withEvent, long reports, double ratioFromPairs) {
    }

    /** A CAR-T drug and event with its table on all reports, its strongest maskers and its competing events. */
    public record Pair(String drug, String event, TwoByTwo table, List<Masker> maskers, List<String> competing) {
    }

    /**
     * A pair with the reports each removal takes from its cells.
     *
     * @param byMasker   without each masker, in the order of {@link Pair#maskers}
     * @param allMaskers without any of them
     * @param competing  without the reports with a competing event and not the event
     */
    public record Counted(Pair pair, List<MaskingRatio.Removal> byMasker, MaskingRatio.Removal allMaskers,
            MaskingRatio.Removal competing) {
    }

    /** The pair table's columns the choice of maskers reads, in this order. */
    static final List<String> TABLE_COLUMNS = Stream.of(SignalColumn.DRUG, SignalColumn.EVENT, SignalColumn.A,
            SignalColumn.B, SignalColumn.C, SignalColumn.D).map(SignalColumn::column).toList();

    private static final StructType TALLY = new StructType().add("pair", DataTypes.IntegerType)
            .add("has_drug", DataTypes.BooleanType).add("has_event", DataTypes.BooleanType)
            .add("maskers", DataTypes.IntegerType).add("competing", DataTypes.BooleanType);

    private MaskingCounts() {
    }

    /**
     * The pairs to examine, by drug then event.
     *
     * @param table     the analysis's pair table ({@code <out>/disproportionality/})
     * @param cartDrugs the CAR-T drugs at the analysis's drug level
     */
    public static List<Pair> pairs(SparkSession spark, Path table, Set<String> cartDrugs, MaskingSettings settings) {
        String drug = SignalColumn.DRUG.column();
        String event = SignalColumn.EVENT.column();
        Column[] columns = TABLE_COLUMNS.stream().map(functions::col).toArray(Column[]::new);
        Dataset<Row> counts = ParquetOutput.read(spark, table).select(columns);
        Dataset<Row> examined = counts.where(col(drug).isin(cartDrugs.toArray())
                .and(col("a").geq(settings.minReports())));
        // one job: every drug's row for the events of the CAR-T drugs' pairs
        return pairs(counts.join(examined.select(event).distinct(), new String[] {event}, "left_semi")
                .select(columns).collectAsList(), cartDrugs,
                settings);
    }

    /**
     * {@link #pairs(SparkSession, Path, Set, MaskingSettings)} of a pair table's rows held in memory.
     *
     * @param rows (drug, event, a, b, c, d) of at least every pair whose event a CAR-T drug has with enough reports,
     *             in any order
     */
    static List<Pair> pairs(List<Row> rows, Set<String> cartDrugs, MaskingSettings settings) {
        List<Row> cart = new ArrayList<>();
        Map<String, List<Row>> byEvent = new HashMap<>();
        for (Row r : rows) {
            byEvent.computeIfAbsent(r.getString(1), e -> new ArrayList<>()).add(r);
            if (cartDrugs.contains(r.getString(0)) && r.getLong(2) >= settings.minReports()) {
                cart.add(r);
            }
        }
        Map<String, List<Row>> byDrug = new LinkedHashMap<>();
        cart.stream().sorted(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1)))
                .forEach(r -> byDrug.computeIfAbsent(r.getString(0), d -> new ArrayList<>()).add(r));
        List<Pair> pairs = new ArrayList<>();
        byDrug.forEach((cartDrug, own) -> {
            // the drug's events, most reported first
            List<String> ranked = own.stream().sorted(Comparator.comparingLong((Row r) -> -r.getLong(2))
                    .thenComparing(r -> r.getString(1))).map(r -> r.getString(1)).toList();
            for (Row r : own) {
                String e = r.getString(1);
                TwoByTwo t = new TwoByTwo(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
                List<String> competing = ranked.stream().filter(other -> !other.equals(e))
                        .limit(settings.competingEvents()).toList();
                pairs.add(new Pair(cartDrug, e, t, maskers(cartDrug, t, byEvent.get(e), settings.maskers()),
                        competing));
            }
        });
        return pairs;
    }

    /** The event's other drugs whose removal raises the drug's PRR most (eq. 5 above 1), strongest first. */
    private static List<Masker> maskers(String cartDrug, TwoByTwo table, List<Row> reportedWith, int keep) {
        List<Masker> candidates = new ArrayList<>();
        for (Row r : reportedWith) {
            if (r.getString(0).equals(cartDrug)) {
                continue;                                    // the drug itself is never its own masker
            }
            long withEvent = r.getLong(2);
            long reports = withEvent + r.getLong(3);
            // reports naming both drugs count in both rows: clamped into the background, for the ranking only
            long inC = Math.min(withEvent, table.c());
            long inD = Math.min(reports - withEvent, table.d());
            double ratio = MaskingRatio.withDefaults().approximate(table.c(), table.d(), inC, inC + inD);
            if (ratio > 1) {
                candidates.add(new Masker(r.getString(0), withEvent, reports, ratio));
            }
        }
        candidates.sort(Comparator.comparingDouble((Masker m) -> -m.ratioFromPairs()).thenComparing(Masker::drug));
        return List.copyOf(candidates.subList(0, Math.min(keep, candidates.size())));
    }

    /**
     * Counts every pair's removals in one pass over the analysis's reports.
     *
     * @param input the analysis's reports and names ({@link SignalInput#faers}, with its settings)
     * @param pairs from {@link #pairs}
     */
    public static List<Counted> count(SignalInput input, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        Numbered n = new Numbered(input.drugs(), input.events(), pairs);
        int[] drug = n.drug;
        int[] event = n.event;
        int[][] maskers = n.maskers;
        int[][] competing = n.competing;
        KeyNames drugs = input.drugs();
        KeyNames events = input.events();
        Dataset<Row> tallies = input.reports().select(col("drug_keys"), col("event_keys"))
                .flatMap((FlatMapFunction<Row, Row>) r -> tally(drugs.numbersOf(r.<Integer>getList(0)),
                        events.numbersOf(r.<Integer>getList(1)), drug, event, maskers, competing).iterator(),
                        Encoders.row(TALLY));
        Removals removals = new Removals(maskers);
        for (Row r : tallies.groupBy("pair", "has_drug", "has_event", "maskers", "competing").count()
                .collectAsList()) {
            removals.add(r, r.getLong(5));
        }
        return removals.counted(pairs);
    }

    /**
     * {@link #count} of an analysis that ran on the driver ({@link CuratedFaers#read}): the same tallies, made from
     * the reports it holds, without a Spark job.
     */
    static List<Counted> onDriver(DriverInput input, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return List.of();
        }
        Numbered n = new Numbered(input.drugs(), input.events(), pairs);
        Removals removals = new Removals(n.maskers);
        for (ReportKeys report : input.reports()) {
            for (Row r : tally(input.drugs().numbersOf(report.getDrugKeys()),
                    input.events().numbersOf(report.getEventKeys()), n.drug, n.event, n.maskers, n.competing)) {
                removals.add(r, 1);
            }
        }
        return removals.counted(pairs);
    }

    /** The pairs' drugs, events, maskers and competing events by the analysis's numbers (−1: not named there). */
    private static final class Numbered {
        final int[] drug;
        final int[] event;
        final int[][] maskers;
        final int[][] competing;

        Numbered(KeyNames drugs, KeyNames events, List<Pair> pairs) {
            Map<String, Integer> drugNumber = drugs.numbersByName();
            Map<String, Integer> eventNumber = events.numbersByName();
            drug = new int[pairs.size()];
            event = new int[pairs.size()];
            maskers = new int[pairs.size()][];
            competing = new int[pairs.size()][];
            for (int p = 0; p < pairs.size(); p++) {
                Pair pair = pairs.get(p);
                drug[p] = drugNumber.getOrDefault(pair.drug(), -1);
                event[p] = eventNumber.getOrDefault(pair.event(), -1);
                maskers[p] = pair.maskers().stream().mapToInt(m -> drugNumber.getOrDefault(m.drug(), -1)).toArray();
                competing[p] = pair.competing().stream().mapToInt(e -> eventNumber.getOrDefault(e, -1)).toArray();
            }
        }
    }

    /** The reports each removal takes from each pair's cells, summed from {@link #tally} rows. */
    private static final class Removals {
        private final int[][] maskers;
        private final long[][][] byMasker;
        private final long[][] all;
        private final long[][] withCompeting;

        Removals(int[][] maskers) {
            this.maskers = maskers;
            byMasker = new long[maskers.length][][];
            all = new long[maskers.length][4];
            withCompeting = new long[maskers.length][4];
            for (int p = 0; p < maskers.length; p++) {
                byMasker[p] = new long[maskers[p].length][4];
            }
        }

        /** {@code n} reports of one {@link #TALLY} row (pair, has_drug, has_event, maskers, competing). */
        void add(Row tally, long n) {
            int p = tally.getInt(0);
            int cell = cell(tally.getBoolean(1), tally.getBoolean(2));
            int bits = tally.getInt(3);
            for (int m = 0; m < maskers[p].length; m++) {
                if ((bits & (1 << m)) != 0) {
                    byMasker[p][m][cell] += n;
                }
            }
            if (bits != 0) {
                all[p][cell] += n;
            }
            if (tally.getBoolean(4)) {
                withCompeting[p][cell] += n;
            }
        }

        List<Counted> counted(List<Pair> pairs) {
            List<Counted> counted = new ArrayList<>();
            for (int p = 0; p < pairs.size(); p++) {
                counted.add(new Counted(pairs.get(p), Arrays.stream(byMasker[p]).map(MaskingCounts::removal).toList(),
                        removal(all[p]), removal(withCompeting[p])));
            }
            return counted;
        }
    }

    /** The cells a, b, c, d as 0–3. */
    private static int cell(boolean hasDrug, boolean hasEvent) {
        return hasDrug ? (hasEvent ? 0 : 1) : (hasEvent ? 2 : 3);
    }

    private static MaskingRatio.Removal removal(long[] cells) {
        return new MaskingRatio.Removal(cells[0], cells[1], cells[2], cells[3]);
    }

    /**
     * One report's rows: per pair, whether it names the drug and the event, which maskers it names (bit m for
     * masker m) and whether it has a competing event and not the event; only for the pairs it leaves.
     */
    private static List<Row> tally(int[] drugNumbers, int[] eventNumbers, int[] drug, int[] event, int[][] maskers,
            int[][] competing) {
        List<Row> rows = new ArrayList<>();
        if (drugNumbers.length == 0 || eventNumbers.length == 0) {
            return rows;                                     // not counted in the table (PairCounts)
        }
        Arrays.sort(drugNumbers);
        Arrays.sort(eventNumbers);
        for (int p = 0; p < drug.length; p++) {
            boolean hasEvent = Arrays.binarySearch(eventNumbers, event[p]) >= 0;
            int bits = 0;
            for (int m = 0; m < maskers[p].length; m++) {
                if (Arrays.binarySearch(drugNumbers, maskers[p][m]) >= 0) {
                    bits |= 1 << m;
                }
            }
            boolean anyCompeting = false;
            for (int e : competing[p]) {
                anyCompeting |= !hasEvent && Arrays.binarySearch(eventNumbers, e) >= 0;
            }
            if (bits != 0 || anyCompeting) {
                rows.add(RowFactory.create(p, Arrays.binarySearch(drugNumbers, drug[p]) >= 0, hasEvent, bits,
                        anyCompeting));
            }
        }
        return rows;
    }
}
