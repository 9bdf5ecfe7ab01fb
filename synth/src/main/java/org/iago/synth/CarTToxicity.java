package org.iago.synth;

import java.util.SplittableRandom;

/**
 * The usual toxicities of CAR-T reports, with the share of CAR-T reports that carry each and its time to onset after
 * infusion: an early window, and for some a late tail (e.g. infections mostly within 30 days, a quarter later).
 */
enum CarTToxicity {

    CYTOKINE_RELEASE_SYNDROME("Cytokine release syndrome", 0.60, 1, 10, 0.0, 10),
    ICANS("Immune effector cell-associated neurotoxicity syndrome", 0.28, 2, 14, 0.05, 30),
    NEUTROPENIA("Neutropenia", 0.22, 0, 30, 0.20, 90),
    FEBRILE_NEUTROPENIA("Febrile neutropenia", 0.10, 0, 14, 0.0, 14),
    PNEUMONIA("Pneumonia", 0.14, 0, 30, 0.25, 180),
    CMV_REACTIVATION("Cytomegalovirus infection reactivation", 0.08, 0, 30, 0.30, 100),
    HYPOGAMMAGLOBULINAEMIA("Hypogammaglobulinaemia", 0.08, 14, 30, 0.70, 365),
    PYREXIA("Pyrexia", 0.12, 0, 7, 0.0, 7);

    private final String pt;
    private final double rate;
    private final int earlyMinDays;
    private final int earlyMaxDays;
    private final double lateShare;
    private final int lateMaxDays;

    CarTToxicity(String pt, double rate, int earlyMinDays, int earlyMaxDays, double lateShare, int lateMaxDays) {
        this.pt = pt;
        this.rate = rate;
        this.earlyMinDays = earlyMinDays;
        this.earlyMaxDays = earlyMaxDays;
        this.lateShare = lateShare;
        this.lateMaxDays = lateMaxDays;
    }

    String pt() {
        return pt;
    }

    double rate() {
        return rate;
    }

    /** Days from infusion to onset. */
    int onsetDays(SplittableRandom rng) {
        if (rng.nextDouble() < lateShare) {
            return rng.nextInt(earlyMaxDays + 1, lateMaxDays + 1);
        }
        return rng.nextInt(earlyMinDays, earlyMaxDays + 1);
    }
}
