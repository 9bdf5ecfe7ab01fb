package org.iago.synth.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The CAR-T products of {@code conf/products.yaml} as a registry sees them: which diseases they treat, from when, and
 * how many of the registry's infusions they account for. Weights are tuned so that BCMA products make up about 30% of
 * an extract whose infusions grow over 2018–2025, as in the commercial registries.
 */
enum Product {

    KYMRIAH("TISAGENLECLEUCEL", "TISA-CEL", "CD19", false, LocalDate.of(2017, 8, 30), 12,
            Map.of("DLBCL", 60, "ALL", 25, "FL", 15)),
    YESCARTA("AXICABTAGENE CILOLEUCEL", "AXI-CEL", "CD19", true, LocalDate.of(2017, 10, 18), 22,
            Map.of("DLBCL", 85, "FL", 15)),
    TECARTUS("BREXUCABTAGENE AUTOLEUCEL", "BREXU-CEL", "CD19", true, LocalDate.of(2020, 7, 24), 7,
            Map.of("MCL", 65, "ALL", 35)),
    BREYANZI("LISOCABTAGENE MARALEUCEL", "LISO-CEL", "CD19", false, LocalDate.of(2021, 2, 5), 14,
            Map.of("DLBCL", 85, "FL", 10, "MCL", 5)),
    AUCATZYL("OBECABTAGENE AUTOLEUCEL", "OBE-CEL", "CD19", false, LocalDate.of(2024, 11, 8), 5,
            Map.of("ALL", 100)),
    ABECMA("IDECABTAGENE VICLEUCEL", "IDE-CEL", "BCMA", false, LocalDate.of(2021, 3, 26), 14, Map.of("MM", 100)),
    CARVYKTI("CILTACABTAGENE AUTOLEUCEL", "CILTA-CEL", "BCMA", false, LocalDate.of(2022, 2, 28), 30,
            Map.of("MM", 100));

    private final String generic;
    private final String codeName;
    private final String target;
    private final boolean cd28;
    private final LocalDate approved;
    private final int weight;
    private final Map<String, Integer> diseases;

    Product(String generic, String codeName, String target, boolean cd28, LocalDate approved, int weight,
            Map<String, Integer> diseases) {
        this.generic = generic;
        this.codeName = codeName;
        this.target = target;
        this.cd28 = cd28;
        this.approved = approved;
        this.weight = weight;
        this.diseases = new LinkedHashMap<>();
        diseases.keySet().stream().sorted().forEach(d -> this.diseases.put(d, diseases.get(d)));
    }

    String target() {
        return target;
    }

    boolean bcma() {
        return target.equals("BCMA");
    }

    /** CD28-costimulated products cause more and earlier CRS and ICANS than 4-1BB ones. */
    boolean cd28() {
        return cd28;
    }

    String costimulation() {
        return cd28 ? "CD28" : "4-1BB";
    }

    LocalDate approved() {
        return approved;
    }

    int weight() {
        return weight;
    }

    Map<String, Integer> diseases() {
        return diseases;
    }

    /** A product on the market at the infusion, drawn by weight. */
    static Product pick(long infusionEpochDay, SplittableRandom rng) {
        List<Product> marketed = new ArrayList<>();
        int total = 0;
        for (Product p : values()) {
            if (p.approved.toEpochDay() <= infusionEpochDay) {
                marketed.add(p);
                total += p.weight;
            }
        }
        int x = rng.nextInt(total);
        for (Product p : marketed) {
            x -= p.weight;
            if (x < 0) {
                return p;
            }
        }
        throw new IllegalStateException("weights changed during the draw");
    }

    String disease(SplittableRandom rng) {
        return Draw.weighted(diseases, rng);
    }

    /** The product as a centre records it: mostly the brand, sometimes the generic or code name (upper case). */
    String recordedName(SplittableRandom rng) {
        int x = rng.nextInt(100);
        return x < 95 ? name() : x < 98 ? generic : codeName;
    }
}
