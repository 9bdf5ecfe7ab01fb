package org.iago.synth;

import java.util.SplittableRandom;

/** A fixed distribution over FAERS codes, e.g. rept_cod EXP/PER/DIR; the empty code stands for an empty field. */
final class CodeTable {

    private final String[] codes;
    private final int[] cumulative;

    private CodeTable(String[] codes, int[] weights) {
        if (codes.length != weights.length || codes.length == 0) {
            throw new IllegalArgumentException(codes.length + " codes but " + weights.length + " weights");
        }
        this.codes = codes;
        this.cumulative = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** {@code of("EXP|PER|DIR", 65, 22, 13)}; a leading or doubled {@code |} adds the empty code. */
    static CodeTable of(String codes, int... weights) {
        return new CodeTable(codes.split("\\|", -1), weights);
    }

    String pick(SplittableRandom rng) {
        int x = rng.nextInt(cumulative[cumulative.length - 1]);
        int i = 0;
        while (cumulative[i] <= x) {
            i++;
        }
        return codes[i];
    }
}
