package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One partition's pass of {@link PairCounts}, without Spark: its partial counts, summed, against counts made report by
 * report. With a flush every few keys, reports straddle the emitted batches; reports without a row of their own (not
 * listed), without drugs or without events, and names repeated within a report are all among the input.
 */
class ReportCounterTest {

    private static final List<String> STRATA = Arrays.asList("F|<18", "M|18-64", null);

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 50, 1 << 20})
    void partialCountsSumToTheReportByReportCounts(int flushKeys) {
        Random random = new Random(20261122);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new TreeMap<>();
        for (long id = 1; id <= 300; id++) {
            List<Row> report = new ArrayList<>();
            String stratum = STRATA.get(random.nextInt(STRATA.size()));
            boolean listed = id % 7 != 0;
            if (listed) {
                report.add(RowFactory.create(id, stratum, null, null));
            }
            TreeSet<Integer> drugs = new TreeSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                int drug = random.nextInt(6);
                drugs.add(drug);
                report.add(RowFactory.create(id, null, drug, null));
            }
            TreeSet<Integer> events = new TreeSet<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                int event = random.nextInt(7);
                events.add(event);
                report.add(RowFactory.create(id, null, null, event));
            }
            // a report's rows arrive together, in any order
            Collections.shuffle(report, random);
            rows.addAll(report);
            if (!listed || drugs.isEmpty() || events.isEmpty()) {
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

        Map<String, Long> summed = new TreeMap<>();
        PairCounts.ReportCounter counter = new PairCounts.ReportCounter(rows.iterator(), flushKeys);
        while (counter.hasNext()) {
            Row partial = counter.next();
            summed.merge(key(partial.getLong(0), partial.getString(1)), partial.getLong(2), Long::sum);
        }
        assertEquals(expected, summed);
    }

    private static String key(long key, String stratum) {
        return key + " " + stratum;
    }
}
