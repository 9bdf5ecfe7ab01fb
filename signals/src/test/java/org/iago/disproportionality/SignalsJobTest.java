package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The arguments of the spark-submit main, checked before any Spark session starts. */
class SignalsJobTest {

    private static final String RULES = Path.of("..", "conf", "iago.yaml").toString();

    @Test
    void refusesUnknownRepeatedAndIncompleteOptions() {
        assertUsage("/lake", "/out");
        assertUsage("/lake", "/out", RULES, "--strata");
        assertUsage("/lake", "/out", RULES, "--by-quarter", "yes");
        assertUsage("/lake", "/out", RULES, "--roles", "ps", "--roles", "all");
    }

    @Test
    void refusesBadValuesAndObjectStoreOutputs() {
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--drug-level", "atc"}));
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--background", "none"}));
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--through", "2024Q5"}));
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"s3a://bucket/lake", "s3a://bucket/out", RULES}));
    }

    private static void assertUsage(String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignalsJob.main(args));
        assertTrue(e.getMessage().contains("usage: SignalsJob"), e.getMessage());
    }
}
