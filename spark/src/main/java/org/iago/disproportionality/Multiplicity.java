package org.iago.disproportionality;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

import org.iago.stats.FalseDiscoveryRate;
import org.iago.stats.SignalThresholds;
import org.iago.vocabulary.SignalColumn;
import org.iago.vocabulary.SignalMethod;

/**
 * The screen's false discovery rates: each method's evidence over every pair of the analysis ranked once
 * ({@link FalseDiscoveryRate}: Benjamini–Hochberg for the p-values of the PRR, ROR and LRT, the Bayesian estimator for
 * the posterior probabilities of the IC and EBGM), then each pair given its FDR, and the flag of a method that decides
 * by FDR ({@link SignalThresholds#maxFdr}) set from it. Serializable, so that Spark ships it to the tasks holding the
 * pairs; the driver path completes its rows with the same object, so both paths give the same numbers.
 */
final class Multiplicity implements Serializable {

    private static final long serialVersionUID = 1L;

    /** By method ordinal: its ranking; an array rather than a map, read five times for every pair. */
    private final FalseDiscoveryRate[] rankings;
    private final SignalThresholds thresholds;
    /** By method ordinal: whether its flag is decided by FDR; asked once here rather than for every pair. */
    private final boolean[] byFdr;

    private Multiplicity(FalseDiscoveryRate[] rankings, SignalThresholds thresholds) {
        this.rankings = rankings;
        this.thresholds = thresholds;
        this.byFdr = new boolean[SignalMethod.values().length];
        for (SignalMethod m : SignalMethod.values()) {
            byFdr[m.ordinal()] = thresholds.maxFdr(m.key()).isPresent();
        }
    }

    /**
     * @param evidence each method's evidence column over every pair of the analysis, NaN where a pair has none
     */
    static Multiplicity of(Map<SignalMethod, double[]> evidence, SignalThresholds thresholds) {
        // the methods ranked on every core: each ranking sorts its own column (0.45 s for 621,732 pairs, one core)
        FalseDiscoveryRate[] rankings = Arrays.stream(SignalMethod.values()).parallel().map(m -> m.posterior()
                ? FalseDiscoveryRate.bayesian(evidence.get(m)) : FalseDiscoveryRate.benjaminiHochberg(evidence.get(m)))
                .toArray(FalseDiscoveryRate[]::new);
        return new Multiplicity(rankings, thresholds);
    }

    /** A pair's evidence for a method from its row's values: NaN when empty (EBGM without a prior). */
    static double evidence(Object[] values, SignalMethod method) {
        Object v = values[method.evidence().ordinal()];
        return v == null ? Double.NaN : (Double) v;
    }

    /**
     * Fills a pair's false discovery rates and, for each method that decides by FDR, its flag.
     *
     * @param values every column's values but the FDRs ({@link PairScores#withLikelihoodRatio})
     * @return the same array, completed
     */
    Object[] complete(Object[] values) {
        long a = (Long) values[SignalColumn.A.ordinal()];
        for (SignalMethod m : SignalMethod.values()) {
            double fdr = falseDiscoveryRate(m, evidence(values, m));
            values[m.falseDiscoveryRate().ordinal()] = Double.isNaN(fdr) ? null : fdr;
            if (decidesByFdr(m)) {
                values[m.flagColumn().ordinal()] = signalAtFdr(m, a, fdr);
            }
        }
        return values;
    }

    /** A pair's false discovery rate for a method, from its evidence; NaN when it has none. */
    double falseDiscoveryRate(SignalMethod method, double evidence) {
        return rankings[method.ordinal()].of(evidence);
    }

    /** Whether the method's flag is decided by its false discovery rate ({@link SignalThresholds#maxFdr}). */
    boolean decidesByFdr(SignalMethod method) {
        return byFdr[method.ordinal()];
    }

    /** The method's flag of a pair of {@code a} reports at this false discovery rate. */
    boolean signalAtFdr(SignalMethod method, long a, double fdr) {
        return thresholds.signalAtFdr(method.key(), a, fdr);
    }
}
