package org.iago.tte.registry;

/**
 * What held on one patient-day, from the management periods and toxicities; events on that day are classified by
 * the same values, so that numerator and denominator of every rate split alike.
 *
 * @param antibacterialProphylaxis inside an antibacterial prophylaxis period
 * @param antiviralProphylaxis inside an antiviral prophylaxis period
 * @param antifungalProphylaxis inside an antifungal prophylaxis period
 * @param hypogammaglobulinaemia on or after the onset of the first hypogammaglobulinaemia episode
 * @param ivig on or after the start of the first IVIG period
 */
record Exposure(boolean antibacterialProphylaxis, boolean antiviralProphylaxis, boolean antifungalProphylaxis,
        boolean hypogammaglobulinaemia, boolean ivig) {

    /** Inside a prophylaxis period of any kind. */
    boolean anyProphylaxis() {
        return antibacterialProphylaxis || antiviralProphylaxis || antifungalProphylaxis;
    }

    /** Whether prophylaxis against the pathogen class held; null for a class no prophylaxis targets (OTHER). */
    Boolean prophylaxisAgainst(String pathogenClass) {
        return switch (pathogenClass) {
            case "BACTERIAL" -> antibacterialProphylaxis;
            case "VIRAL" -> antiviralProphylaxis;
            case "FUNGAL" -> antifungalProphylaxis;
            default -> null;
        };
    }
}
