package org.iago.disproportionality;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.iago.spark.LakeTables;
import org.iago.spark.ParquetOutput;
import org.iago.vocabulary.Quarter;

/**
 * What {@code org.iago.stats.SignalPriority} scores, counted for an analysis's flagged pairs from the curated FAERS
 * lake: per pair its reports, those of the last four quarters (the analysis's latest quarter and the three before),
 * the serious ones (an OUTC row {@code DE}, {@code LT} or {@code HO} on the report's kept version), its distinct
 * reporter countries, and the mean completeness of its reports: the share of {@link #KEY_FIELDS} known (a sex M or
 * F, the others not empty). Only the flagged pairs are counted: each report is matched against them by its keys'
 * names, as {@link PairCounts} names them, so a report counts once for a pair however many of its drugs or PTs carry
 * the pair's names. No formula here: the score is {@code SignalPriority}'s.
 */
public final class PriorityInputs {

    /** FAERS outcome codes that make a report serious for the priority: death, life-threatening, hospitalisation. */
    public static final List<String> SERIOUS = List.of("DE", "LT", "HO");
    /** The fields of a curated report whose filling is its completeness. */
    public static final List<String> KEY_FIELDS = List.of("age_years", "sex", "reporter_country", "event_dt");
    /** Quarters that count as recent: the latest and the three before. */
    public static final int RECENT_QUARTERS = 4;

    /** A flagged pair, by the analysis's names. */
    public record Pair(String drug, String event) {
    }

    /** One pair's counts. */
    public record Counts(long reports, long recent, long serious, long countries, double completeness) {
    }

    private PriorityInputs() {
    }

