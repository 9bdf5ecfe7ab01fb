package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.stats.MaskingRatio;
import org.iago.stats.TwoByTwo;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The masking counts against a report-by-report count in plain Java, on random reports that name several drugs (so
 * reports name the CAR-T drug and a masker together, and two maskers together): the pairs' tables and maskers from a
 * pair table written as the analysis writes it, and every removal exact.
 */
class MaskingCountsTest {

    /** Drug keys 0–6: 0 and 1 are both named CART (two products of one target), 6 has no name at the level. */
    private static final String[] DRUG_NAMES = {"CART", "CART", "M1", "M2", "M3", "OTHER", null};
    /** Event keys 0–4: 4 has no name at the level (a PT in no group). */
    private static final String[] EVENT_NAMES = {"E1", "CRS", "ICANS", "E4", null};

    @TempDir
    Path work;

    private record Report(List<Integer> drugs, List<Integer> events) {

        boolean names(String[] names, List<Integer> keys, String name) {
            return keys.stream().anyMatch(k -> name.equals(names[k]));
        }

        boolean drug(String name) {
            return names(DRUG_NAMES, drugs, name);
        }

        boolean event(String name) {
            return names(EVENT_NAMES, events, name);
        }

        boolean counted() {
            return drugs.stream().anyMatch(k -> DRUG_NAMES[k] != null)
                    && events.stream().anyMatch(k -> EVENT_NAMES[k] != null);
        }
    }

    @Test
    void everyRemovalIsCountedExactly() throws java.io.IOException {
        SparkSession spark = SharedSpark.session();
        Random random = new Random(20140201);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            List<Integer> drugs = new ArrayList<>();
            // M1 dominates E1; the CART drug is reported with M1 or M2 on some reports
            int first = pick(random, new int[] {8, 4, 30, 15, 10, 30, 3});
            drugs.add(first);
            if (random.nextInt(4) == 0) {
                drugs.add(pick(random, new int[] {2, 2, 10, 10, 5, 5, 1}));
            }
            List<Integer> events = new ArrayList<>();
            boolean maskerOnly = first == 2;
            events.add(random.nextInt(100) < (maskerOnly ? 40 : first < 2 ? 15 : 3) ? 0
                    : pick(random, new int[] {0, first < 2 ? 10 : 3, first < 2 ? 6 : 2, first < 2 ? 2 : 20, 2}));
            if (random.nextInt(3) == 0) {
                events.add(pick(random, new int[] {2, 8, 4, first < 2 ? 1 : 10, 2}));
            }
            reports.add(new Report(drugs, events));
        }
        List<Report> counted = reports.stream().filter(Report::counted).toList();

        Path table = work.resolve("disproportionality");
        pairTable(spark, counted).write().parquet(table.toString());
        MaskingSettings settings = new MaskingSettings(2, 2, 3);
        List<MaskingCounts.Pair> pairs = MaskingCounts.pairs(spark, new org.apache.hadoop.fs.Path(table.toUri()),
                Set.of("CART"), settings);
        MaskingCounts.Pair e1 = pairs.stream().filter(p -> p.event().equals("E1")).findFirst().orElseThrow();
        assertEquals(cells(counted, r -> r.drug("CART"), "E1"), e1.table());
        assertEquals("M1", e1.maskers().get(0).drug(), "M1 holds most of E1's background: " + e1.maskers());
        assertTrue(e1.maskers().size() <= 2 && e1.maskers().stream().allMatch(m -> m.ratioFromPairs() > 1
                && !m.drug().equals("CART")), e1.maskers().toString());
        List<String> ranked = List.of("CRS", "ICANS", "E4").stream().sorted(java.util.Comparator.comparingLong(
                (String e) -> -cells(counted, r -> r.drug("CART"), e).a()).thenComparing(e -> e)).toList();
        assertEquals(ranked.subList(0, 2), e1.competing(), "the CART drug's most reported other events");
        assertEquals(List.of("CART"), pairs.stream().map(MaskingCounts.Pair::drug).distinct().toList());

