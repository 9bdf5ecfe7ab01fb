package org.iago.vocabulary;

import static org.iago.vocabulary.OutputColumn.Type.BOOLEAN;
import static org.iago.vocabulary.OutputColumn.Type.DOUBLE;
import static org.iago.vocabulary.OutputColumn.Type.LONG;
import static org.iago.vocabulary.OutputColumn.Type.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of the signal table ({@code disproportionality.csv} and its Parquet twin), in their order: a row is an
 * array indexed by {@link #ordinal()}. The methods' flag and bound columns are named by {@link SignalMethod}.
 */
public enum SignalColumn {
    DRUG(TEXT), EVENT(TEXT),
    A(LONG), B(LONG), C(LONG), D(LONG),
    EXPECTED(DOUBLE),
    PRR(DOUBLE), PRR_LOWER(DOUBLE), PRR_UPPER(DOUBLE), CHI2(DOUBLE),
    ROR(DOUBLE), ROR_LOWER(DOUBLE), ROR_UPPER(DOUBLE),
    IC(DOUBLE), IC025(DOUBLE), IC975(DOUBLE),
    EBGM(DOUBLE), EB05(DOUBLE), EB95(DOUBLE),
    LLR(DOUBLE, true), LLR_P(DOUBLE, true),
    SIGNAL_PRR(BOOLEAN), SIGNAL_ROR(BOOLEAN), SIGNAL_IC(BOOLEAN), SIGNAL_EBGM(BOOLEAN), SIGNAL_LLR(BOOLEAN, true);

    private final OutputColumn column;
    private final boolean likelihoodRatio;

    SignalColumn(OutputColumn.Type type) {
        this(type, false);
    }

    SignalColumn(OutputColumn.Type type, boolean likelihoodRatio) {
        this.column = new OutputColumn(name().toLowerCase(Locale.ROOT), type);
        this.likelihoodRatio = likelihoodRatio;
    }

    /** The column's name in the files, e.g. {@code prr_lower}. */
    public String column() {
        return column.name();
    }

    /** Whether the likelihood ratio test fills it (by drug, apart from the other statistics of a pair). */
    public boolean likelihoodRatio() {
        return likelihoodRatio;
    }

    /** The column with its type. */
    public OutputColumn typed() {
        return column;
    }

    /** Every column, in order. */
    public static final List<OutputColumn> COLUMNS = Arrays.stream(values()).map(c -> c.column).toList();

    /** The columns but the likelihood ratio test's, in order: what the per-pair scoring fills. */
    public static final List<SignalColumn> SCORED = Arrays.stream(values()).filter(c -> !c.likelihoodRatio).toList();
}
