package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class AliasTableTest {

    /**
     * 1,000,000 draws from weights 0, 1, 2, 3, 4, 990 and 0: each share within 5 standard errors of w_i/Σw, and an
     * index of weight 0 never drawn.
     */
    @Test
    void drawsEachIndexInProportionToItsWeight() {
        long[] weights = {0, 1, 2, 3, 4, 990, 0};
        AliasTable table = new AliasTable(weights);
        Well19937c random = new Well19937c(17);
        int draws = 1_000_000;
        long[] counts = new long[weights.length];
        for (int k = 0; k < draws; k++) {
            counts[table.sample(random)]++;
        }
        for (int i = 0; i < weights.length; i++) {
            double p = weights[i] / 1000.0;
            assertEquals(p * draws, counts[i], 5 * Math.sqrt(draws * p * (1 - p)), "index " + i);
        }
        assertEquals(0, counts[0]);
        assertEquals(0, counts[6]);
    }

    @Test
    void drawsTheOnlyIndexWithWeight() {
        AliasTable table = new AliasTable(new long[] {0, 0, 5});
        Well19937c random = new Well19937c(1);
        for (int k = 0; k < 1000; k++) {
            assertEquals(2, table.sample(random));
        }
    }
}
