package org.iago.tte.registry;

/**
 * A breakdown of incidence rates. Attributes of the infection (pathogen class, severity, setting) split only the
 * numerator: each level is the rate of that kind of infection over all at-risk patient-days. Exposures (prophylaxis)
 * split patient-days and events alike, by what held on each day: each level is the rate while exposed, or while not.
 */
enum RateDimension {

    ALL("all"),
    PATHOGEN_CLASS("pathogen_class"),
    SEVERITY("severity"),
    SETTING("setting"),
    PROPHYLAXIS("prophylaxis"),
    ANTIBACTERIAL_PROPHYLAXIS("antibacterial_prophylaxis");

    static final String ALL_LEVEL = "all";
    static final String ON = "ON";
    static final String OFF = "OFF";

    private final String label;

    RateDimension(String label) {
        this.label = label;
    }

    /** The value of the {@code dimension} column. */
    String label() {
        return label;
    }

    /** Whether patient-days are split by this dimension; otherwise every level shares all patient-days. */
    boolean splitsPatientDays() {
        return this == PROPHYLAXIS || this == ANTIBACTERIAL_PROPHYLAXIS;
    }

    /** Whether the events of a cell are broken down by this dimension: toxicity episodes only in {@link #ALL}. */
    boolean appliesTo(EventCell cell) {
        return this == ALL || cell.infection() != null;
    }

    /** The level of events in a cell; call only when {@link #appliesTo} holds. */
    String levelOf(EventCell cell) {
        return switch (this) {
            case ALL -> ALL_LEVEL;
            case PATHOGEN_CLASS -> cell.infection().pathogenClass();
            case SEVERITY -> cell.infection().severity();
            case SETTING -> cell.infection().setting();
            case PROPHYLAXIS, ANTIBACTERIAL_PROPHYLAXIS -> levelOf(cell.exposure());
        };
    }

    /** The level of patient-days; call only when {@link #splitsPatientDays} holds. */
    String levelOf(Exposure exposure) {
        boolean on = this == PROPHYLAXIS ? exposure.anyProphylaxis() : exposure.antibacterialProphylaxis();
        return on ? ON : OFF;
    }
}
