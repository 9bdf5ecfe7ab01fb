package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One partition's pass of {@link PairCounts}, without Spark: its partial counts, summed here and by
 * {@link PairCounts#sums}, against counts made report by report. With a flush every few keys, the reports' counts
 * straddle the emitted batches. Among the input: keys listed twice, two keys with one name, a key with two names and a
 * key with none, reports without drugs or events, and null arrays of either kind.
 */
class ReportCounterTest {

    private static final List<String> STRATA = Arrays.asList("F|<18", "M|18-64", null);

    /** drug_key → name: keys 1 and 5 share a name, key 0 has none (as no curated key is 0). */
    private static final KeyNames DRUGS = KeyNames.of(List.of(row(0, null), row(1, "b"), row(2, "a"), row(3, "c"),
            row(4, "d"), row(5, "b")), DataTypes.StringType);
    /** event_key → names: key 1 is in two groups, key 3 in none, key 4 shares group y with key 1. */
    private static final KeyNames EVENTS = KeyNames.of(List.of(row(0, "w"), row(1, "x"), row(1, "y"), row(2, "z"),
            row(3, null), row(4, "y")), DataTypes.StringType);

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 50, 1 << 20})
    void partialCountsSumToTheReportByReportCounts(int flushKeys) {
        Random random = new Random(20261122);
        List<ReportKeys> reports = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        for (long id = 1; id <= 300; id++) {
            String stratum = STRATA.get(random.nextInt(STRATA.size()));
            List<Integer> drugKeys = randomKeys(random, 4, 6);
            List<Integer> eventKeys = randomKeys(random, 5, 5);
            boolean noDrugArray = id % 37 == 0;
            boolean noEventArray = id % 31 == 0;
            reports.add(new ReportKeys(stratum, noDrugArray ? null : ints(drugKeys),
                    noEventArray ? null : ints(eventKeys)));
            TreeSet<Integer> drugs = noDrugArray ? new TreeSet<>() : numbers(DRUGS, drugKeys);
            TreeSet<Integer> events = noEventArray ? new TreeSet<>() : numbers(EVENTS, eventKeys);
            if (drugs.isEmpty() || events.isEmpty()) {
                continue;
            }
            expected.merge(key(PairCounts.REPORTS_KEY, stratum), 1L, Long::sum);
            for (int drug : drugs) {
                expected.merge(key(PairCounts.drugKey(drug), stratum), 1L, Long::sum);
                for (int event : events) {
                    expected.merge(key(PairCounts.pairKey(drug, event), null), 1L, Long::sum);
                }
            }
            for (int event : events) {
                expected.merge(key(PairCounts.eventKey(event), stratum), 1L, Long::sum);
            }
        }

        List<Row> partial = new ArrayList<>();
        new PairCounts.ReportCounter(reports.iterator(), DRUGS, EVENTS, flushKeys).forEachRemaining(partial::add);
        Map<String, Long> summedHere = new TreeMap<>();
        partial.forEach(r -> summedHere.merge(key(r.getLong(0), r.getString(1)), r.getLong(2), Long::sum));
        assertEquals(expected, summedHere);
        if (flushKeys < 50) {
            assertTrue(partial.size() > expected.size(), "a flush every few keys emits some keys more than once");
        }

        // PairCounts.sums, on all partial counts as one partition: each (key, stratum) once, with its sum
        Map<String, Long> summed = new TreeMap<>();
        PairCounts.sums(partial.iterator()).forEachRemaining(r -> assertNull(summed.put(key(r.getLong(0),
                r.getString(1)), r.getLong(2)), () -> "summed twice: " + r));
        assertEquals(expected, summed);
    }

    /** Enough keys to grow the tables many times, each key's count split over rows in shuffled order. */
    @Test
    void sumsManyKeysSplitOverRows() {
        Random random = new Random(7);
        Map<String, Long> expected = new TreeMap<>();
        List<Row> partial = new ArrayList<>();
        for (int drug = 0; drug < 60; drug++) {
            for (int event = 0; event < 100; event++) {
                long key = PairCounts.pairKey(drug, event);
                String stratum = event % 3 == 0 ? null : STRATA.get(event % 2);
                for (int row = random.nextInt(3); row >= 0; row--) {
                    long c = 1 + random.nextInt(1000);
                    partial.add(RowFactory.create(key, stratum, c));
                    expected.merge(key(key, stratum), c, Long::sum);
                }
            }
        }
        Collections.shuffle(partial, random);
        Map<String, Long> summed = new TreeMap<>();
        PairCounts.sums(partial.iterator()).forEachRemaining(r -> assertNull(summed.put(key(r.getLong(0),
                r.getString(1)), r.getLong(2)), () -> "summed twice: " + r));
        assertEquals(expected, summed);
    }

    @Test
    void refusesAKeyItsNamesDoNotHave() {
        ReportKeys report = new ReportKeys(null, new int[] {1, 6}, new int[] {2});
        PairCounts.ReportCounter counter = new PairCounts.ReportCounter(List.of(report).iterator(), DRUGS, EVENTS,
                1 << 20);
        IllegalStateException refused = assertThrows(IllegalStateException.class, counter::hasNext);
        assertTrue(refused.getMessage().contains("a report has drug_key 6, which the lake's drugs table does not have"),
                refused::getMessage);
    }

    /** Up to {@code most} keys below {@code bound}, repeats allowed. */
    private static List<Integer> randomKeys(Random random, int most, int bound) {
        List<Integer> keys = new ArrayList<>();
        for (int i = random.nextInt(most); i > 0; i--) {
            keys.add(random.nextInt(bound));
        }
        return keys;
    }

    /** The distinct numbers of the names of {@code keys}, found by name. */
    private static TreeSet<Integer> numbers(KeyNames names, List<Integer> keys) {
        Map<Integer, List<String>> byKey = names == DRUGS
                ? Map.of(0, List.of(), 1, List.of("b"), 2, List.of("a"), 3, List.of("c"), 4, List.of("d"), 5,
                        List.of("b"))
                : Map.of(0, List.of("w"), 1, List.of("x", "y"), 2, List.of("z"), 3, List.of(), 4, List.of("y"));
        TreeSet<Integer> numbers = new TreeSet<>();
        for (int key : keys) {
            byKey.get(key).forEach(name -> numbers.add(numberOf(names, name)));
        }
        return numbers;
    }

    private static int numberOf(KeyNames names, String name) {
        return IntStream.range(0, names.size()).filter(i -> names.name(i).equals(name)).findFirst().orElseThrow();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Row row(int key, String name) {
        return RowFactory.create(key, name);
    }

    private static String key(long key, String stratum) {
        return key + " " + stratum;
    }
}
