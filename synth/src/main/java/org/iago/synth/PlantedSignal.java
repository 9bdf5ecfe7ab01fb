package org.iago.synth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The product × PT pairs planted into the extract, for tests of disproportionality, time to onset and new-signal
 * detection. {@code rate} is the share of the products' new reports that carry the PT (from the signal's first
 * quarter on); {@code backgroundRate} the share of non-CAR-T reports that carry it, so that the comparator count is
 * never zero. The rates are deliberately far above real-world ones so that 3,000 reports per quarter over two or
 * three quarters give each pair at least five reports. Each signal has its own PT, so one bit per signal identifies
 * the PTs of a case.
 */
enum PlantedSignal {

    BCMA_PARKINSONISM("bcma-parkinsonism", EnumSet.of(CarTProduct.ABECMA, CarTProduct.CARVYKTI), "BCMA",
            "Parkinsonism", "established", "movement and neurocognitive toxicity", 0, 0.14, 0.0008, 60, 120),
    BCMA_CRANIAL_NERVE_PARALYSIS("bcma-cranial-nerve-paralysis",
            EnumSet.of(CarTProduct.ABECMA, CarTProduct.CARVYKTI), "BCMA",
            "Cranial nerve paralysis", "established", "cranial nerve palsy", 0, 0.14, 0.0002, 14, 40),
    BCMA_FACIAL_PARALYSIS("bcma-facial-paralysis", EnumSet.of(CarTProduct.ABECMA, CarTProduct.CARVYKTI), "BCMA",
            "Facial paralysis", "established", "cranial nerve palsy", 0, 0.12, 0.0004, 14, 40),
    CD19_T_CELL_LYMPHOMA("cd19-t-cell-lymphoma", EnumSet.of(CarTProduct.KYMRIAH, CarTProduct.YESCARTA,
            CarTProduct.TECARTUS, CarTProduct.BREYANZI, CarTProduct.AUCATZYL), "CD19",
            "T-cell lymphoma", "established", "secondary T-cell malignancy", 0, 0.08, 0.0002, 150, 700),
    CARVYKTI_GUILLAIN_BARRE("carvykti-guillain-barre", EnumSet.of(CarTProduct.CARVYKTI), "BCMA",
            "Guillain-Barre syndrome", "emerging", "Guillain-Barre syndrome and polyneuropathy", 1, 0.28, 0.0004,
            10, 60);

    private final String id;
    private final Set<CarTProduct> products;
    private final String target;
    private final String pt;
    private final String kind;
    private final String category;
    private final int firstQuarterIndex;
    private final double rate;
    private final double backgroundRate;
    private final int onsetMinDays;
    private final int onsetMaxDays;

    PlantedSignal(String id, Set<CarTProduct> products, String target, String pt, String kind, String category,
                  int firstQuarterIndex, double rate, double backgroundRate, int onsetMinDays, int onsetMaxDays) {
        this.id = id;
        this.products = products;
        this.target = target;
        this.pt = pt;
        this.kind = kind;
        this.category = category;
        this.firstQuarterIndex = firstQuarterIndex;
        this.rate = rate;
        this.backgroundRate = backgroundRate;
        this.onsetMinDays = onsetMinDays;
        this.onsetMaxDays = onsetMaxDays;
    }

    String id() {
        return id;
    }

    /** Brands in declaration order. */
    List<String> brands() {
        return products.stream().map(CarTProduct::brand).toList();
    }

    String target() {
        return target;
    }

    String pt() {
        return pt;
    }

    /** "established" (planted from the first quarter) or "emerging" (from a later quarter: a new signal). */
    String kind() {
        return kind;
    }

    String category() {
        return category;
    }

    /** Index, among the generated quarters, of the first quarter with planted reports. */
    int firstQuarterIndex() {
        return firstQuarterIndex;
    }

    double rate() {
        return rate;
    }

    double backgroundRate() {
        return backgroundRate;
    }

    int onsetMinDays() {
        return onsetMinDays;
    }

    int onsetMaxDays() {
        return onsetMaxDays;
    }

    int bit() {
        return 1 << ordinal();
    }

    boolean covers(CarTProduct product) {
        return products.contains(product);
    }

    /** Days from infusion (THER.start_dt) to onset (DEMO.event_dt), uniform over the signal's window. */
    int onsetDays(SplittableRandom rng) {
        return rng.nextInt(onsetMinDays, onsetMaxDays + 1);
    }
}
