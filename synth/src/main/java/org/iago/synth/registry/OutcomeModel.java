package org.iago.synth.registry;

import static org.iago.synth.registry.Onset.days;

import java.util.SplittableRandom;

/**
 * Relapse, next therapy, death as a competing event, subsequent neoplasms and loss to follow-up. Every event gets a
 * latent day; death is the earliest latent death, and only what happens by the end of follow-up is recorded. Early
 * non-relapse deaths (infection, and CRS, ICANS or IEC-HS through {@link ToxicityHazard}) are rare, relapse deaths
 * come later (DESCAR-T: NRM 5%, most of it infections).
 */
final class OutcomeModel {

    static final double LOST_SHARE = 0.04;
    static final int LOST_FROM_DAY = 60;
    static final int LOST_TO_DAY = 400;
    /** Relapse within the first year, by product in {@link Product} order (cilta-cel best, ide-cel worst). */
    static final double[] RELAPSE_FIRST_YEAR = {0.45, 0.38, 0.35, 0.40, 0.42, 0.50, 0.25};
    static final Onset RELAPSE_FIRST_YEAR_ONSET = Onset.of(days(30, 90, 0.35), days(91, 180, 0.35),
            days(181, 365, 0.30));
    /** Yearly relapse hazard after the first year: lymphoma and ALL mostly cured, myeloma keeps relapsing. */
    static final double LATE_RELAPSE_PER_YEAR_CD19 = 0.05;
    static final double LATE_RELAPSE_PER_YEAR_BCMA = 0.20;
    static final double NEXT_THERAPY_SHARE = 0.85;
    static final int NEXT_THERAPY_MIN_DELAY = 7;
    static final int NEXT_THERAPY_MAX_DELAY = 60;
    static final int RELAPSE_DEATH_MEDIAN_DAYS_CD19 = 300;
    static final int RELAPSE_DEATH_MEDIAN_DAYS_BCMA = 540;
    static final double EARLY_INFECTION_DEATH_CD19 = 0.010;
    static final double EARLY_INFECTION_DEATH_BCMA = 0.015;
    static final int EARLY_INFECTION_DEATH_FROM = 10;
    static final int EARLY_INFECTION_DEATH_TO = 100;
    /** Yearly hazards of late non-relapse deaths from day 100. */
    static final double LATE_INFECTION_DEATH_PER_YEAR = 0.012;
    static final double CARDIOVASCULAR_DEATH_PER_YEAR = 0.006;
    static final double OTHER_DEATH_PER_YEAR = 0.006;
    static final int LATE_DEATH_FROM = 100;
    /** Share of myeloid and T-cell neoplasms that kill, 60–540 days after diagnosis. */
    static final double SPM_DEATH_SHARE = 0.35;
    /** Days from the onset of a fatal CRS, ICANS or IEC-HS episode to death. */
    static final int[] TOXICITY_DEATH_DAYS = {2, 21};
    /** A patient who died was last seen 0–3 days before death. */
    static final int LAST_FOLLOW_UP_MAX_DAYS_BEFORE_DEATH = 3;
    /** Days from the fatal infection's onset to death: 0–7. */
    static final int FATAL_INFECTION_MAX_DAYS = 7;

    private OutcomeModel() {
    }

    /** Latent relapse day (may lie beyond follow-up). */
    static double relapseDay(Product product, SplittableRandom rng) {
        if (Draw.chance(RELAPSE_FIRST_YEAR[product.ordinal()], rng)) {
            return RELAPSE_FIRST_YEAR_ONSET.draw(rng);
        }
        return 366 + Draw.exponentialDays(product.bcma() ? LATE_RELAPSE_PER_YEAR_BCMA : LATE_RELAPSE_PER_YEAR_CD19,
                rng);
    }

    /** Latent day of death after relapse. */
    static double relapseDeathDay(Product product, double relapseDay, SplittableRandom rng) {
        int median = product.bcma() ? RELAPSE_DEATH_MEDIAN_DAYS_BCMA : RELAPSE_DEATH_MEDIAN_DAYS_CD19;
        return relapseDay + Draw.exponentialDays(StrictMath.log(2) * 365.25 / median, rng);
    }

    static double earlyInfectionDeathDay(Product product, SplittableRandom rng) {
        double p = product.bcma() ? EARLY_INFECTION_DEATH_BCMA : EARLY_INFECTION_DEATH_CD19;
        return Draw.chance(p, rng) ? Draw.between(EARLY_INFECTION_DEATH_FROM, EARLY_INFECTION_DEATH_TO, rng)
                : Double.POSITIVE_INFINITY;
    }

    static double lateDeathDay(double perYear, SplittableRandom rng) {
        return LATE_DEATH_FROM + Draw.exponentialDays(perYear, rng);
    }
}
