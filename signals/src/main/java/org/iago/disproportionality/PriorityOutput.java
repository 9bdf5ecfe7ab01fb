package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.ParquetOutput;
import org.iago.stats.SignalPriority;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.PriorityColumn;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalColumn;
import org.iago.vocabulary.SignalMethod;

/**
 * {@value RunLayout#PRIORITY_CSV} of a FAERS analysis: its flagged pairs (any method's flag true in the signal table
 * it has just written) with {@link PriorityInputs}' counts, {@link SignalPriority}'s terms and score; highest
 * priority first, ties by drug and event.
 */
public final class PriorityOutput {

    private PriorityOutput() {
    }

    /** Reads {@code <out>/disproportionality/}, writes {@code <out>/priority.csv}; returns the rows written. */
    public static int write(SparkSession spark, Lake lake, SignalInput input, Path out) throws IOException {
        return CuratedFaers.sparkSized(spark, lake, () -> compute(spark, lake, input, out));
    }

    private static int compute(SparkSession spark, Lake lake, SignalInput input, Path out) throws IOException {
        Column flagged = lit(false);
        for (SignalMethod m : SignalMethod.values()) {
            flagged = flagged.or(col(m.flag()).eqNullSafe(true));
        }
        List<Row> pairs = ParquetOutput.read(spark, new Path(out, RunLayout.SIGNAL_TABLE)).where(flagged)
                .select(SignalColumn.DRUG.column(), SignalColumn.EVENT.column(), SignalColumn.IC025.column(),
                        SignalColumn.EB05.column()).collectAsList();
        List<PriorityInputs.Pair> keys = pairs.stream()
                .map(r -> new PriorityInputs.Pair(r.getString(0), r.getString(1))).toList();
        Map<PriorityInputs.Pair, PriorityInputs.Counts> counts = PriorityInputs.of(spark, lake, input, keys);
        List<Object[]> rows = new ArrayList<>();
        for (Row r : pairs) {
            PriorityInputs.Counts c = counts.getOrDefault(new PriorityInputs.Pair(r.getString(0), r.getString(1)),
                    new PriorityInputs.Counts(0, 0, 0, 0, Double.NaN));
            double ic025 = r.isNullAt(2) ? Double.NaN : r.getDouble(2);
            double eb05 = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
            SignalPriority.Result p = SignalPriority.withDefaults().score(new SignalPriority.Inputs(ic025, eb05,
                    c.reports(), c.recent(), c.serious(), c.countries(), c.completeness()));
            // unknown bounds and completeness stay empty, as in the signal table
            rows.add(new Object[] {r.getString(0), r.getString(1), r.get(2), r.get(3), c.reports(), c.recent(),
                    c.serious(), c.countries(), Double.isNaN(c.completeness()) ? null : c.completeness(),
                    p.strength(), p.recency(), p.seriousness(),
                    p.spread(), p.completeness(), p.priority()});
        }
        int priority = PriorityColumn.PRIORITY.ordinal();
        rows.sort(Comparator.comparing((Object[] row) -> -(double) row[priority])
                .thenComparing(row -> (String) row[0]).thenComparing(row -> (String) row[1]));
        CsvOutput.write(Publisher.of(out, spark.sparkContext().hadoopConfiguration()),
                new Path(out, RunLayout.PRIORITY_CSV), OutputColumn.names(PriorityColumn.COLUMNS),
                rows.stream().map(RowFactory::create).iterator());
        return rows.size();
    }
}