        SignalInput input = new SignalInput(spark.createDataFrame(reports.stream().map(r -> RowFactory.create(
                CollectionConverters.asScala(r.drugs()).toSeq(), CollectionConverters.asScala(r.events()).toSeq()))
                .toList(), new StructType().add("drug_keys", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("event_keys", DataTypes.createArrayType(DataTypes.IntegerType))),
                KeyNames.of(keyRows(DRUG_NAMES), DataTypes.StringType),
                KeyNames.of(keyRows(EVENT_NAMES), DataTypes.StringType));
        List<MaskingCounts.Counted> result = MaskingCounts.count(input, pairs);
        assertEquals(pairs.size(), result.size());
        // the driver's path: the pair table read with parquet-java, the reports counted in memory
        assertEquals(pairs, MaskingCounts.pairs(CuratedFaers.tableRows(new Configuration(),
                new org.apache.hadoop.fs.Path(table.toUri()), MaskingCounts.TABLE_COLUMNS), Set.of("CART"), settings));
        DriverInput held = new DriverInput(reports.stream().map(r -> new ReportKeys(null,
                r.drugs().stream().mapToInt(Integer::intValue).toArray(),
                r.events().stream().mapToInt(Integer::intValue).toArray())).toList(), null, null,
                KeyNames.of(keyRows(DRUG_NAMES), DataTypes.StringType),
                KeyNames.of(keyRows(EVENT_NAMES), DataTypes.StringType), false);
        assertEquals(result, MaskingCounts.onDriver(held, pairs), "the driver's tallies are Spark's");
        boolean overlap = false;
        for (MaskingCounts.Counted c : result) {
            MaskingCounts.Pair p = c.pair();
            List<String> maskers = p.maskers().stream().map(MaskingCounts.Masker::drug).toList();
            for (int m = 0; m < maskers.size(); m++) {
                String masker = maskers.get(m);
                MaskingRatio.Removal expected = removal(counted, r -> r.drug(masker), p.event());
                assertEquals(expected, c.byMasker().get(m), p.event() + " without " + masker);
                overlap |= expected.a() + expected.b() > 0;
            }
            assertEquals(removal(counted, r -> maskers.stream().anyMatch(r::drug), p.event()), c.allMaskers(),
                    p.event() + " without all maskers");
            assertEquals(removal(counted, r -> !r.event(p.event()) && p.competing().stream().anyMatch(r::event),
                    p.event()), c.competing(), p.event() + " without competing events");
            // each removal fits the table
            MaskingRatio.withDefaults().compute(p.table(), c.allMaskers());
            MaskingRatio.withDefaults().compute(p.table(), c.competing());
        }
        assertTrue(overlap, "some reports name the CART drug and a masker: the exact removal takes them from a, b");
    }

    /** Every drug–event pair's a, b, c, d, as the analysis writes them. */
    private static org.apache.spark.sql.Dataset<Row> pairTable(SparkSession spark, List<Report> counted) {
        List<Row> rows = new ArrayList<>();
        Set<String> drugs = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        for (String d : DRUG_NAMES) {
            if (d != null) {
                drugs.add(d);
            }
        }
        for (String e : EVENT_NAMES) {
            if (e != null) {
                events.add(e);
            }
        }
        for (String d : drugs) {
            for (String e : events) {
                TwoByTwo t = cells(counted, r -> r.drug(d), e);
                if (t.a() > 0) {
                    rows.add(RowFactory.create(d, e, t.a(), t.b(), t.c(), t.d()));
                }
            }
        }
        return spark.createDataFrame(rows, new StructType().add("drug", DataTypes.StringType)
                .add("event", DataTypes.StringType).add("a", DataTypes.LongType).add("b", DataTypes.LongType)
                .add("c", DataTypes.LongType).add("d", DataTypes.LongType));
    }

    /** The CART drug's cells for the event among the counted reports that {@code among} keeps. */
    private static long[] count(List<Report> counted, Predicate<Report> among, String event) {
        long[] n = new long[4];
        for (Report r : counted) {
            if (among.test(r)) {
                n[(r.drug("CART") ? 0 : 2) + (r.event(event) ? 0 : 1)]++;
            }
        }
        return n;
    }

    private static TwoByTwo cells(List<Report> counted, Predicate<Report> drug, String event) {
        long[] n = count(counted, r -> true, event);
        long[] withDrug = count(counted, drug, event);
        // the drug's row from its own reports, the rest of the event's and the others' reports below
        long a = withDrug[0] + withDrug[2];
        long b = withDrug[1] + withDrug[3];
        return new TwoByTwo(a, b, n[0] + n[2] - a, n[1] + n[3] - b);
    }

    private static MaskingRatio.Removal removal(List<Report> counted, Predicate<Report> among, String event) {
        long[] n = count(counted, among, event);
        return new MaskingRatio.Removal(n[0], n[1], n[2], n[3]);
    }

    private static List<Row> keyRows(String[] names) {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            rows.add(RowFactory.create(k, names[k]));
        }
        return rows;
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
