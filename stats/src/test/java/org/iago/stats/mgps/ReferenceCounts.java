package org.iago.stats.mgps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Data preparation for MGPS, as openEBGM's {@code processRaw}: actual and expected counts of drug–event pairs from a
 * case-level table. With n<sub>1.</sub>(s) the reports in stratum s that mention the drug, n<sub>.1</sub>(s) those
 * that mention the event and N(s) all reports in s,
 *
 * <pre>
 *   N = number of distinct reports that mention both drug and event
 *   E = Σ_s n1.(s) · n.1(s) / N(s)          (stratified, DuMouchel 1999; one stratum gives n1.·n.1/N)
 * </pre>
 *
 * <p>Every count is of distinct reports, never of lines: a report that lists a drug twice, or a drug with three
 * events, adds 1 to n<sub>1.</sub>. This is openEBGM's adjustment "to prevent double-counting" (unique marginal ID
 * counts instead of contingency table totals). Computed as openEBGM does, E = (n<sub>1.</sub>/N)·n<sub>.1</sub>.
 *
 * <p>Pairs are returned sorted by drug, then event (Java string order; R's order depends on the locale).
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W (1999). Bayesian data mining in large frequency tables, with an application to the FDA
 *       spontaneous reporting system. <i>The American Statistician</i> 53(3):177–190.
 *       doi:10.1080/00031305.1999.10474456</li>
 *   <li>Canida T, Ihrie J (2017). openEBGM: an R implementation of the Gamma-Poisson Shrinker data mining model.
 *       <i>The R Journal</i> 9(2):499–519. doi:10.32614/RJ-2017-063 (function {@code processRaw},
 *       R/f_transformInput.R of openEBGM 0.9.1)</li>
 * </ol>
 */
public final class ReferenceCounts {

    private ReferenceCounts() {
    }

    /**
     * Counts the pairs that occur in at least one report (N ≥ 1), as {@code processRaw(data)}.
     *
     * @param lines the case-level table
     * @return one count per pair that occurs
     */
    public static List<DrugEventCount> count(Iterable<CaseLine> lines) {
        return count(lines, false);
    }

    /**
     * Counts every drug × event combination, including those never reported together (N = 0), as
     * {@code processRaw(data, zeroes = TRUE)}. Only sensible for small tables.
     *
     * @param lines the case-level table
     * @return one count per drug × event combination
     */
    public static List<DrugEventCount> countIncludingZeroCells(Iterable<CaseLine> lines) {
        return count(lines, true);
    }

    private static List<DrugEventCount> count(Iterable<CaseLine> lines, boolean zeroCells) {
        Map<Pair, Set<String>> reportsByPair = new HashMap<>();
        Map<Pair, Set<String>> reportsByDrugInStratum = new HashMap<>();
        Map<Pair, Set<String>> reportsByEventInStratum = new HashMap<>();
        Map<String, Set<String>> reportsByStratum = new HashMap<>();
        Set<String> drugs = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        for (CaseLine line : lines) {
            reportsByPair.computeIfAbsent(new Pair(line.drug(), line.event()), k -> new HashSet<>()).add(line.caseId());
            reportsByDrugInStratum.computeIfAbsent(new Pair(line.drug(), line.stratum()), k -> new HashSet<>())
                    .add(line.caseId());
            reportsByEventInStratum.computeIfAbsent(new Pair(line.event(), line.stratum()), k -> new HashSet<>())
                    .add(line.caseId());
            reportsByStratum.computeIfAbsent(line.stratum(), k -> new HashSet<>()).add(line.caseId());
            drugs.add(line.drug());
            events.add(line.event());
        }

        List<Pair> pairs = new ArrayList<>();
        if (zeroCells) {
            for (String drug : drugs) {
                for (String event : events) {
                    pairs.add(new Pair(drug, event));
                }
            }
        } else {
            pairs.addAll(reportsByPair.keySet());
            pairs.sort(Comparator.comparing(Pair::first).thenComparing(Pair::second));
        }

        List<DrugEventCount> counts = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            double expected = 0;
            for (Map.Entry<String, Set<String>> stratum : reportsByStratum.entrySet()) {
                int drugReports = sizeOf(reportsByDrugInStratum.get(new Pair(pair.first(), stratum.getKey())));
                int eventReports = sizeOf(reportsByEventInStratum.get(new Pair(pair.second(), stratum.getKey())));
                expected += ((double) drugReports / stratum.getValue().size()) * eventReports; // E = Σ n1.·n.1/N
            }
            counts.add(new DrugEventCount(pair.first(), pair.second(), sizeOf(reportsByPair.get(pair)), expected));
        }
        return List.copyOf(counts);
    }

    private static int sizeOf(Set<String> reports) {
        return reports == null ? 0 : reports.size();
    }

    /** A drug–event pair, or a drug or event within a stratum. */
    private record Pair(String first, String second) {
    }
}
