package org.iago.disproportionality;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iago.vocabulary.Names;

/**
 * The drug pairs whose interaction (Ω) is measured, from {@code interactions:} of {@code conf/iago.yaml}: every CAR-T
 * product or target of {@code cart} with every concomitant drug of {@code concomitant}, a name and the curated
 * ingredients it stands for (corticosteroids: dexamethasone, methylprednisolone, ...). Names are compared as
 * {@link Names#normalise} compares them.
 *
 * @param minReports  the least number of reports with both drugs and the event that may signal
 * @param cart        CAR-T products (brand) or targets, as curate names them
 * @param concomitant each concomitant drug's name and its ingredients
 */
public record InteractionPairs(long minReports, List<String> cart, Map<String, List<String>> concomitant)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A CAR-T drug with a concomitant drug. */
    public record Pair(String cart, String concomitant) {
    }

    /** @throws IllegalArgumentException if a list is empty or a name blank */
    public InteractionPairs {
        if (minReports < 0 || cart == null || cart.isEmpty() || concomitant == null || concomitant.isEmpty()) {
            throw new IllegalArgumentException("interactions need minReports ≥ 0, at least one cart drug and one"
                    + " concomitant drug: " + cart + ", " + concomitant);
        }
        cart = cart.stream().map(Names::normalise).toList();
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        concomitant.forEach((name, ingredients) -> {
            if (ingredients == null || ingredients.isEmpty()) {
                throw new IllegalArgumentException("concomitant drug " + name + " names no ingredient");
            }
            normalised.put(name, ingredients.stream().map(Names::normalise).toList());
        });
        concomitant = Collections.unmodifiableMap(normalised);
    }

    /** Every CAR-T drug with every concomitant drug, in the order of the file. */
    public List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        for (String first : cart) {
            for (String second : concomitant.keySet()) {
                pairs.add(new Pair(first, second));
            }
        }
        return pairs;
    }

    /**
     * The {@code interactions:} of a rules file.
     *
     * @return the settings; empty when the file has none
     */
    public static Optional<InteractionPairs> load(Path yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        JsonNode node = mapper.readTree(yaml.toFile()).get("interactions");
        return node == null || node.isNull() ? Optional.empty()
                : Optional.of(mapper.treeToValue(node, InteractionPairs.class));
    }
}
