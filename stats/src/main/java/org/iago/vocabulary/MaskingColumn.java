package org.iago.vocabulary;

import java.util.List;

/**
 * The columns of the masking and event-competition table ({@code masking.csv}), in their order: for each CAR-T drug
 * and event of an analysis, one row per {@link Removal}: the pair on all reports (the main estimate), without each
 * of its strongest maskers, without all of them, and without its competing events. Each row holds the 2×2 table after
 * the removal, the PRR and ROR with their 95% intervals on it, the ratios to the main estimate and the PRR and ROR
 * rules' flags ({@code org.iago.stats.MaskingRatio}; Maignen et al. 2014, Salvo et al. 2013).
 */
public final class MaskingColumn {

    /** What a row leaves out of the table. */
    public enum Removal {
        /** Nothing: the main estimate. */
        NONE("none"),
        /** The reports naming one masker. */
        MASKER("masker"),
        /** The reports naming any of the pair's maskers. */
        MASKERS("maskers"),
        /** The reports with one of the drug's competing events and without the event, from the comparator. */
        COMPETING_EVENTS("competing_events");

        private final String label;

        Removal(String label) {
            this.label = label;
        }

        /** The value of the {@code removal} column. */
        public String label() {
            return label;
        }
    }

    public static final OutputColumn DRUG = OutputColumn.text("drug");
    public static final OutputColumn EVENT = OutputColumn.text("event");
    /** A {@link Removal} label. */
    public static final OutputColumn REMOVAL = OutputColumn.text("removal");
    /** The masker, the maskers or the competing events removed, joined by {@code "; "}; empty for {@code none}. */
    public static final OutputColumn REMOVED = OutputColumn.text("removed");
    public static final OutputColumn A = OutputColumn.whole("a");
    public static final OutputColumn B = OutputColumn.whole("b");
    public static final OutputColumn C = OutputColumn.whole("c");
    public static final OutputColumn D = OutputColumn.whole("d");
    public static final OutputColumn PRR = OutputColumn.number("prr");
    public static final OutputColumn PRR_LOWER = OutputColumn.number("prr_lower");
    public static final OutputColumn PRR_UPPER = OutputColumn.number("prr_upper");
    public static final OutputColumn ROR = OutputColumn.number("ror");
    public static final OutputColumn ROR_LOWER = OutputColumn.number("ror_lower");
    public static final OutputColumn ROR_UPPER = OutputColumn.number("ror_upper");
    /** PRR of the row over the PRR on all reports: the masking ratio. */
    public static final OutputColumn MASKING_RATIO = OutputColumn.number("masking_ratio");
    /** ROR of the row over the ROR on all reports. */
    public static final OutputColumn ROR_RATIO = OutputColumn.number("ror_ratio");
    /** For a masker's row, its masking ratio from the pair counts alone, which ranked it. */
    public static final OutputColumn MASKING_RATIO_PAIRS = OutputColumn.number("masking_ratio_pairs");
    public static final OutputColumn SIGNAL_PRR = OutputColumn.bool("signal_prr");
    public static final OutputColumn SIGNAL_ROR = OutputColumn.bool("signal_ror");

    /** The table's columns in CSV order. */
    public static final List<OutputColumn> COLUMNS = List.of(DRUG, EVENT, REMOVAL, REMOVED, A, B, C, D, PRR, PRR_LOWER,
            PRR_UPPER, ROR, ROR_LOWER, ROR_UPPER, MASKING_RATIO, ROR_RATIO, MASKING_RATIO_PAIRS, SIGNAL_PRR,
            SIGNAL_ROR);

    private MaskingColumn() {
    }
}
