package org.iago.disproportionality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.stats.ReportingOddsRatio;
import org.iago.stats.TwoByTwo;
import org.iago.vocabulary.ComparatorColumn;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ROR of every CAR-T drug and event in every written subset ({@link Comparators#written}) as rows of
 * {@link ComparatorColumn}, written to {@code <out>/comparators.csv}, sorted by drug, event, then subset in the order
 * of the settings. A subset holding no report is written with empty cells as zeros and the ROR NaN, so that every
 * pair has the same rows.
 */
public final class ComparatorTable {

    /** The CSV header. */
    public static final List<String> COLUMNS = OutputColumn.names(ComparatorColumn.COLUMNS);

    private static final Logger LOG = LoggerFactory.getLogger(ComparatorTable.class);

    private final Comparators comparators;

    public ComparatorTable(Comparators comparators) {
        this.comparators = comparators;
    }

    /** What a measurement wrote: the rows, and the drug–event pairs they are of. */
    public record Summary(int rows, int pairs) {
    }

    /**
     * Counts the subsets in curated FAERS ({@link ComparatorCounts}) and writes their ROR.
     *
     * @param spark   the session, started only when the count needs Spark ({@link ComparatorCounts})
     * @param hadoop  the file systems' configuration
     * @param local   whether Spark's master is local
     * @param through last quarter to include, or null for all
     * @param out     the analysis folder: {@code comparators.csv} goes there
     */
    public Summary measure(Supplier<SparkSession> spark, Configuration hadoop, boolean local, Lake lake,
            SignalInput.DrugLevel drugLevel, SignalInput.EventLevel eventLevel, SignalInput.Roles roles, String through,
            Path out) throws IOException {
        long start = System.nanoTime();
        SubsetCounts counts = new ComparatorCounts(spark, hadoop, local, lake).count(comparators, drugLevel,
                eventLevel, roles, through);
        LOG.info("counted {} subsets of the CAR-T drugs' pairs in {} s", comparators.counted().size(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        List<Row> rows = rows(counts);
        Publisher storage = Publisher.of(out, hadoop);
        CsvOutput.write(storage, new Path(out, RunLayout.COMPARATORS_CSV), COLUMNS, rows.iterator());
        return new Summary(rows.size(), counts.pairs().values().stream().mapToInt(Map::size).sum());
    }

    /** One row per drug, event and written subset, in {@link ComparatorColumn#COLUMNS} order. */
    public List<Row> rows(SubsetCounts counts) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, SortedMap<String, long[]>> drug : counts.pairs().entrySet()) {
            for (String event : drug.getValue().keySet()) {
                for (Comparators.Subset s : comparators.written()) {
                    Optional<TwoByTwo> table = counts.table(drug.getKey(), event, counts.subsets().indexOf(s));
                    TwoByTwo cells = table.orElse(null);
                    ReportingOddsRatio.Result ror = table.map(ReportingOddsRatio.withDefaults()::compute)
                            .orElse(new ReportingOddsRatio.Result(Double.NaN, Double.NaN, Double.NaN));
                    rows.add(RowFactory.create(drug.getKey(), event, s.comparator().label(), s.subgroup(),
                            cells == null ? 0L : cells.a(), cells == null ? 0L : cells.b(),
                            cells == null ? 0L : cells.c(), cells == null ? 0L : cells.d(), ror.ror(), ror.lower(),
                            ror.upper()));
                }
            }
        }
        return rows;
    }
}
