package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.ParquetOutput;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalMethod;

/**
 * Emergence over time ({@link DisproportionalityJob#emergence}): the whole analysis, prior included, at each quarter
 * on the reports up to it, written as the series {@code emergence_series/} (Parquet), {@code emergence_priors.csv},
 * {@code emergence_series.csv} for chosen drugs, and {@code emergence.csv}, the first quarter each method flagged each
 * pair.
 */
final class EmergenceSeries {

    private EmergenceSeries() {
    }

    static void write(SparkSession spark, Function<String, ScoredPairs> analysisThrough, List<String> quarters,
            Path out, Set<String> seriesCsvDrugs) throws IOException {
        Publisher publisher = Publisher.of(out, spark.sparkContext().hadoopConfiguration());
        Path target = stage(publisher, analysisThrough, quarters, out, (quarter, analysis) -> { });
        Dataset<Row> series = ParquetOutput.read(spark, target);
        List<Column> seriesColumns = new ArrayList<>(List.of(col("quarter")));
        DisproportionalityJob.COLUMNS.forEach(c -> seriesColumns.add(col(c)));
        SignalOutputs.writeCsv(publisher, series.where(col("drug").isin(seriesCsvDrugs.toArray()))
                .select(seriesColumns.toArray(Column[]::new)).orderBy("drug", "event", "quarter"),
                new Path(out, RunLayout.EMERGENCE_SERIES_CSV));
        List<Column> firsts = new ArrayList<>();
        for (SignalMethod m : SignalMethod.values()) {
            firsts.add(min(when(col(m.flag()), col("quarter"))).as(m.firstQuarter()));
        }
        Dataset<Row> first = series.groupBy("drug", "event").agg(firsts.get(0),
                firsts.subList(1, firsts.size()).toArray(Column[]::new));
        SignalOutputs.writeCsv(publisher, first.orderBy("drug", "event"), new Path(out, RunLayout.EMERGENCE_CSV));
    }

    /**
     * {@link #write} of analyses that ran on the driver ({@link ScoredPairs#sorted}): the two CSVs are made from the
     * rows in memory as each quarter passes, in Spark's order of strings, so they are the bytes the Spark queries of
     * {@link #write} give, without a Spark job.
     */
    static void writeOnDriver(Publisher publisher, Function<String, ScoredPairs> analysisThrough,
            List<String> quarters, Path out, Set<String> seriesCsvDrugs) throws IOException {
        int drug = DisproportionalityJob.COLUMNS.indexOf("drug");
        int event = DisproportionalityJob.COLUMNS.indexOf("event");
        int[] flags = Arrays.stream(SignalMethod.values()).mapToInt(m -> DisproportionalityJob.COLUMNS.indexOf(m.flag()))
                .toArray();
        Comparator<String> sparkOrder = (x, y) -> UTF8String.fromString(x).binaryCompare(UTF8String.fromString(y));
        Comparator<List<String>> byPair = Comparator.comparing((List<String> p) -> p.get(0), sparkOrder)
                .thenComparing(p -> p.get(1), sparkOrder);
        // per pair: its rows of the series CSV, and the first quarter each method flagged it
        Map<List<String>, List<Row>> seriesRows = new TreeMap<>(byPair);
        Map<List<String>, String[]> firstQuarters = new TreeMap<>(byPair);
        stage(publisher, analysisThrough, quarters, out, (quarter, analysis) -> {
            for (Row r : analysis.sorted()) {
                List<String> pair = List.of(r.getString(drug), r.getString(event));
                String[] first = firstQuarters.computeIfAbsent(pair, p -> new String[flags.length]);
                for (int m = 0; m < flags.length; m++) {
                    // quarters come in order: the first flagged is the least, as min() takes it
                    if (first[m] == null && !r.isNullAt(flags[m]) && r.getBoolean(flags[m])) {
                        first[m] = quarter;
                    }
                }
                if (seriesCsvDrugs.contains(pair.get(0))) {
                    Object[] values = new Object[r.size() + 1];
                    values[0] = quarter;
                    for (int i = 0; i < r.size(); i++) {
                        values[i + 1] = r.get(i);
                    }
                    seriesRows.computeIfAbsent(pair, p -> new ArrayList<>()).add(RowFactory.create(values));
                }
            }
        });
        List<String> seriesHeader = new ArrayList<>(List.of("quarter"));
        seriesHeader.addAll(DisproportionalityJob.COLUMNS);
        CsvOutput.write(publisher, new Path(out, RunLayout.EMERGENCE_SERIES_CSV), seriesHeader,
                seriesRows.values().stream().flatMap(List::stream).iterator());
        List<String> firstHeader = new ArrayList<>(List.of("drug", "event"));
        Arrays.stream(SignalMethod.values()).forEach(m -> firstHeader.add(m.firstQuarter()));
        CsvOutput.write(publisher, new Path(out, RunLayout.EMERGENCE_CSV), firstHeader,
                firstQuarters.entrySet().stream().map(e -> {
                    Object[] values = new Object[2 + flags.length];
                    values[0] = e.getKey().get(0);
                    values[1] = e.getKey().get(1);
                    System.arraycopy(e.getValue(), 0, values, 2, flags.length);
                    return RowFactory.create(values);
                }).iterator());
    }

    /**
     * Stages and publishes {@code emergence_series/} and writes {@code emergence_priors.csv}, handing each quarter's
     * analysis to {@code seen} before it is let go; returns the series' folder.
     */
    private static Path stage(Publisher publisher, Function<String, ScoredPairs> analysisThrough,
            List<String> quarters, Path out, BiConsumer<String, ScoredPairs> seen) throws IOException {
        Path target = new Path(out, RunLayout.EMERGENCE_SERIES);
        Path staged = publisher.staging(target);
        List<Object[]> priors = new ArrayList<>();
        for (String quarter : quarters) {
            ScoredPairs analysis = analysisThrough.apply(quarter);
            // the folder name gives the series its quarter column
            analysis.stage(publisher, new Path(staged, "quarter=" + quarter));
            seen.accept(quarter, analysis);
            analysis.unpersist();
            priors.add(SignalOutputs.priorRow(quarter, analysis));
        }
        CsvOutput.write(publisher, new Path(out, RunLayout.EMERGENCE_PRIORS_CSV), List.of("quarter", "pairs", "fitted",
                "alpha1", "beta1", "alpha2", "beta2", "p", "failure"),
                priors.stream().map(RowFactory::create).iterator());
        publisher.replace(staged, target);
        return target;
    }
}
