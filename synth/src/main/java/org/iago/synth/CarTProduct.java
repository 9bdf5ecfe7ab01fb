package org.iago.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.iago.vocabulary.Quarter;

/**
 * The US-approved CAR-T products (cart-toxicities.md) with the names reporters use for them, their target antigen
 * and their relative share of CAR-T reports. Approval dates are month-exact where the reference gives only a month.
 */
enum CarTProduct {

    KYMRIAH("TISAGENLECLEUCEL", "CD19", LocalDate.of(2017, 8, 1), 14, "NOVARTIS", "tisa-cel",
            List.of("CTL019"),
            List.of("B precursor type acute leukaemia", "Diffuse large B-cell lymphoma", "Follicular lymphoma")),
    YESCARTA("AXICABTAGENE CILOLEUCEL", "CD19", LocalDate.of(2017, 10, 18), 24, "KITE PHARMA", "axi-cel",
            List.of("KTE-C19"),
            List.of("Diffuse large B-cell lymphoma", "Follicular lymphoma",
                    "Primary mediastinal large B-cell lymphoma")),
    TECARTUS("BREXUCABTAGENE AUTOLEUCEL", "CD19", LocalDate.of(2020, 7, 1), 8, "KITE PHARMA", "brexu-cel",
            List.of("KTE-X19"),
            List.of("Mantle cell lymphoma", "B precursor type acute leukaemia")),
    BREYANZI("LISOCABTAGENE MARALEUCEL", "CD19", LocalDate.of(2021, 2, 1), 14, "BRISTOL-MYERS SQUIBB", "liso-cel",
            List.of("JCAR017"),
            List.of("Diffuse large B-cell lymphoma", "Chronic lymphocytic leukaemia", "Follicular lymphoma")),
    ABECMA("IDECABTAGENE VICLEUCEL", "BCMA", LocalDate.of(2021, 3, 1), 12, "BRISTOL-MYERS SQUIBB", "ide-cel",
            List.of("bb2121"),
            List.of("Plasma cell myeloma")),
    CARVYKTI("CILTACABTAGENE AUTOLEUCEL", "BCMA", LocalDate.of(2022, 2, 1), 24, "JANSSEN", "cilta-cel",
            List.of("JNJ-68284528", "JNJ-4528", "LCAR-B38M"),
            List.of("Plasma cell myeloma")),
    AUCATZYL("OBECABTAGENE AUTOLEUCEL", "CD19", LocalDate.of(2024, 11, 8), 4, "AUTOLUS", "obe-cel",
            List.of("AUTO1"),
            List.of("B precursor type acute leukaemia"));

    /** How one DRUG row names the product: drugname, prod_ai (may be empty) and val_vbm. */
    record DrugName(String drugname, String prodAi, int valVbm) {
    }

    private final String generic;
    private final String target;
    private final LocalDate approved;
    private final int weight;
    private final String sender;
    private final String abbreviation;
    private final List<String> codeNames;
    private final List<String> indications;

    CarTProduct(String generic, String target, LocalDate approved, int weight, String sender, String abbreviation,
                List<String> codeNames, List<String> indications) {
        this.generic = generic;
        this.target = target;
        this.approved = approved;
        this.weight = weight;
        this.sender = sender;
        this.abbreviation = abbreviation;
        this.codeNames = codeNames;
        this.indications = indications;
    }

    String brand() {
        return name();
    }

    String target() {
        return target;
    }

    String sender() {
        return sender;
    }

    /** Products on the US market before the quarter starts, in declaration order. */
    static List<CarTProduct> marketedIn(Quarter quarter) {
        List<CarTProduct> marketed = new ArrayList<>();
        for (CarTProduct product : values()) {
            if (product.approved.isBefore(quarter.firstDay())) {
                marketed.add(product);
            }
        }
        return marketed;
    }

    /** A product drawn by its share of CAR-T reports. */
    static CarTProduct pick(List<CarTProduct> marketed, SplittableRandom rng) {
        int total = 0;
        for (CarTProduct product : marketed) {
            total += product.weight;
        }
        int x = rng.nextInt(total);
        for (CarTProduct product : marketed) {
            x -= product.weight;
            if (x < 0) {
                return product;
            }
        }
        throw new IllegalStateException("weights changed during the draw");
    }

    /**
     * The product as one reporter names it: mostly the brand with its ingredient, sometimes the generic name in lower
     * case, a development code or the abbreviation (then without prod_ai, as FDA does not map them).
     */
    DrugName reportedName(SplittableRandom rng) {
        int x = rng.nextInt(100);
        if (x < 62) {
            return new DrugName(brand(), generic, 1);
        }
        if (x < 67) {
            return new DrugName(brand().charAt(0) + brand().substring(1).toLowerCase(Locale.ROOT), generic, 2);
        }
        if (x < 77) {
            return new DrugName(generic.toLowerCase(Locale.ROOT), generic, 2);
        }
        if (x < 82) {
            return new DrugName(generic, generic, 1);
        }
        if (x < 91) {
            return new DrugName(codeNames.get(rng.nextInt(codeNames.size())), "", 2);
        }
        String name = switch (rng.nextInt(3)) {
            case 0 -> abbreviation;
            case 1 -> abbreviation.toUpperCase(Locale.ROOT);
            default -> Character.toUpperCase(abbreviation.charAt(0)) + abbreviation.substring(1);
        };
        return new DrugName(name, "", 2);
    }

    /** The disease treated, as an INDI.indi_pt; the first listed indication is the most common. */
    String indication(SplittableRandom rng) {
        return rng.nextInt(100) < 60 ? indications.get(0) : indications.get(rng.nextInt(indications.size()));
    }
}
