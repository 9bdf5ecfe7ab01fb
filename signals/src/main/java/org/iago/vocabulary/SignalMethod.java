package org.iago.vocabulary;

import java.util.Locale;
import java.util.Optional;

/**
 * The disproportionality methods of the signal table, in its column order: each with the column of its flag, the
 * lower bound its rule reads (the PRR and ROR lower 95% limits, IC025, EB05, and for the LRT the log-likelihood ratio
 * itself), how the report names it, and whether that bound is on the log2 scale.
 */
public enum SignalMethod {
    PRR(SignalColumn.SIGNAL_PRR, SignalColumn.PRR_LOWER, "PRR", false),
    ROR(SignalColumn.SIGNAL_ROR, SignalColumn.ROR_LOWER, "ROR", false),
    IC(SignalColumn.SIGNAL_IC, SignalColumn.IC025, "IC", true),
    EBGM(SignalColumn.SIGNAL_EBGM, SignalColumn.EB05, "EBGM", false),
    LLR(SignalColumn.SIGNAL_LLR, SignalColumn.LLR, "LRT", false);

    private final SignalColumn flag;
    private final SignalColumn lowerBound;
    private final String label;
    private final boolean log2;

    SignalMethod(SignalColumn flag, SignalColumn lowerBound, String label, boolean log2) {
        this.flag = flag;
        this.lowerBound = lowerBound;
        this.label = label;
        this.log2 = log2;
    }

    /** The method as the status table and the emergence columns write it: {@code prr}, …, {@code llr}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column of the method's flag in the signal table, {@code signal_<key>}. */
    public String flag() {
        return flag.column();
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
