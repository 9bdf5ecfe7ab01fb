package org.iago.disproportionality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.ParquetOutput;
import org.iago.stats.InteractionShrinkage;
import org.iago.vocabulary.Names;

/**
 * The report counts Ω needs ({@link InteractionShrinkage.Counts}), for every configured CAR-T × concomitant drug pair
 * and every event reported with both, from curated FAERS. A report is exposed to a drug when the drug is among its
 * drugs in any role (PS, SS, C, I): a concomitant drug is mostly reported as concomitant. Spark counts the distinct
 * reports of each exposure group of each pair (both, CAR-T drug only, concomitant only) and those with each event,
 * over the reports exposed to a configured drug, and the reports of each of those events overall; the group of
 * neither drug is what remains of the whole, so the reports with no configured drug are counted once, not per pair.
 * Counts only: every number of Ω comes from {@link InteractionShrinkage}.
 */
public final class InteractionCounts {

    /** The exposure groups, as the group column numbers them: 2·(CAR-T drug) + (concomitant drug). */
    private static final int BOTH = 3;
    private static final int CART_ONLY = 2;
    private static final int CONCOMITANT_ONLY = 1;

    private final SparkSession spark;
    private final Lake lake;

    /** One pair and event with its counts. */
    public record Triple(InteractionPairs.Pair pair, String event, InteractionShrinkage.Counts counts) {
    }

