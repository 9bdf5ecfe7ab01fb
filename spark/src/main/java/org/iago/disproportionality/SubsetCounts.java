package org.iago.disproportionality;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.iago.stats.TwoByTwo;

/**
 * Report counts in every subset of {@link Comparators#counted} (arrays indexed as that list): of all counted reports,
 * of each event's, of each CAR-T drug's and of each drug–event pair's. Counting only ({@link ComparatorCounts}); the
 * cells of a subset follow from them ({@link #table}).
 *
 * @param subsets the subsets, as {@link Comparators#counted}
 * @param reports the counted reports in each subset
 * @param events  each event's reports in each subset
 * @param drugs   each CAR-T drug's reports in each subset
 * @param pairs   each CAR-T drug's events (reported at least once with it in the whole database) and their reports in
 *                each subset, by drug then event
 */
public record SubsetCounts(List<Comparators.Subset> subsets, long[] reports, Map<String, long[]> events,
        Map<String, long[]> drugs, SortedMap<String, SortedMap<String, long[]>> pairs) {

    /**
     * The 2×2 table of a drug and event in a subset. The drug's own reports (a, b) are those of the comparator
     * {@code all} in the same subgroup; the reports without the drug (c, d) are those of the subset:
     * <pre>
     *   a = n(drug, event | all ∩ g)          b = n(drug | all ∩ g) − a
     *   c = n(event | k ∩ g) − n(drug, event | k ∩ g)
     *   d = n(k ∩ g) − n(drug | k ∩ g) − c
     * </pre>
     * for comparator k and subgroup g. With k = all these are the subgroup's own cells, and with k = all, g = the
     * whole database, the cells of {@code disproportionality.csv} (with {@code --background all}).
     *
     * @param subset an index into {@link #subsets}
     * @return the table; empty when the subset holds no report (a subgroup level nobody was reported in)
     */
    public Optional<TwoByTwo> table(String drug, String event, int subset) {
        Comparators.Subset s = subsets.get(subset);
        int own = subsets.indexOf(new Comparators.Subset(Comparators.Comparator.ALL, s.subgroup()));
        long[] pair = pairs.get(drug).get(event);
        long a = pair[own];
        long b = drugs.get(drug)[own] - a;
        long c = events.get(event)[subset] - pair[subset];
        long d = reports[subset] - drugs.get(drug)[subset] - c;
        return a + b + c + d == 0 ? Optional.empty() : Optional.of(new TwoByTwo(a, b, c, d));
    }
}
