package org.iago.disproportionality;

import static org.iago.disproportionality.PairCounts.REPORTS_KEY;
import static org.iago.disproportionality.PairCounts.drugOf;
import static org.iago.disproportionality.PairCounts.eventOf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The summed marginals, on the driver and broadcast: reports per drug, per event and in all, and per stratum.
 * Strata are numbered in Spark's string order, so a pair's strata come out sorted as array_sort sorts them.
 */
record Marginals(KeyNames drugs, KeyNames events, long[] drugReports, long[] eventReports, long reports,
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
}