    public InteractionCounts(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /**
     * Counts every pair's events.
     *
     * @param pairs      the configured pairs
     * @param eventLevel PT or toxicity group ({@link SignalInput.EventLevel#PT}, {@link SignalInput.EventLevel#GROUP})
     * @param through    last quarter to include (e.g. 2024Q2), or null for all
     * @return the pairs' events with at least one report naming both drugs and the event, by pair, then event
     * @throws IllegalArgumentException for another event level
     */
    public List<Triple> count(InteractionPairs pairs, SignalInput.EventLevel eventLevel, String through) {
        List<InteractionPairs.Pair> pairList = pairs.pairs();
        Dataset<Row> reports = read(CuratedTable.REPORTS);
        if (through != null) {
            reports = reports.where(col("quarter").leq(lit(through.toUpperCase(Locale.ROOT))));
        }
        Column drugKeys = concat(FaersTable.ROLE_CODS.stream().map(r -> col(CuratedTable.drugKeys(r)))
                .toArray(Column[]::new));
        Map<String, Column> cartExposed = new HashMap<>();
        Map<String, Column> concomitantExposed = new HashMap<>();
        List<Row> drugs = read(CuratedTable.DRUGS).select("drug_key", "product", "ingredient", "target")
                .collectAsList();
        for (String cart : pairs.cart()) {
            // a product by its brand, a target by its antigen
            cartExposed.put(cart, exposed(drugKeys,
                    keys(drugs, d -> cart.equals(name(d, 1)) || cart.equals(name(d, 3)))));
        }
        pairs.concomitant().forEach((name, ingredients) -> concomitantExposed.put(name,
                exposed(drugKeys, keys(drugs, d -> ingredients.contains(name(d, 2))))));
        // per report, the exposure group of each pair (0, neither, left out): struct(pair, group)
        Column[] groups = new Column[pairList.size()];
        for (int p = 0; p < pairList.size(); p++) {
            InteractionPairs.Pair pair = pairList.get(p);
            Column cart = cartExposed.get(pair.cart());
            Column other = concomitantExposed.get(pair.concomitant());
            groups[p] = struct(lit(p).as("pair"), when(cart.and(other), BOTH).when(cart, CART_ONLY)
                    .when(other, CONCOMITANT_ONLY).otherwise(0).as("group"));
        }
        Dataset<Row> counted = reports.select(col("report_id"), col(CuratedTable.EVENT_KEYS).as("event_keys"),
                filter(array(groups), g -> g.getField("group").gt(0)).as("exposures")).cache();
        try {
            long allReports = counted.count();
            Dataset<Row> exposed = counted.where(size(col("exposures")).gt(0))
                    .select(col("report_id"), col("event_keys"), explode(col("exposures")).as("e"))
                    .select(col("report_id"), col("event_keys"), col("e.pair").as("pair"), col("e.group").as("group"));
            long[][] groupReports = new long[pairList.size()][BOTH + 1];
            for (Row r : exposed.groupBy("pair", "group").count().collectAsList()) {
                groupReports[r.getInt(0)][r.getInt(1)] = r.getLong(2);
            }
            Dataset<Row> names = eventNames(eventLevel);
            // (pair, group, event) → reports: each report's events counted once per name
            Dataset<Row> withEvents = exposed.select(col("report_id"), col("pair"), col("group"),
                    explode(col("event_keys")).as("event_key")).join(broadcast(names), "event_key")
                    .select("report_id", "pair", "group", "event").distinct();
            Map<String, long[]> eventReports = new HashMap<>();
            for (Row r : withEvents.groupBy("pair", "group", "event").count().collectAsList()) {
                eventReports.computeIfAbsent(r.getInt(0) + "\u0000" + r.getString(2), k -> new long[BOTH + 1])
                        [r.getInt(1)] = r.getLong(3);
            }
            Set<String> studied = studied(eventReports);
            Map<String, Long> eventTotals = new HashMap<>();
            if (!studied.isEmpty()) {
                Dataset<Row> studiedNames = names.where(col("event").isin(studied.toArray()));
                for (Row r : counted.select(col("report_id"), explode(col("event_keys")).as("event_key"))
                        .join(broadcast(studiedNames), "event_key").select("report_id", "event").distinct()
                        .groupBy("event").count().collectAsList()) {
                    eventTotals.put(r.getString(0), r.getLong(1));
                }
            }
            return triples(pairList, allReports, groupReports, eventReports, studied, eventTotals);
        } finally {
            counted.unpersist();
        }
    }

    /**
     * {@link #count} on the driver, without a Spark job: the same counts from the curated tables read with
     * parquet-java, for a lake whose reports fit there ({@link CuratedFaers#fits}).
     */
    public static List<Triple> onDriver(Configuration conf, Lake lake, InteractionPairs pairs,
            SignalInput.EventLevel eventLevel, String through) throws IOException {
        List<InteractionPairs.Pair> pairList = pairs.pairs();
        Map<Integer, List<String>> names = new HashMap<>();
        Set<Integer> known = new HashSet<>(CuratedFaers.rows(conf, lake, CuratedTable.EVENTS, List.of("event_key"),
                g -> g.integer("event_key")));
        String nameColumn = switch (eventLevel) {
            case PT -> "pt";
            case GROUP -> "term_group";
            default -> throw levelRefused(eventLevel);
        };
        for (Row r : CuratedFaers.rows(conf, lake, eventLevel == SignalInput.EventLevel.PT ? CuratedTable.EVENTS
                : CuratedTable.EVENT_GROUPS, List.of("event_key", nameColumn),
                g -> RowFactory.create(g.integer("event_key"), g.string(nameColumn)))) {
            // the join with the events of Spark's eventNames; curation names every PT
            if (known.contains(r.getInt(0)) && !r.isNullAt(1)) {
                names.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getString(1));
            }
        }
        List<Row> drugs = CuratedFaers.rows(conf, lake, CuratedTable.DRUGS,
                List.of("drug_key", "product", "ingredient", "target"), g -> RowFactory.create(g.integer("drug_key"),
                        g.string("product"), g.string("ingredient"), g.string("target")));
        List<Set<Integer>> cartKeys = new ArrayList<>();
        List<Set<Integer>> concomitantKeys = new ArrayList<>();
        for (InteractionPairs.Pair pair : pairList) {
            cartKeys.add(keySet(keys(drugs, d -> pair.cart().equals(name(d, 1)) || pair.cart().equals(name(d, 3)))));
            List<String> ingredients = pairs.concomitant().get(pair.concomitant());
            concomitantKeys.add(keySet(keys(drugs, d -> ingredients.contains(name(d, 2)))));
        }
        String last = through == null ? null : through.toUpperCase(Locale.ROOT);
        List<String> columns = new ArrayList<>(List.of("quarter", CuratedTable.EVENT_KEYS));
        FaersTable.ROLE_CODS.forEach(role -> columns.add(CuratedTable.drugKeys(role)));
        // per report (through the quarter): its drug keys in every role, and the distinct names of its events
        List<int[][]> reports = CuratedFaers.rows(conf, lake, CuratedTable.REPORTS, columns, g -> {
            if (last != null && g.string("quarter").compareTo(last) > 0) {
                return null;
            }
            int[] drugKeys = FaersTable.ROLE_CODS.stream()
                    .flatMapToInt(role -> Arrays.stream(g.integers(CuratedTable.drugKeys(role)))).toArray();
            return new int[][] {drugKeys, g.integers(CuratedTable.EVENT_KEYS)};
        });
        long[][] groupReports = new long[pairList.size()][BOTH + 1];
        Map<String, long[]> eventReports = new HashMap<>();
        Map<String, Long> eventTotals = new HashMap<>();
        for (int[][] report : reports) {
            Set<String> events = new TreeSet<>();
            for (int key : report[1]) {
                events.addAll(names.getOrDefault(key, List.of()));
            }
            events.forEach(event -> eventTotals.merge(event, 1L, Long::sum));
            for (int p = 0; p < pairList.size(); p++) {
                boolean cart = overlaps(report[0], cartKeys.get(p));
                boolean other = overlaps(report[0], concomitantKeys.get(p));
                int group = cart && other ? BOTH : cart ? CART_ONLY : other ? CONCOMITANT_ONLY : 0;
                if (group > 0) {
                    groupReports[p][group]++;
                    for (String event : events) {
                        eventReports.computeIfAbsent(p + "\u0000" + event, k -> new long[BOTH + 1])[group]++;
                    }
                }
            }
        }
        return triples(pairList, reports.size(), groupReports, eventReports, studied(eventReports), eventTotals);
    }

