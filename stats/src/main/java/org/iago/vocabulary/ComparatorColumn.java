package org.iago.vocabulary;

import java.util.List;

/**
 * The columns of the comparator and subgroup table ({@code comparators.csv}), in their order: one row per CAR-T drug,
 * event, comparator and subgroup, with the 2×2 cells of that subset of reports and the ROR with its 95% confidence
 * interval ({@code org.iago.stats.ReportingOddsRatio}). The comparator is the reference group the drug is compared with
 * ({@code all}, {@code cart}, {@code indication}); the subgroup restricts every cell ({@code all}, {@code adults},
 * {@code age_group=<level>}, {@code sex=<F|M>}); Fusaroli et al. (Drug Saf 2022) report the first three such rows.
 */
public final class ComparatorColumn {

    public static final OutputColumn DRUG = OutputColumn.text("drug");
    public static final OutputColumn EVENT = OutputColumn.text("event");
    public static final OutputColumn COMPARATOR = OutputColumn.text("comparator");
    public static final OutputColumn SUBGROUP = OutputColumn.text("subgroup");
    public static final OutputColumn A = OutputColumn.whole("a");
    public static final OutputColumn B = OutputColumn.whole("b");
    public static final OutputColumn C = OutputColumn.whole("c");
    public static final OutputColumn D = OutputColumn.whole("d");
    public static final OutputColumn ROR = OutputColumn.number("ror");
    public static final OutputColumn ROR_LOWER = OutputColumn.number("ror_lower");
    public static final OutputColumn ROR_UPPER = OutputColumn.number("ror_upper");

    /** The table's columns in CSV order. */
    public static final List<OutputColumn> COLUMNS = List.of(DRUG, EVENT, COMPARATOR, SUBGROUP, A, B, C, D, ROR,
            ROR_LOWER, ROR_UPPER);

    private ComparatorColumn() {
    }
}
