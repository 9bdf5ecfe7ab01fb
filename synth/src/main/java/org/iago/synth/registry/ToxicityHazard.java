package org.iago.synth.registry;

import static org.iago.synth.registry.Onset.days;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A toxicity the registry records as episodes, with its incidence per product, time to onset, grading system and
 * grade mix, and how often and how fast it resolves. Values follow the published picture
 * ({@code shared/reference/cart-toxicities.md}): CRS and ICANS in the first weeks, more and worse with CD28 products;
 * parkinsonism only after BCMA products, mostly in months 2–4; cranial nerve palsy after cilta-cel around week 3;
 * hypogammaglobulinaemia common, above all after BCMA products. ICAHT is not here: it is graded from the counts.
 *
 * @param category           the toxicities.csv category
 * @param incidence          share of patients with an episode, by product in {@link Product} order
 * @param onset              days from infusion to onset
 * @param system             grading system
 * @param legacySystem       pre-ASTCT system used for early infusions ({@link #legacyShare}), or null
 * @param gradeWeights       weights of grades 1–4 (4-1BB products)
 * @param cd28GradeWeights   weights of grades 1–4 after CD28 products
 * @param fatalShareOfGrade4 share of grade-4 episodes that kill: recorded as grade 5, death from this cause
 * @param resolvedShare      share of episodes resolving, after minDuration..maxDuration days
 * @param minDuration        shortest episode in days
 * @param maxDuration        longest episode in days
 */
record ToxicityHazard(String category, double[] incidence, Onset onset, String system, String legacySystem,
                      int[] gradeWeights, int[] cd28GradeWeights, double fatalShareOfGrade4, double resolvedShare,
                      int minDuration, int maxDuration) {

    //                                    KYMRIAH YESCARTA TECARTUS BREYANZI AUCATZYL ABECMA CARVYKTI
    static final ToxicityHazard CRS = new ToxicityHazard("CRS", new double[]{0.55, 0.88, 0.90, 0.45, 0.65, 0.75, 0.80},
            Onset.of(days(1, 1, 0.22), days(2, 2, 0.26), days(3, 3, 0.18), days(4, 7, 0.34)),
            "ASTCT", "LEE2014", new int[]{62, 31, 5, 2}, new int[]{45, 42, 10, 3}, 0.15, 1, 2, 10);
    static final ToxicityHazard ICANS = new ToxicityHazard("ICANS",
            new double[]{0.20, 0.50, 0.55, 0.25, 0.23, 0.15, 0.15},
            Onset.of(days(1, 3, 0.15), days(4, 6, 0.35), days(7, 9, 0.30), days(10, 14, 0.15), days(15, 28, 0.05)),
            "ASTCT", "CARTOX", new int[]{50, 30, 17, 3}, new int[]{35, 30, 28, 7}, 0.15, 1, 2, 14);
    static final List<ToxicityHazard> ALL = List.of(CRS, ICANS,
            new ToxicityHazard("IEC_HS", new double[]{0.008, 0.010, 0.015, 0.006, 0.010, 0.010, 0.015},
                    Onset.of(days(5, 10, 0.4), days(11, 20, 0.5), days(21, 30, 0.1)),
                    "CTCAE5", null, new int[]{0, 0, 50, 50}, null, 0.25, 1, 5, 21),
            new ToxicityHazard("CRANIAL_NERVE_PALSY", new double[]{0.003, 0.003, 0.003, 0.003, 0.003, 0.005, 0.07},
                    Onset.of(days(7, 14, 0.25), days(15, 28, 0.55), days(29, 60, 0.20)),
                    "CTCAE5", null, new int[]{30, 55, 15, 0}, null, 0, 0.85, 14, 120),
            new ToxicityHazard("GBS", new double[]{0.002, 0.001, 0.001, 0.001, 0.001, 0.001, 0.004},
                    Onset.uniform(10, 60), "CTCAE5", null, new int[]{0, 30, 50, 20}, null, 0, 0.5, 30, 180),
            new ToxicityHazard("PARKINSONISM", new double[]{0, 0, 0, 0, 0, 0.01, 0.05},
                    Onset.of(days(30, 59, 0.10), days(60, 120, 0.80), days(121, 200, 0.10)),
                    "CTCAE5", null, new int[]{15, 35, 40, 10}, null, 0, 0.35, 60, 365),
            new ToxicityHazard("HYPOGAMMAGLOBULINAEMIA", new double[]{0.45, 0.45, 0.45, 0.45, 0.45, 0.70, 0.70},
                    Onset.of(days(14, 60, 0.6), days(61, 180, 0.4)),
                    "CTCAE5", null, new int[]{30, 50, 20, 0}, null, 0, 0.2, 180, 720),
            new ToxicityHazard("ENTEROCOLITIS", new double[]{0.002, 0.002, 0.002, 0.002, 0.002, 0.002, 0.01},
                    Onset.uniform(30, 180), "CTCAE5", null, new int[]{0, 40, 50, 10}, null, 0, 0.9, 7, 60));

    ToxicityHazard {
        cd28GradeWeights = cd28GradeWeights == null ? gradeWeights : cd28GradeWeights;
    }

    /**
     * Share of CRS and ICANS episodes graded by the pre-ASTCT system (LEE2014, CARTOX) by year of infusion: ASTCT
     * grading was published in 2019 and took over during that year.
     */
    static double legacyShare(int infusionYear) {
        return infusionYear <= 2018 ? 0.7 : infusionYear == 2019 ? 0.3 : 0;
    }

    double incidence(Product product) {
        return incidence[product.ordinal()];
    }

    Map<String, Double> incidenceByProduct() {
        Map<String, Double> byProduct = new LinkedHashMap<>();
        for (Product p : Product.values()) {
            byProduct.put(p.name(), incidence[p.ordinal()]);
        }
        return byProduct;
    }

    /** A grade from 1 to 4. */
    int grade(Product product, SplittableRandom rng) {
        return 1 + Draw.weighted(product.cd28() ? cd28GradeWeights : gradeWeights, rng);
    }

    /** Whether the registry records the ASTCT raw parameters of this toxicity. */
    boolean astct() {
        return this == CRS || this == ICANS;
    }
}
