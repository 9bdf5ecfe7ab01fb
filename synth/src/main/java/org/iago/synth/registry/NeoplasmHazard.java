package org.iago.synth.registry;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A subsequent neoplasm: rare and late (Elsallab 2024, Storgard 2024: myeloid neoplasms most common, T-cell
 * lymphomas very rare, some carrying the CAR transgene). The transgene is mostly untested (U); it is found only in
 * some T-cell lymphomas.
 *
 * @param type                the neoplasms.csv type
 * @param incidence           share of patients
 * @param onset               days from infusion to diagnosis
 * @param transgeneWeightsYNU weights of car_transgene_detected Y, N and U
 * @param canBeFatal          whether it kills {@link OutcomeModel#SPM_DEATH_SHARE} of its patients
 */
record NeoplasmHazard(String type, double incidence, Onset onset, int[] transgeneWeightsYNU, boolean canBeFatal) {

    static final List<NeoplasmHazard> ALL = List.of(
            new NeoplasmHazard("T_CELL_LYMPHOMA", 0.002, Onset.uniform(180, 1080), new int[]{40, 20, 40}, true),
            new NeoplasmHazard("MDS", 0.015, Onset.uniform(180, 1460), new int[]{0, 20, 80}, true),
            new NeoplasmHazard("AML", 0.008, Onset.uniform(270, 1460), new int[]{0, 20, 80}, true),
            new NeoplasmHazard("SKIN", 0.03, Onset.uniform(90, 1800), new int[]{0, 10, 90}, false),
            new NeoplasmHazard("SOLID", 0.02, Onset.uniform(180, 1800), new int[]{0, 10, 90}, true),
            new NeoplasmHazard("OTHER", 0.003, Onset.uniform(180, 1800), new int[]{0, 10, 90}, false));

    private static final String[] TRANSGENE = {"Y", "N", "U"};

    String transgene(SplittableRandom rng) {
        return TRANSGENE[Draw.weighted(transgeneWeightsYNU, rng)];
    }
}
