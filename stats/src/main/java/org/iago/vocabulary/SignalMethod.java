package org.iago.vocabulary;

import java.util.Locale;
import java.util.Optional;

/**
 * The disproportionality methods of the signal table, in its column order: each with the column of its flag, the
 * lower bound its rule reads (the PRR and ROR lower 95% limits, IC025, EB05, and for the LRT the log-likelihood ratio
 * itself), how the report names it, and whether that bound is on the log2 scale.
 */
public enum SignalMethod {
    PRR(SignalColumn.SIGNAL_PRR, SignalColumn.PRR_LOWER, "PRR", false, SignalColumn.PRR_P, false,
            SignalColumn.PRR_FDR),
    ROR(SignalColumn.SIGNAL_ROR, SignalColumn.ROR_LOWER, "ROR", false, SignalColumn.ROR_P, false,
            SignalColumn.ROR_FDR),
    IC(SignalColumn.SIGNAL_IC, SignalColumn.IC025, "IC", true, SignalColumn.IC_P0, true, SignalColumn.IC_FDR),
    EBGM(SignalColumn.SIGNAL_EBGM, SignalColumn.EB05, "EBGM", false, SignalColumn.EBGM_P0, true,
            SignalColumn.EBGM_FDR),
    LLR(SignalColumn.SIGNAL_LLR, SignalColumn.LLR, "LRT", false, SignalColumn.LLR_P, false, SignalColumn.LLR_FDR);

    private final SignalColumn flag;
    private final SignalColumn lowerBound;
    private final String label;
    private final boolean log2;
    private final SignalColumn evidence;
    private final boolean posterior;
    private final SignalColumn falseDiscoveryRate;

    SignalMethod(SignalColumn flag, SignalColumn lowerBound, String label, boolean log2, SignalColumn evidence,
            boolean posterior, SignalColumn falseDiscoveryRate) {
        this.flag = flag;
        this.lowerBound = lowerBound;
        this.label = label;
        this.log2 = log2;
        this.evidence = evidence;
        this.posterior = posterior;
        this.falseDiscoveryRate = falseDiscoveryRate;
    }

    /** The method as the status table and the emergence columns write it: {@code prr}, …, {@code llr}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column of the method's flag in the signal table, {@code signal_<key>}. */
    public String flag() {
        return flag.column();
    }

    /** {@link #flag} as a column of the signal table. */
    public SignalColumn flagColumn() {
        return flag;
    }

    /** The column of the lower bound the method's rule reads. */
    public String lowerBound() {
        return lowerBound.column();
    }

    /** How the report names the method. */
    public String label() {
        return label;
    }

    /** Whether the lower bound is on the log2 scale (IC), so that a change is a difference rather than a ratio. */
    public boolean log2() {
        return log2;
    }

    /**
     * The column of the pair's evidence against no association: a one-sided p-value ({@code prr_p}, {@code ror_p},
     * {@code llr_p}) or a posterior probability of no excess ({@code ic_p0}, {@code ebgm_p0}).
     */
    public SignalColumn evidence() {
        return evidence;
    }

    /** Whether {@link #evidence} is a posterior probability (Bayesian FDR) rather than a p-value (Benjamini–Hochberg). */
    public boolean posterior() {
        return posterior;
    }

    /** The column of the pair's false discovery rate in the whole screen. */
    public SignalColumn falseDiscoveryRate() {
        return falseDiscoveryRate;
    }

    /** The column of {@code emergence.csv} with the first quarter the method flagged a pair. */
    public String firstQuarter() {
        return "first_" + key();
    }

    /** The method a text names: its key, flag column or label, in any case ({@code ebgm}, {@code signal_ebgm}). */
    public static Optional<SignalMethod> named(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT).replaceFirst("^signal_", "");
        for (SignalMethod m : values()) {
            if (m.key().equals(key) || m.label().equalsIgnoreCase(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