    /**
     * @param input   the analysis's reports and names ({@link SignalInput#faers}); its quarter column says what is
     *                recent
     * @param flagged the pairs to count
     * @return the counts of every flagged pair with at least one report
     */
    public static Map<Pair, Counts> of(SparkSession spark, Lake lake, SignalInput input, Collection<Pair> flagged) {
        Set<Long> wanted = wanted(input.drugs(), input.events(), flagged);
        Map<Pair, Counts> counts = new HashMap<>();
        if (wanted.isEmpty()) {
            return counts;
        }
        StructType matched = new StructType().add("report_id", DataTypes.LongType).add("drug_number",
                DataTypes.IntegerType).add("event_number", DataTypes.IntegerType);
        KeyNames drugs = input.drugs();
        KeyNames events = input.events();
        Dataset<Row> pairs = input.reports().select(col("report_id").cast(DataTypes.LongType), col("drug_keys"),
                col("event_keys")).flatMap((FlatMapFunction<Row, Row>) r -> matches(r, drugs, events, wanted)
                        .iterator(), Encoders.row(matched));
        Dataset<Row> reports = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.REPORTS));
        Dataset<Row> serious = new LakeTables(spark, lake).faers(FaersTable.OUTC)
                .where(upper(trim(col("outc_cod"))).isin(SERIOUS.toArray()))
                .select(col("primaryid").cast(DataTypes.LongType).as("primaryid"), col("quarter")).distinct()
                .withColumn("serious", lit(true));
        String latest = input.reports().agg(max("quarter")).first().getString(0);
        String firstRecent = firstRecent(Quarter.parse(latest)).toString();
        Column filled = lit(0);
        for (String field : KEY_FIELDS) {
            // curate writes an unknown sex as UNK, other unknowns as null
            Column known = field.equals("sex") ? col(field).isin("M", "F") : col(field).isNotNull();
            filled = filled.plus(when(known, 1).otherwise(0));
        }
        Dataset<Row> described = reports.select(col("report_id").cast(DataTypes.LongType).as("report_id"),
                        col("primaryid").cast(DataTypes.LongType).as("primaryid"), col("quarter"),
                        col("reporter_country"), filled.divide(KEY_FIELDS.size()).as("completeness"))
                .join(serious, new String[] {"primaryid", "quarter"}, "left");
        List<Row> rows = pairs.join(described, "report_id")
                .groupBy("drug_number", "event_number")
                .agg(count(lit(1)).as("reports"),
                        sum(when(col("quarter").geq(firstRecent), 1).otherwise(0)).cast(DataTypes.LongType)
                                .as("recent"),
                        sum(when(col("serious"), 1).otherwise(0)).cast(DataTypes.LongType).as("serious"),
                        countDistinct(col("reporter_country")).as("countries"),
                        avg("completeness").as("completeness"))
                .collectAsList();
        for (Row r : rows) {
            counts.put(new Pair(String.valueOf(drugs.name(r.getInt(0))), String.valueOf(events.name(r.getInt(1)))),
                    new Counts(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getDouble(6)));
        }
        return counts;
    }

    /**
     * {@link #of} for an analysis that ran on the driver ({@link CuratedFaers#read}), without a Spark job: the same
     * counts, from its reports' keys and ids, the curated reports' fields and FAERS OUTC read with parquet-java.
     */
    public static Map<Pair, Counts> onDriver(Configuration conf, Lake lake, DriverInput input,
            Collection<Pair> flagged) throws IOException {
        Set<Long> wanted = wanted(input.drugs(), input.events(), flagged);
        Map<Pair, Counts> counts = new HashMap<>();
        if (wanted.isEmpty()) {
            return counts;
        }
        Map<Long, List<Long>> reportsOfPair = new HashMap<>();
        for (int i = 0; i < input.reports().size(); i++) {
            ReportKeys keys = input.reports().get(i);
            for (long pair : matches(input.drugs().numbersOf(keys.getDrugKeys()),
                    input.events().numbersOf(keys.getEventKeys()), wanted)) {
                reportsOfPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(input.reportIds()[i]);
            }
        }
        Set<Long> matched = new HashSet<>();
        reportsOfPair.values().forEach(matched::addAll);
        Map<Long, Report> reports = new HashMap<>();
        List<String> columns = new ArrayList<>(List.of("report_id", "primaryid", "quarter", "reporter_country"));
        KEY_FIELDS.stream().filter(f -> !columns.contains(f)).forEach(columns::add);
        for (Report r : CuratedFaers.rows(conf, lake, CuratedTable.REPORTS, columns, g -> {
            Long id = number(g.text("report_id"));
            if (id == null || !matched.contains(id)) {
                return null;
            }
            int filled = 0;
            for (String field : KEY_FIELDS) {
                String value = g.text(field);
                filled += field.equals("sex") ? (value != null && (value.equals("M") || value.equals("F")) ? 1 : 0)
                        : (value != null ? 1 : 0);
            }
            return new Report(id, number(g.text("primaryid")), g.string("quarter"), g.string("reporter_country"),
                    filled);
        })) {
            reports.put(r.reportId(), r);
        }
        Set<String> primaryids = new HashSet<>();
        reports.values().stream().filter(r -> r.primaryid() != null).forEach(r -> primaryids.add(r.version()));
        Set<String> serious = new HashSet<>(CuratedFaers.faersRows(conf, lake, FaersTable.OUTC,
                List.of("primaryid", "outc_cod"), (quarter, g) -> {
                    String code = g.string("outc_cod");
                    Long primaryid = number(g.text("primaryid"));
                    String version = primaryid + "|" + quarter;
                    return code != null && SERIOUS.contains(code.trim().toUpperCase(Locale.ROOT))
                            && primaryid != null && primaryids.contains(version) ? version : null;
                }));
        String firstRecent = firstRecent(Quarter.parse(Collections.max(input.reportQuarters()))).toString();
        for (Map.Entry<Long, List<Long>> e : reportsOfPair.entrySet()) {
            long n = 0;
            long recent = 0;
            long seriousReports = 0;
            long filled = 0;
            Set<String> countries = new HashSet<>();
            for (long id : e.getValue()) {
                Report r = reports.get(id);
                n++;
                recent += r.quarter().compareTo(firstRecent) >= 0 ? 1 : 0;
                seriousReports += r.primaryid() != null && serious.contains(r.version()) ? 1 : 0;
                filled += r.filled();
                if (r.country() != null) {
                    countries.add(r.country());     // countDistinct leaves nulls out
                }
            }
            int drug = (int) (e.getKey() >>> 32);
            int event = (int) (long) e.getKey();
            // the mean of filled / |KEY_FIELDS|, as avg() of Spark takes it: quarters sum exactly
            counts.put(new Pair(String.valueOf(input.drugs().name(drug)), String.valueOf(input.events().name(event))),
                    new Counts(n, recent, seriousReports, countries.size(),
                            (double) filled / KEY_FIELDS.size() / n));
        }
        return counts;
    }

    /** A matched report's fields, as {@link #of} joins them. */
    private record Report(long reportId, Long primaryid, String quarter, String country, int filled) {
        /** The report's kept version, as OUTC names it. */
        String version() {
            return primaryid + "|" + quarter;
        }
    }

    /** A whole number as Spark casts text to a long: trimmed, null when it is not one. */
    private static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The flagged pairs' keys by the analysis's numbering; pairs whose names it lacks are left out. */
    private static Set<Long> wanted(KeyNames drugs, KeyNames events, Collection<Pair> flagged) {
        Map<String, Integer> drugNumber = drugs.numbersByName();
        Map<String, Integer> eventNumber = events.numbersByName();
        Set<Long> wanted = new HashSet<>();
        for (Pair p : flagged) {
            Integer d = drugNumber.get(p.drug());
            Integer e = eventNumber.get(p.event());
            if (d != null && e != null) {
                wanted.add(pairKey(d, e));
            }
        }
        return wanted;
    }

    /** The wanted pairs one report names, each once. */
    private static List<Row> matches(Row report, KeyNames drugs, KeyNames events, Set<Long> wanted) {
        long id = report.getLong(0);
        List<Row> out = new ArrayList<>();
        for (long key : matches(drugs.numbersOf(report.<Integer>getList(1)), events.numbersOf(report.<Integer>getList(2)),
                wanted)) {
            out.add(RowFactory.create(id, (int) (key >>> 32), (int) key));
        }
        return out;
    }

    /** The wanted pair keys of a report's drug and event numbers, each once, in the order first met. */
    private static Set<Long> matches(int[] drugNumbers, int[] eventNumbers, Set<Long> wanted) {
        Set<Long> seen = new LinkedHashSet<>();
        for (int d : drugNumbers) {
            for (int e : eventNumbers) {
                long key = pairKey(d, e);
                if (wanted.contains(key)) {
                    seen.add(key);
                }
            }
        }
        return seen;
    }

    private static long pairKey(int drug, int event) {
        return ((long) drug << 32) | event;
    }

    /** The first of the {@link #RECENT_QUARTERS} quarters that end with {@code latest}. */
    public static Quarter firstRecent(Quarter latest) {
        int index = latest.year() * 4 + latest.quarter() - 1 - (RECENT_QUARTERS - 1);
        return Quarter.of(index / 4, index % 4 + 1);
    }
}
