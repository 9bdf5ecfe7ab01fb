package org.iago.tte.registry;

import java.util.Comparator;
import java.util.List;

/**
 * The patients one estimate is about: everyone ({@code all/all}), one CAR target ({@code target/BCMA}) or one product
 * ({@code product/Carvykti}). Every patient belongs to one group of each kind.
 *
 * @param groupBy {@code all}, {@code target} or {@code product}
 * @param group the target or product, or {@code all}
 */
record AnalysisGroup(String groupBy, String group) implements Comparable<AnalysisGroup> {

    static final String ALL = "all";
    static final String TARGET = "target";
    static final String PRODUCT = "product";

    private static final Comparator<AnalysisGroup> ORDER = Comparator.comparing(AnalysisGroup::groupBy)
            .thenComparing(AnalysisGroup::group);

    /** The three groups of a patient. */
    static List<AnalysisGroup> of(String target, String product) {
        return List.of(new AnalysisGroup(ALL, ALL), new AnalysisGroup(TARGET, target),
                new AnalysisGroup(PRODUCT, product));
    }

    @Override
    public int compareTo(AnalysisGroup other) {
        return ORDER.compare(this, other);
    }
}
