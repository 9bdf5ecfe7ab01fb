package org.iago.disproportionality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.IagoSpark;
import org.iago.stats.MaskingRatio;
import org.iago.stats.SignalThresholds;
import org.iago.vocabulary.MaskingColumn;
import org.iago.vocabulary.OutputColumn;
import org.iago.vocabulary.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CAR-T drugs' pairs of a FAERS analysis beside themselves without their strongest maskers and without their
 * competing events ({@link MaskingCounts}, {@link MaskingRatio}), as rows of {@link MaskingColumn}, written to
 * {@code <out>/masking.csv} next to the analysis's {@code disproportionality/}, which it reads: per pair the main
 * estimate ({@code none}), each masker, all maskers, the competing events; by drug, then event. The PRR and ROR rules
 * of the analysis's thresholds flag each row, so a reviewer sees a signal appear or vanish.
 */
public final class MaskingTable {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingTable.class);

    /** The CSV header. */
    public static final List<String> COLUMNS = OutputColumn.names(MaskingColumn.COLUMNS);

    private final MaskingSettings settings;
    private final SignalThresholds thresholds;

    /**
     * @param settings   how many maskers and competing events, and the least reports of a pair
     * @param thresholds the PRR and ROR rules that flag each row
     */
    public MaskingTable(MaskingSettings settings, SignalThresholds thresholds) {
        this.settings = settings;
        this.thresholds = thresholds;
    }

    /**
     * What a measurement wrote: the pairs examined, and those the ROR rule flags only once maskers or competing events
     * are removed.
     */
    public record Summary(int pairs, long unmasked) {
    }

    /**
     * Examines the CAR-T drugs' pairs of an analysis already written to {@code out}: on the driver, from the lake's
     * reports and the pair table read with parquet-java, when Spark's master is local and the reports fit there
     * ({@link CuratedFaers#fits}, as {@link DisproportionalityJob#runFaers} decides); else counting the removals by
     * Spark over the analysis's reports, in the session {@code spark} gives, started only then.
     *
     * @param analysis the analysis's settings, as {@link DisproportionalityJob#runFaers} took them
     * @param local    whether Spark's master is local
     * @param hadoop   the Hadoop configuration of the lake's and the output's file systems
     * @param out      the analysis folder: {@code disproportionality/} is read there and {@code masking.csv} written
     */
    public Summary measure(DisproportionalityJob.FaersAnalysis analysis, boolean local, Supplier<SparkSession> spark,
            Configuration hadoop, Path out) throws IOException {
        Lake lake = analysis.lake();
        long start = System.nanoTime();
        List<MaskingCounts.Counted> counted;
        Path table = new Path(out, RunLayout.SIGNAL_TABLE);
        if (local && CuratedFaers.fits(hadoop, lake, analysis.strata())) {
            DriverInput input = CuratedFaers.read(hadoop, lake, analysis.drugLevel(), analysis.eventLevel(),
                    analysis.roles(), analysis.strata(), analysis.cartOnly());
            input = analysis.through() == null ? input : input.through(analysis.through());
            List<MaskingCounts.Pair> pairs = MaskingCounts.pairs(CuratedFaers.tableRows(hadoop, table,
                    MaskingCounts.TABLE_COLUMNS), CuratedFaers.cartDrugs(hadoop, lake, analysis.drugLevel()),
                    settings);
            counted = MaskingCounts.onDriver(input, pairs);
        } else {
            SparkSession session = spark.get();
            counted = IagoSpark.sizedForCuratedReports(session, lake, () -> {
                SignalInput input = SignalInput.faers(session, lake, analysis.drugLevel(), analysis.eventLevel(),
                        analysis.roles(), analysis.strata(), analysis.through(), analysis.cartOnly());
                List<MaskingCounts.Pair> pairs = MaskingCounts.pairs(session, table,
                        SignalInput.cartDrugs(session, lake, analysis.drugLevel()), settings);
                LOG.info("chose the maskers and competing events of {} CAR-T drug-event pairs in {} s", pairs.size(),
                        SignalAnalysis.secondsSince(start));
                return MaskingCounts.count(input, pairs);
            });
        }
        LOG.info("counted their removals in {} s in all", SignalAnalysis.secondsSince(start));
        List<Row> rows = rows(counted);
        CsvOutput.write(Publisher.of(out, hadoop), new Path(out, RunLayout.MASKING_CSV), COLUMNS, rows.iterator());
        return new Summary(counted.size(), counted.stream().filter(this::unmasked).count());
    }

    /** Every pair's rows, in {@link MaskingColumn#COLUMNS} order. */
    public List<Row> rows(List<MaskingCounts.Counted> counted) {
        List<Row> rows = new ArrayList<>();
        for (MaskingCounts.Counted c : counted) {
            MaskingCounts.Pair p = c.pair();
            rows.add(row(p, MaskingColumn.Removal.NONE, "", MaskingRatio.Removal.NONE, Double.NaN));
            for (int m = 0; m < p.maskers().size(); m++) {
                MaskingCounts.Masker masker = p.maskers().get(m);
                rows.add(row(p, MaskingColumn.Removal.MASKER, masker.drug(), c.byMasker().get(m),
                        masker.ratioFromPairs()));
            }
            if (!p.maskers().isEmpty()) {
                rows.add(row(p, MaskingColumn.Removal.MASKERS, p.maskers().stream().map(MaskingCounts.Masker::drug)
                        .collect(Collectors.joining("; ")), c.allMaskers(), Double.NaN));
            }
            if (!p.competing().isEmpty()) {
                rows.add(row(p, MaskingColumn.Removal.COMPETING_EVENTS, String.join("; ", p.competing()),
                        c.competing(), Double.NaN));
            }
        }
        return rows;
    }

    /** Whether the ROR rule flags the pair only after one of its removals. */
    private boolean unmasked(MaskingCounts.Counted c) {
        if (flagged(c.pair(), MaskingRatio.Removal.NONE)) {
            return false;
        }
        return flagged(c.pair(), c.allMaskers()) || flagged(c.pair(), c.competing());
    }

    private boolean flagged(MaskingCounts.Pair p, MaskingRatio.Removal removal) {
        MaskingRatio.Result r = MaskingRatio.withDefaults().compute(p.table(), removal);
        return r.after() != null && thresholds.rorSignal(r.after().a(), r.rorAfter());
    }

    private Row row(MaskingCounts.Pair p, MaskingColumn.Removal kind, String removed, MaskingRatio.Removal removal,
            double ratioFromPairs) {
        MaskingRatio.Result r = MaskingRatio.withDefaults().compute(p.table(), removal);
        // a removal of every report leaves no table: zero cells, NaN estimates, no flag
        long[] cells = r.after() == null ? new long[4]
                : new long[] {r.after().a(), r.after().b(), r.after().c(), r.after().d()};
        boolean table = r.after() != null;
        return RowFactory.create(p.drug(), p.event(), kind.label(), removed, cells[0], cells[1], cells[2], cells[3],
                r.prrAfter().prr(), r.prrAfter().lower(), r.prrAfter().upper(), r.rorAfter().ror(),
                r.rorAfter().lower(), r.rorAfter().upper(), r.maskingRatio(), r.rorRatio(), ratioFromPairs,
                table && thresholds.prrSignal(cells[0], r.prrAfter()),
                table && thresholds.rorSignal(cells[0], r.rorAfter()));
    }
}