    private static Set<Integer> keySet(Object[] keys) {
        Set<Integer> set = new HashSet<>();
        for (Object k : keys) {
            set.add((Integer) k);
        }
        return set;
    }

    private static boolean overlaps(int[] drugKeys, Set<Integer> keys) {
        for (int k : drugKeys) {
            if (keys.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** The events reported with both drugs of some pair. */
    private static Set<String> studied(Map<String, long[]> eventReports) {
        Set<String> studied = new TreeSet<>();
        eventReports.forEach((key, byGroup) -> {
            if (byGroup[BOTH] > 0) {
                studied.add(key.substring(key.indexOf('\u0000') + 1));
            }
        });
        return studied;
    }

    /**
     * The triples of the counts: the group of neither drug is what the exposed groups leave of all reports.
     *
     * @param eventReports reports per (pair, event) and exposure group, keyed {@code pair \0 event}
     * @param eventTotals  reports of each studied event overall
     */
    private static List<Triple> triples(List<InteractionPairs.Pair> pairList, long allReports, long[][] groupReports,
            Map<String, long[]> eventReports, Set<String> studied, Map<String, Long> eventTotals) {
        List<Triple> triples = new ArrayList<>();
        for (int p = 0; p < pairList.size(); p++) {
            long[] n = groupReports[p];
            long neither = allReports - n[BOTH] - n[CART_ONLY] - n[CONCOMITANT_ONLY];
            for (String event : studied) {
                long[] e = eventReports.get(p + "\u0000" + event);
                if (e == null || e[BOTH] == 0) {
                    continue;
                }
                long neitherWithEvent = eventTotals.get(event) - e[BOTH] - e[CART_ONLY] - e[CONCOMITANT_ONLY];
                triples.add(new Triple(pairList.get(p), event, new InteractionShrinkage.Counts(e[BOTH], n[BOTH],
                        e[CART_ONLY], n[CART_ONLY], e[CONCOMITANT_ONLY], n[CONCOMITANT_ONLY], neitherWithEvent,
                        neither)));
            }
        }
        triples.sort(Comparator.comparingInt((Triple t) -> pairList.indexOf(t.pair())).thenComparing(Triple::event));
        return triples;
    }

    private static IllegalArgumentException levelRefused(SignalInput.EventLevel level) {
        return new IllegalArgumentException("interactions are measured by PT or toxicity group, not "
                + level.name().toLowerCase(Locale.ROOT));
    }

    /** Every event_key with its name at the level; a PT in no toxicity group has none and is not counted. */
    private Dataset<Row> eventNames(SignalInput.EventLevel level) {
        Dataset<Row> events = read(CuratedTable.EVENTS);
        return switch (level) {
            case PT -> events.select(col("event_key"), col("pt").as("event"));
            case GROUP -> events.select("event_key").join(read(CuratedTable.EVENT_GROUPS)
                    .select(col("event_key"), col("term_group").as("event")), "event_key");
            default -> throw levelRefused(level);
        };
    }

    private static Column exposed(Column drugKeys, Object[] keys) {
        if (keys.length == 0) {
            return lit(false);
        }
        return functions.coalesce(arrays_overlap(drugKeys, array(Arrays.stream(keys).map(functions::lit)
                .toArray(Column[]::new)).cast(DataTypes.createArrayType(DataTypes.IntegerType))), lit(false));
    }

    private static Object[] keys(List<Row> drugs, java.util.function.Predicate<Row> matches) {
        return drugs.stream().filter(matches).map(d -> ((Number) d.get(0)).intValue()).toArray();
    }

    private static String name(Row drug, int column) {
        return drug.isNullAt(column) ? null : Names.normalise(drug.get(column).toString());
    }

    private Dataset<Row> read(CuratedTable table) {
        return ParquetOutput.read(spark, lake.curatedLocation(table));
    }
}
