package org.iago.disproportionality;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.iago.spark.SparkSchema;
import org.iago.stats.PairStatistics;
import org.iago.vocabulary.SignalColumn;

/**
 * A pair's row of the signal table ({@link SignalColumn}), its values placed by column: the per-pair statistics of
 * {@link PairStatistics} first, the likelihood ratio test's (computed by drug) after.
 */
final class PairScores {

    /** The signal table's columns as the Spark path's join and select type them and the driver's Parquet holds them. */
    static final StructType SCHEMA = SparkSchema.of(SignalColumn.COLUMNS);

    /** The columns of {@link #tested}: every column but the false discovery rates. */
    static final StructType TESTED_SCHEMA = SparkSchema.of(SignalColumn.TESTED.stream()
            .map(SignalColumn::typed).toList());

    /** The columns of {@link #scored}: every per-pair statistic and flag but the likelihood ratio test's. */
    static final StructType SCORED_SCHEMA = SparkSchema.of(SignalColumn.SCORED.stream()
            .map(SignalColumn::typed).toList());

    private PairScores() {
    }

    /**
     * One pair's values of every {@link SignalColumn} by {@link PairStatistics}, the likelihood ratio test's still
     * empty ({@link #withLikelihoodRatio}).
     */
    static Object[] values(PairStatistics statistics, Object drug, Object event, long a, long nDrug, long nEvent,
            long n, double expected) {
        PairStatistics.Score s = statistics.score(a, nDrug, nEvent, n, expected);
        Object[] v = new Object[SignalColumn.COLUMNS.size()];
        v[SignalColumn.DRUG.ordinal()] = drug;
        v[SignalColumn.EVENT.ordinal()] = event;
        v[SignalColumn.A.ordinal()] = s.a();
        v[SignalColumn.B.ordinal()] = s.b();
        v[SignalColumn.C.ordinal()] = s.c();
        v[SignalColumn.D.ordinal()] = s.d();
        v[SignalColumn.EXPECTED.ordinal()] = s.expected();
        v[SignalColumn.PRR.ordinal()] = s.prr().prr();
        v[SignalColumn.PRR_LOWER.ordinal()] = s.prr().lower();
        v[SignalColumn.PRR_UPPER.ordinal()] = s.prr().upper();
        v[SignalColumn.CHI2.ordinal()] = s.prr().chiSquaredYates();
        v[SignalColumn.ROR.ordinal()] = s.ror().ror();
        v[SignalColumn.ROR_LOWER.ordinal()] = s.ror().lower();
        v[SignalColumn.ROR_UPPER.ordinal()] = s.ror().upper();
        v[SignalColumn.IC.ordinal()] = s.ic().ic();
        v[SignalColumn.IC025.ordinal()] = s.ic().ic025();
        v[SignalColumn.IC975.ordinal()] = s.ic().ic975();
        if (s.mgps() != null) {    // no prior: EBGM's columns stay empty
            v[SignalColumn.EBGM.ordinal()] = s.mgps().ebgm();
            v[SignalColumn.EB05.ordinal()] = s.mgps().eb05();
            v[SignalColumn.EB95.ordinal()] = s.mgps().eb95();
        }
        v[SignalColumn.SIGNAL_PRR.ordinal()] = s.prrSignal();
        v[SignalColumn.SIGNAL_ROR.ordinal()] = s.rorSignal();
        v[SignalColumn.SIGNAL_IC.ordinal()] = s.icSignal();
        v[SignalColumn.SIGNAL_EBGM.ordinal()] = s.ebgmSignal();
        v[SignalColumn.PRR_P.ordinal()] = s.prrP();
        v[SignalColumn.ROR_P.ordinal()] = s.rorP();
        v[SignalColumn.IC_P0.ordinal()] = s.icNull();
        if (s.mgps() != null) {
            v[SignalColumn.EBGM_P0.ordinal()] = s.ebgmNull();
        }
        return v;
    }

    /** {@link #values} with the pair's likelihood ratio test: every column but the false discovery rates. */
    static Object[] withLikelihoodRatio(Object[] values, double llr, double p, boolean signal) {
        values[SignalColumn.LLR.ordinal()] = llr;
        values[SignalColumn.LLR_P.ordinal()] = p;
        values[SignalColumn.SIGNAL_LLR.ordinal()] = signal;
        return values;
    }

    /** A row of {@link #SCORED_SCHEMA}: {@link #values} without the likelihood ratio test's columns. */
    static Row scored(Object[] values) {
        return subset(values, SignalColumn.SCORED);
    }

    /** A row of {@link #TESTED_SCHEMA}, from every column's values. */
    static Row tested(Object[] values) {
        return subset(values, SignalColumn.TESTED);
    }

    private static Row subset(Object[] values, List<SignalColumn> columns) {
        Object[] subset = new Object[columns.size()];
        for (int i = 0; i < subset.length; i++) {
            subset[i] = values[columns.get(i).ordinal()];
        }
        return RowFactory.create(subset);
    }
}
