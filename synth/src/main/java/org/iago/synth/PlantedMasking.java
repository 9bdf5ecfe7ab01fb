package org.iago.synth;

/**
 * The masked signal planted into the extract, for tests of the masking ratio (Maignen et al. 2014): "Progressive
 * multifocal leukoencephalopathy" is reported on {@link #MASKER_RATE} of the background reports whose primary
 * suspect is the masker (HUMIRA, adalimumab: the most reported background drug), on {@link #BACKGROUND_RATE} of the
 * other background reports and on {@link #CART_RATE} of the CD19 CAR-T cases. The masker's reports make the PT about
 * as common in the background as under CD19, so CD19's excess hides; without them the PT is rare and CD19 signals.
 * The PT is in no background vocabulary, so these are all its reports. Each draw comes from the case's own stream
 * ({@link Seeds#masking}), and the PT is added without drawing from the case's content stream, so every other field
 * of every report, and every other planted count, stays as it was.
 */
final class PlantedMasking {

    static final String ID = "cd19-pml-masked-by-adalimumab";
    static final String TARGET = "CD19";
    static final String PT = "Progressive multifocal leukoencephalopathy";
    /** The masker as reported (its drugname) and as curate names it (its ingredient). */
    static final String MASKER = "HUMIRA";
    static final String MASKER_INGREDIENT = "ADALIMUMAB";
    static final double MASKER_RATE = 0.35;
    static final double BACKGROUND_RATE = 0.001;
    static final double CART_RATE = 0.08;

    private PlantedMasking() {
    }

    /** Whether a background case, with the masker as primary suspect or not, carries the planted PT. */
    static boolean background(boolean maskerSuspect, long seed, int caseid) {
        return Seeds.masking(seed, caseid).nextDouble() < (maskerSuspect ? MASKER_RATE : BACKGROUND_RATE);
    }

    /** Whether a CAR-T case of {@code product} carries the planted PT. */
    static boolean cart(CarTProduct product, long seed, int caseid) {
        return product.target().equals(TARGET) && Seeds.masking(seed, caseid).nextDouble() < CART_RATE;
    }
}
