package org.iago.synth.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param out      output folder, created if missing
 * @param patients number of valid patients, at least 1
 * @param seed     seed of every random stream
 * @param defects  whether to plant one invalid line of each kind
 */
public record RegistrySynthSpec(Path out, int patients, long seed, boolean defects) {

    public RegistrySynthSpec {
        Objects.requireNonNull(out, "out");
        if (patients < 1 || patients > 99_999_000) {
            throw new IllegalArgumentException("patients must be 1 to 99,999,000, was " + patients);
        }
    }
}
