package org.iago.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run says of a signal: the counts and, per method, the lower bound its rule reads (PRR and ROR lower 95%
 * limits, IC025, EB05, and for the LRT the log-likelihood ratio itself) with whether the rule flags the pair.
 *
 * @param run      the run (nightly run id) the numbers come from; null when unknown (an imported decision)
 * @param reports  the reports of the pair ({@code a}); null when unknown
 * @param expected the expected count; NaN when unknown
 * @param methods  by method name ({@link #METHODS}); a method absent from the run is absent here
 */
public record Evidence(Long run, Long reports, double expected, Map<String, Bound> methods) {

    /** The methods of iago's signal rules, in the order of the log's columns. */
    public static final List<String> METHODS = List.of("prr", "ror", "ic", "ebgm", "llr");

    /** @param lower NaN when the run has none (a method that could not be fitted) */
    public record Bound(double lower, boolean flagged) {
    }

    public static final Evidence NONE = new Evidence(null, null, Double.NaN, Map.of());

    public Evidence {
        for (String m : methods.keySet()) {
            if (!METHODS.contains(m)) {
                throw new IllegalArgumentException("unknown method " + m + ": one of " + METHODS);
            }
        }
        // in METHODS order, so that two equal evidences print alike
        Map<String, Bound> ordered = new LinkedHashMap<>();
        for (String m : METHODS) {
            if (methods.containsKey(m)) {
                ordered.put(m, methods.get(m));
            }
        }
        methods = Collections.unmodifiableMap(ordered);
    }

    /** The lower bound of a method; NaN when the run has none. */
    public double lower(String method) {
        Bound b = methods.get(method);
        return b == null ? Double.NaN : b.lower();
    }

    /** Whether any method flags the pair. */
    public boolean flagged() {
        return methods.values().stream().anyMatch(Bound::flagged);
    }
}
