package org.iago.tte.registry;

/**
 * What ends a patient's event-free follow-up in the cumulative incidence of one event: the event itself, or a
 * competing event that happened first. The codes are the causes of {@link org.iago.stats.tte.CumulativeIncidence}.
 */
enum CompetingCause {

    /** The event of interest (its first occurrence). */
    EVENT(1, "event"),
    /** Death without the event. */
    DEATH(2, "death"),
    /** Relapse or next therapy without the event; only with {@link RegistryTteOptions#competingRelapse()}. */
    RELAPSE(3, "relapse_or_next_therapy");

    private final int code;
    private final String label;

    CompetingCause(int code, String label) {
        this.code = code;
        this.label = label;
    }

    int code() {
        return code;
    }

    /** The value of the {@code cause} column. */
    String label() {
        return label;
    }
}
