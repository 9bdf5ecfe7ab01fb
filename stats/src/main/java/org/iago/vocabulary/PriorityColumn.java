package org.iago.vocabulary;

import static org.iago.vocabulary.OutputColumn.Type.DOUBLE;
import static org.iago.vocabulary.OutputColumn.Type.LONG;
import static org.iago.vocabulary.OutputColumn.Type.TEXT;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a FAERS analysis's review priority ({@value RunLayout#PRIORITY_CSV}), in their order: per flagged
 * pair the inputs of {@code org.iago.stats.SignalPriority}, its terms and the score. A row is indexed by
 * {@link #ordinal()}.
 */
public enum PriorityColumn {
    DRUG(TEXT), EVENT(TEXT),
    IC025(DOUBLE), EB05(DOUBLE),
    REPORTS(LONG), RECENT_REPORTS(LONG), SERIOUS_REPORTS(LONG), COUNTRIES(LONG), COMPLETENESS(DOUBLE),
    STRENGTH_TERM(DOUBLE), RECENCY_TERM(DOUBLE), SERIOUSNESS_TERM(DOUBLE), SPREAD_TERM(DOUBLE),
    COMPLETENESS_TERM(DOUBLE),
    PRIORITY(DOUBLE);

    private final OutputColumn column;

    PriorityColumn(OutputColumn.Type type) {
        this.column = new OutputColumn(name().toLowerCase(Locale.ROOT), type);
    }

    /** The column's name in the file, e.g. {@code recent_reports}. */
    public String column() {
        return column.name();
    }

    /** Every column, in order. */
    public static final List<OutputColumn> COLUMNS = Arrays.stream(values()).map(c -> c.column).toList();
}
