package org.iago.disproportionality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
        Path target = new Path(out, RunLayout.EMERGENCE_SERIES);
        Path staged = publisher.staging(target);
        List<Object[]> priors = new ArrayList<>();
        for (String quarter : quarters) {
            ScoredPairs analysis = analysisThrough.apply(quarter);
            // the folder name gives the series its quarter column
            analysis.stage(publisher, new Path(staged, "quarter=" + quarter));
            analysis.unpersist();
            priors.add(SignalOutputs.priorRow(quarter, analysis));
        }
        CsvOutput.write(publisher, new Path(out, RunLayout.EMERGENCE_PRIORS_CSV), List.of("quarter", "pairs", "fitted",
                "alpha1", "beta1", "alpha2", "beta2", "p", "failure"),
                priors.stream().map(RowFactory::create).iterator());
        publisher.replace(staged, target);
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
}
