package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.IagoSpark;
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
        return IagoSpark.sizedForCuratedReports(spark, lake, () -> {
            Column flagged = lit(false);
            for (SignalMethod m : SignalMethod.values()) {
                flagged = flagged.or(col(m.flag()).eqNullSafe(true));
            }
            List<Flagged> pairs = ParquetOutput.read(spark, new Path(out, RunLayout.SIGNAL_TABLE)).where(flagged)
                    .select(SignalColumn.DRUG.column(), SignalColumn.EVENT.column(), SignalColumn.IC025.column(),
                            SignalColumn.EB05.column()).collectAsList().stream()
                    .map(r -> new Flagged(r.getString(0), r.getString(1), (Double) r.get(2), (Double) r.get(3)))
                    .toList();
            return write(pairs, PriorityInputs.of(spark, lake, input, keys(pairs)),
                    Publisher.of(out, spark.sparkContext().hadoopConfiguration()), out);
        });
    }

    /**
     * {@link #write} for an analysis that ran on the driver: its flagged pairs taken from the scored rows it holds,
     * the counts from {@link PriorityInputs#onDriver}; no Spark job.
     *
     * @param scored the analysis's rows ({@link org.iago.vocabulary.SignalColumn}), as it wrote them
     */
    static int writeOnDriver(Configuration hadoop, Lake lake, DriverInput input, List<Row> scored, Path out)
            throws IOException {
        int[] flags = Arrays.stream(SignalMethod.values())
                .mapToInt(m -> DisproportionalityJob.COLUMNS.indexOf(m.flag())).toArray();
        int drug = DisproportionalityJob.COLUMNS.indexOf(SignalColumn.DRUG.column());
        int event = DisproportionalityJob.COLUMNS.indexOf(SignalColumn.EVENT.column());
        int ic025 = DisproportionalityJob.COLUMNS.indexOf(SignalColumn.IC025.column());
        int eb05 = DisproportionalityJob.COLUMNS.indexOf(SignalColumn.EB05.column());
        List<Flagged> pairs = new ArrayList<>();
        for (Row r : scored) {
            if (Arrays.stream(flags).anyMatch(f -> !r.isNullAt(f) && r.getBoolean(f))) {
                pairs.add(new Flagged(r.getString(drug), r.getString(event), (Double) r.get(ic025),
                        (Double) r.get(eb05)));
            }
        }
        return write(pairs, PriorityInputs.onDriver(hadoop, lake, input, keys(pairs)), Publisher.of(out, hadoop),
                out);
    }

    /** A flagged pair with its strength; a bound is null when the analysis left it empty. */
    private record Flagged(String drug, String event, Double ic025, Double eb05) {
    }

    private static List<PriorityInputs.Pair> keys(List<Flagged> pairs) {
        return pairs.stream().map(p -> new PriorityInputs.Pair(p.drug(), p.event())).toList();
    }

    private static int write(List<Flagged> pairs, Map<PriorityInputs.Pair, PriorityInputs.Counts> counts,
            Publisher publisher, Path out) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (Flagged f : pairs) {
            PriorityInputs.Counts c = counts.getOrDefault(new PriorityInputs.Pair(f.drug(), f.event()),
                    new PriorityInputs.Counts(0, 0, 0, 0, Double.NaN));
            double ic025 = f.ic025() == null ? Double.NaN : f.ic025();
            double eb05 = f.eb05() == null ? Double.NaN : f.eb05();
            SignalPriority.Result p = SignalPriority.withDefaults().score(new SignalPriority.Inputs(ic025, eb05,
                    c.reports(), c.recent(), c.serious(), c.countries(), c.completeness()));
            // unknown bounds and completeness stay empty, as in the signal table
            rows.add(new Object[] {f.drug(), f.event(), f.ic025(), f.eb05(), c.reports(), c.recent(),
                    c.serious(), c.countries(), Double.isNaN(c.completeness()) ? null : c.completeness(),
                    p.strength(), p.recency(), p.seriousness(),
                    p.spread(), p.completeness(), p.priority()});
        }
        int priority = PriorityColumn.PRIORITY.ordinal();
        rows.sort(Comparator.comparing((Object[] row) -> -(double) row[priority])
                .thenComparing(row -> (String) row[0]).thenComparing(row -> (String) row[1]));
        CsvOutput.write(publisher, new Path(out, RunLayout.PRIORITY_CSV), OutputColumn.names(PriorityColumn.COLUMNS),
                rows.stream().map(RowFactory::create).iterator());
        return rows.size();
    }
}
