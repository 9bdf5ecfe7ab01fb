package org.iago.tte.registry;

import java.util.List;

/**
 * Choices of {@link RegistryTteJob}.
 *
 * @param competingRelapse relapse or next therapy, whichever comes first, competes with every event in the
 *        cumulative incidences (besides death)
 * @param censorAtRelapse at-risk time of the incidence rates and rate ratios ends on the day of relapse or next
 *        therapy (that day still at risk)
 * @param comparisons the rate ratios to report
 */
public record RegistryTteOptions(boolean competingRelapse, boolean censorAtRelapse,
        List<RateComparison> comparisons) {

    public RegistryTteOptions {
        comparisons = List.copyOf(comparisons);
    }

    /** Death alone competes, at-risk time runs to the end of follow-up, every comparison. */
    public static RegistryTteOptions defaults() {
        return new RegistryTteOptions(false, false, List.of(RateComparison.values()));
    }

    public RegistryTteOptions withCompetingRelapse(boolean competing) {
        return new RegistryTteOptions(competing, censorAtRelapse, comparisons);
    }

    public RegistryTteOptions withCensorAtRelapse(boolean censor) {
        return new RegistryTteOptions(competingRelapse, censor, comparisons);
    }
}
