package org.iago.tte.registry;

/**
 * An incidence rate ratio the job reports ({@code rate_ratios}): the patient-days it compares, which of them form
 * the index arm (the rest are the reference arm), and which infections count. Days and infections are classified by
 * the same {@link Exposure} of each patient-day.
 */
public enum RateComparison {

    /**
     * Bacterial infections on vs off antibacterial prophylaxis, over all at-risk patient-days split by the
     * ANTIBACTERIAL_PROPHYLAXIS management periods.
     */
    ANTIBACTERIAL_PROPHYLAXIS("bacterial_infection_antibacterial_prophylaxis"),
    /**
     * Infections from the first IVIG start on vs before it or without IVIG, over the patient-days from the onset of
     * hypogammaglobulinaemia on. IVIG counts from its first start to the end of follow-up: IgG given lasts weeks
     * (half-life about 3–4 weeks), so the end of a recorded period does not end its effect.
     */
    IVIG_IN_HYPOGAMMAGLOBULINAEMIA("infection_ivig_hypogammaglobulinaemia");

    private static final String BACTERIAL = "BACTERIAL";

    private final String label;

    RateComparison(String label) {
        this.label = label;
    }

    /** The value of the {@code comparison} column. */
    public String label() {
        return label;
    }

    /** Whether a patient-day with this exposure is compared at all. */
    boolean compares(Exposure exposure) {
        return this == ANTIBACTERIAL_PROPHYLAXIS || exposure.hypogammaglobulinaemia();
    }

    /** Whether a compared patient-day is in the index arm. */
    boolean index(Exposure exposure) {
        return this == ANTIBACTERIAL_PROPHYLAXIS ? exposure.antibacterialProphylaxis() : exposure.ivig();
    }

    /** Whether an infection counts. */
    boolean counts(InfectionKind infection) {
        return this != ANTIBACTERIAL_PROPHYLAXIS || BACTERIAL.equals(infection.pathogenClass());
    }
}
