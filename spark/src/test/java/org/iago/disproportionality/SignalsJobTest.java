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
    void refusesBadValuesAndOutputsOnObjectStoresOtherThanS3() {
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--drug-level", "atc"}));
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--background", "none"}));
        assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"/lake", "/out", RULES, "--through", "2024Q5"}));
        IllegalArgumentException gcs = assertThrows(IllegalArgumentException.class,
                () -> SignalsJob.main(new String[] {"gs://bucket/lake", "gs://bucket/out", RULES}));
        assertTrue(gcs.getMessage().contains("on gs:// a folder rename is a copy"), gcs.getMessage());
    }

    private static void assertUsage(String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignalsJob.main(args));
        assertTrue(e.getMessage().contains("usage: SignalsJob"), e.getMessage());
    }
}
