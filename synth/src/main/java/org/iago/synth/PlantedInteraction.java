package org.iago.synth;

/**
 * The drug–drug interaction planted into the extract, for tests of Ω (Norén et al. 2008): a new CD19 CAR-T case that
 * names dexamethasone among its concomitants reports "Blood glucose increased" with probability {@link #RATE}, on top
 * of the PT's ordinary background (it is a head term of {@link EventVocabulary}, so every exposure group has it). A
 * CD19 case without dexamethasone, a BCMA case and a non-CAR-T case get the PT only from the background, so CD19 ×
 * dexamethasone interacts and, for example, CD19 × tocilizumab or BCMA × dexamethasone do not. The draw comes from
 * its own stream ({@link Seeds#interaction}), so every other planted count stays as it was.
 */
final class PlantedInteraction {

    static final String ID = "cd19-dexamethasone-blood-glucose-increased";
    static final String TARGET = "CD19";
    static final String CONCOMITANT = "DEXAMETHASONE";
    static final String PT = "Blood glucose increased";
    /** The share of CD19 cases with dexamethasone that carry {@link #PT} through the interaction. */
    static final double RATE = 0.5;

    private PlantedInteraction() {
    }

    /** Whether a new CAR-T case of {@code product}, with or without dexamethasone, carries the planted PT. */
    static boolean planted(CarTProduct product, boolean withConcomitant, long seed, int caseid) {
        return product.target().equals(TARGET) && withConcomitant
                && Seeds.interaction(seed, caseid).nextDouble() < RATE;
    }
}
