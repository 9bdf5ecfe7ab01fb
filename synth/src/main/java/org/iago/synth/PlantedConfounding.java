package org.iago.synth;

import java.util.Set;

/**
 * Confounding by indication planted into the extract, for tests of the indication-matched comparator (Fusaroli et al.,
 * Drug Saf 2022): a new background case whose primary suspect drug is reported for an onco-haematological disease
 * ({@link #INDICATIONS}, the INDI PTs the vocabulary gives such drugs) reports {@link #PT} with probability
 * {@link #RATE}, as the disease itself brings it. CAR-T cases get the PT from their own toxicity model
 * ({@link CarTToxicity#HYPOGAMMAGLOBULINAEMIA}), so a CAR-T drug's ROR for it is lower against drugs of the same
 * indications than against all drugs. The draw comes from its own stream ({@link Seeds#confounding}), so every other
 * planted count stays as it was.
 */
final class PlantedConfounding {

    static final String ID = "onco-haematological-hypogammaglobulinaemia";
    static final String PT = CarTToxicity.HYPOGAMMAGLOBULINAEMIA.pt();
    /** The share of background cases with an onco-haematological primary suspect that carry {@link #PT}. */
    static final double RATE = 0.15;
    static final Set<String> INDICATIONS = Set.of("Plasma cell myeloma", "Chronic lymphocytic leukaemia",
            "Diffuse large B-cell lymphoma");

    private PlantedConfounding() {
    }

    /** Whether a new background case whose primary suspect is reported for {@code indication} carries the PT. */
    static boolean planted(String indication, long seed, int caseid) {
        return indication != null && INDICATIONS.contains(indication)
                && Seeds.confounding(seed, caseid).nextDouble() < RATE;
    }
}
