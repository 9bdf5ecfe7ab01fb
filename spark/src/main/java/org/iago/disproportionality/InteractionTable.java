package org.iago.disproportionality;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.IagoSpark;
import org.iago.stats.InteractionShrinkage;
import org.iago.vocabulary.InteractionColumn;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.RunLayout;

/**
 * Ω of every counted pair and event ({@link InteractionCounts}) as rows of {@link InteractionColumn}, written to
 * {@code <out>/interaction.csv} ({@code out} a local folder or one on HDFS or S3), sorted by pair in the order of the
 * settings, then event.
 */
public final class InteractionTable {

    /** The CSV header. */
    public static final List<String> COLUMNS = OutputColumn.names(InteractionColumn.COLUMNS);

    private final InteractionPairs pairs;
    private final InteractionShrinkage omega;

    /** @param pairs the settings: the pairs to count, and the {@code minReports} the signal rule takes */
    public InteractionTable(InteractionPairs pairs) {
        this.pairs = pairs;
        this.omega = InteractionShrinkage.withDefaults().withMinReports(pairs.minReports());
    }

    /** Whether Ω is measured at an event level: by PT or toxicity group, the levels {@link InteractionCounts} names. */
    public static boolean measures(SignalInput.EventLevel level) {
        return level == SignalInput.EventLevel.PT || level == SignalInput.EventLevel.GROUP;
    }

    /** What a measurement wrote: the pair–event rows and how many of them signal. */
    public record Summary(int rows, long signals) {
    }

    /**
     * Counts the configured pairs in curated FAERS ({@link InteractionCounts}) and writes their Ω: on the driver
     * ({@link InteractionCounts#onDriver}) when Spark's master is local and the lake's reports fit there
     * ({@link CuratedFaers#fits}), else by Spark in the session {@code spark} gives, started only then.
     *
     * @param local   whether Spark's master is local
     * @param hadoop  the Hadoop configuration of the lake's and the output's file systems
     * @param through last quarter to include, or null for all
     * @param out     the analysis folder: {@code interaction.csv} goes there
     */
    public Summary measure(boolean local, Supplier<SparkSession> spark, Configuration hadoop, Lake lake,
            SignalInput.EventLevel eventLevel, String through, Path out) throws IOException {
        List<InteractionCounts.Triple> triples;
        if (local && CuratedFaers.fits(hadoop, lake, List.of())) {
            triples = InteractionCounts.onDriver(hadoop, lake, pairs, eventLevel, through);
        } else {
            SparkSession session = spark.get();
            triples = IagoSpark.sizedForCuratedReports(session, lake,
                    () -> new InteractionCounts(session, lake).count(pairs, eventLevel, through));
        }
        List<Row> rows = rows(triples);
        CsvOutput.write(Publisher.of(out, hadoop), new Path(out, RunLayout.INTERACTION_CSV), COLUMNS, rows.iterator());
        int signal = InteractionColumn.COLUMNS.indexOf(InteractionColumn.SIGNAL);
        return new Summary(rows.size(), rows.stream().filter(r -> r.getBoolean(signal)).count());
    }

    /** One row per triple, in {@link InteractionColumn#COLUMNS} order. */
    public List<Row> rows(List<InteractionCounts.Triple> triples) {
        return triples.stream().map(this::row).toList();
    }

    private Row row(InteractionCounts.Triple t) {
        InteractionShrinkage.Counts n = t.counts();
        InteractionShrinkage.Result r = omega.compute(n);
        return RowFactory.create(t.pair().cart(), t.pair().concomitant(), t.event(), n.n111(), n.n11(), n.n101(),
                n.n10(), n.n011(), n.n01(), n.n001(), n.n00(), r.f11(), r.f10(), r.f01(), r.f00(), r.g11(),
                r.expected(), r.omega(), r.omega025(), r.omega975(), omega.signal(n.n111(), r));
    }
}
