package org.iago.disproportionality;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * How many maskers and competing events the masking table ({@link MaskingTable}) removes, from {@code masking:} of
 * {@code conf/iago.yaml}; without that section, {@link #DEFAULTS}.
 *
 * @param maskers         the strongest maskers kept per pair (by masking ratio, those above 1)
 * @param competingEvents the drug's most reported other events removed from the comparator
 * @param minReports      the least number of reports with the drug and the event for a pair to be examined
 */
public record MaskingSettings(int maskers, int competingEvents, long minReports) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Three maskers, two competing events (for a CAR-T drug, typically CRS and ICANS), pairs of at least 3 reports. */
    public static final MaskingSettings DEFAULTS = new MaskingSettings(3, 2, 3);

    /** At most this many maskers: their combinations are counted as bits of an int. */
    static final int MAX_MASKERS = 8;

    /** @throws IllegalArgumentException if a count is out of range */
    public MaskingSettings {
        if (maskers < 0 || maskers > MAX_MASKERS || competingEvents < 0 || minReports < 1) {
            throw new IllegalArgumentException("masking needs 0 ≤ maskers ≤ " + MAX_MASKERS + ", competingEvents ≥ 0"
                    + " and minReports ≥ 1: " + maskers + ", " + competingEvents + ", " + minReports);
        }
    }

    /**
     * The {@code masking:} of a rules file.
     *
     * @return its settings, or {@link #DEFAULTS} when it has none
     */
    public static MaskingSettings load(Path yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        JsonNode node = mapper.readTree(yaml.toFile()).get("masking");
        return node == null || node.isNull() ? DEFAULTS : mapper.treeToValue(node, MaskingSettings.class);
    }
}
