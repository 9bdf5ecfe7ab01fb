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
 * array indexed by {@link #ordinal()}. The methods' flag, bound, evidence and FDR columns are named by
 * {@link SignalMethod}. Each column is filled by one {@link Stage} of the analysis.
 */
public enum SignalColumn {
    DRUG(TEXT), EVENT(TEXT),
    A(LONG), B(LONG), C(LONG), D(LONG),
    EXPECTED(DOUBLE),
    PRR(DOUBLE), PRR_LOWER(DOUBLE), PRR_UPPER(DOUBLE), CHI2(DOUBLE),
    ROR(DOUBLE), ROR_LOWER(DOUBLE), ROR_UPPER(DOUBLE),
    IC(DOUBLE), IC025(DOUBLE), IC975(DOUBLE),
    EBGM(DOUBLE), EB05(DOUBLE), EB95(DOUBLE),
    LLR(DOUBLE, Stage.LIKELIHOOD_RATIO), LLR_P(DOUBLE, Stage.LIKELIHOOD_RATIO),
    SIGNAL_PRR(BOOLEAN), SIGNAL_ROR(BOOLEAN), SIGNAL_IC(BOOLEAN), SIGNAL_EBGM(BOOLEAN),
    SIGNAL_LLR(BOOLEAN, Stage.LIKELIHOOD_RATIO),
    PRR_P(DOUBLE), ROR_P(DOUBLE), IC_P0(DOUBLE), EBGM_P0(DOUBLE),
    PRR_FDR(DOUBLE, Stage.MULTIPLICITY), ROR_FDR(DOUBLE, Stage.MULTIPLICITY), IC_FDR(DOUBLE, Stage.MULTIPLICITY),
    EBGM_FDR(DOUBLE, Stage.MULTIPLICITY), LLR_FDR(DOUBLE, Stage.MULTIPLICITY);

    /** What fills a column: the per-pair scoring, the per-drug likelihood ratio test, or the whole screen's FDR. */
    public enum Stage {
        SCORING, LIKELIHOOD_RATIO, MULTIPLICITY
    }

    private final OutputColumn column;
    private final Stage stage;

    SignalColumn(OutputColumn.Type type) {
        this(type, Stage.SCORING);
    }

    SignalColumn(OutputColumn.Type type, Stage stage) {
        this.column = new OutputColumn(name().toLowerCase(Locale.ROOT), type);
        this.stage = stage;
    }

    /** The column's name in the files, e.g. {@code prr_lower}. */
    public String column() {
        return column.name();
    }

    /** The stage of the analysis that fills it. */
    public Stage stage() {
        return stage;
    }

    /** The column with its type. */
    public OutputColumn typed() {
        return column;
    }

    /** Every column, in order. */
    public static final List<OutputColumn> COLUMNS = Arrays.stream(values()).map(c -> c.column).toList();

    /** The columns the per-pair scoring fills, in order. */
    public static final List<SignalColumn> SCORED = Arrays.stream(values()).filter(c -> c.stage == Stage.SCORING)
            .toList();

    /** The columns filled before the false discovery rates, in order: the scoring's and the test's. */
    public static final List<SignalColumn> TESTED = Arrays.stream(values())
            .filter(c -> c.stage != Stage.MULTIPLICITY).toList();
}
