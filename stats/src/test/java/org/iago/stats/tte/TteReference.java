package org.iago.stats.tte;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iago.stats.ReferenceTables;

/**
 * The fixtures and the R output under {@code reference/tte/}: a synthetic registry cohort of 120 patients with
 * three products, hand-written edge cases, and what R 4.2.2 with survival 3.5.3 and cmprsk 2.2.11 computes from them
 * ({@code tte_reference.R}; see PROVENANCE.md there).
 */
final class TteReference {

    private static final String DIRECTORY = "/reference/tte/";

    /** The subsets that {@code tte_reference.R} analyses: the cohort, each product, each edge case. */
    static final List<String> COHORT_SUBSETS = List.of("all", "A", "B", "C");
    static final List<String> EDGE_CASES = List.of("ties", "single", "censored", "exhausted", "halved", "zero");

    /** Follow-up of one subset: time in days, status (0 censored, 1 toxicity, 2 death) and product per patient. */
    record Subjects(String name, double[] times, int[] causes, String[] products) {

        boolean[] anyEvent() {
            boolean[] events = new boolean[causes.length];
            for (int i = 0; i < causes.length; i++) {
                events[i] = causes[i] > 0;
            }
            return events;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One row of an R output table; "NA" reads as NaN and "Inf" as +∞, as R wrote them. */
    record Row(Map<String, String> cells) {

        String text(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column + " in " + cells.keySet());
            }
            return value;
        }

        double number(String column) {
            String value = text(column);
            return switch (value) {
                case "NA" -> Double.NaN;
                case "Inf" -> Double.POSITIVE_INFINITY;
                default -> Double.parseDouble(value);
            };
        }
    }

    private TteReference() {
    }

    /** All subsets by name: "all", the products "A", "B", "C" and the edge cases. */
    static Map<String, Subjects> subsets() {
        Map<String, Subjects> subsets = new LinkedHashMap<>();
        List<Row> cohort = table("registry_cohort.csv");
        subsets.put("all", subjects("all", cohort));
        for (String product : List.of("A", "B", "C")) {
            subsets.put(product, subjects(product,
                    cohort.stream().filter(r -> r.text("product").equals(product)).collect(Collectors.toList())));
        }
        List<Row> edge = table("edge_cases.csv");
        for (String name : EDGE_CASES) {
            subsets.put(name, subjects(name,
                    edge.stream().filter(r -> r.text("case").equals(name)).collect(Collectors.toList())));
        }
        return subsets;
    }

    static Subjects subset(String name) {
        return subsets().get(name);
    }

    /** Names of all subsets, as arguments of a {@code @MethodSource}. */
    static Stream<String> allSubsets() {
        return Stream.concat(COHORT_SUBSETS.stream(), EDGE_CASES.stream());
    }

    /** Rows of an R output table whose {@code subset} column is the given name. */
    static List<Row> rows(String resource, String subset) {
        return table(resource).stream().filter(r -> r.text("subset").equals(subset)).collect(Collectors.toList());
    }

    static List<Row> table(String resource) {
        return ReferenceTables.read(DIRECTORY + resource).stream().map(Row::new).toList();
    }

    private static Subjects subjects(String name, List<Row> rows) {
        double[] times = rows.stream().mapToDouble(r -> r.number("time")).toArray();
        int[] causes = rows.stream().mapToInt(r -> Integer.parseInt(r.text("status"))).toArray();
        String[] products = rows.stream()
                .map(r -> r.cells().getOrDefault("product", name)).toArray(String[]::new);
        return new Subjects(name, times, causes, products);
    }
}
