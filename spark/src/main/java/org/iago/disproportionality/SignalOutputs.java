package org.iago.disproportionality;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iago.lake.Publisher;
import org.iago.spark.CsvOutput;
import org.iago.spark.ParquetOutput;
import org.iago.spark.ParquetTable;
import org.iago.stats.mgps.MgpsFit;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outputs of an analysis in its folder: {@code disproportionality/} (Parquet), {@code disproportionality.csv}
 * (sorted by drug, then event, every number at full precision) and {@code mgps_prior.json}; and the CSVs of the
 * emergence series' priors. The folder is local or on HDFS or S3 ({@link Publisher}).
 */
final class SignalOutputs {

    private static final Logger LOG = LoggerFactory.getLogger(SignalOutputs.class);

    private SignalOutputs() {
    }

    static DisproportionalityJob.Result write(ScoredPairs analysis, Publisher storage, Path out) throws IOException {
        storage.createDirectories(out);
        long writeStart = System.nanoTime();
        Path parquet = new Path(out, RunLayout.SIGNAL_TABLE);
        Path csv = new Path(out, RunLayout.SIGNAL_CSV);
        FlagCounts flagged;
        if (analysis.sorted() != null) {
            // the driver's rows are encoded as Parquet on a second thread while this one writes the CSV
            FutureTask<byte[]> encoding = new FutureTask<>(() -> ParquetTable.bytes(PairScores.SCHEMA,
                    analysis.sorted()));
            Thread encoder = new Thread(encoding, "parquet-encode");
            encoder.setDaemon(true);
            encoder.start();
            flagged = new FlagCounts(analysis.sorted().iterator());
            CsvOutput.write(storage, csv, DisproportionalityJob.COLUMNS, flagged);
            LOG.info("wrote the CSV in {} s", SignalAnalysis.secondsSince(writeStart));
            ParquetTable.publish(storage, SignalAnalysis.finished(encoding), parquet);
            LOG.info("wrote the Parquet table in {} s", SignalAnalysis.secondsSince(writeStart));
        } else {
            Dataset<Row> scored = analysis.scored();
            Path staged = storage.staging(parquet);
            ParquetOutput.stage(scored, staged);
            storage.replace(staged, parquet);
            LOG.info("wrote the Parquet table in {} s", SignalAnalysis.secondsSince(writeStart));
            writeStart = System.nanoTime();
            flagged = new FlagCounts(scored.orderBy("drug", "event").toLocalIterator());
            CsvOutput.write(storage, csv, DisproportionalityJob.COLUMNS, flagged);
            LOG.info("wrote the CSV in {} s", SignalAnalysis.secondsSince(writeStart));
        }
        Map<String, Long> signals = new LinkedHashMap<>();
        for (SignalMethod m : SignalMethod.values()) {
            signals.put(m.flag(), flagged.counts[m.ordinal()]);
        }
        storage.writeJson(new Path(out, RunLayout.MGPS_PRIOR), priorJson(analysis.prior(), analysis.pairs()));
        analysis.unpersist();
        return new DisproportionalityJob.Result(analysis.pairs(), analysis.prior(), signals);
    }

    /**
     * The rows on their way to the CSV, each method's flagged pairs counted as they pass: every row passes once, so
     * the counts need no pass of their own (on the Spark path, no job over the pairs).
     */
    private static final class FlagCounts implements Iterator<Row> {
        private static final int[] FLAGS = Arrays.stream(SignalMethod.values())
                .mapToInt(m -> DisproportionalityJob.COLUMNS.indexOf(m.flag())).toArray();
        private final Iterator<Row> rows;
        /** By method ordinal. */
        private final long[] counts = new long[FLAGS.length];

        FlagCounts(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Row next() {
            Row r = rows.next();
            for (int m = 0; m < FLAGS.length; m++) {
                if (!r.isNullAt(FLAGS[m]) && r.getBoolean(FLAGS[m])) {
                    counts[m]++;
                }
            }
            return r;
        }
    }

    static void writeCsv(Publisher storage, Dataset<Row> sorted, Path target) throws IOException {
        CsvOutput.write(storage, target, List.of(sorted.columns()), sorted.toLocalIterator());
    }

    static Object[] priorRow(String quarter, ScoredPairs analysis) {
        DisproportionalityJob.PriorFit prior = analysis.prior();
        if (!prior.fitted()) {
            // the first sentence; mgps_prior.json of a whole analysis keeps every start
            String why = prior.failure().split("; ", 2)[0];
            return new Object[] {quarter, analysis.pairs(), false, null, null, null, null, null, why};
        }
        MgpsPrior p = prior.fit().prior();
        return new Object[] {quarter, analysis.pairs(), true, p.alpha1(), p.beta1(), p.alpha2(), p.beta2(),
                p.mixtureFraction(), null};
    }

    private static Map<String, Object> priorJson(DisproportionalityJob.PriorFit prior, long pairs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fitted", prior.fitted());
        if (prior.fitted()) {
            MgpsFit fit = prior.fit();
            MgpsPrior p = fit.prior();
            json.put("alpha1", p.alpha1());
            json.put("beta1", p.beta1());
            json.put("alpha2", p.alpha2());
            json.put("beta2", p.beta2());
            json.put("p", p.mixtureFraction());
            json.put("negativeLogLikelihood", fit.negativeLogLikelihood());
            json.put("convergedStarts", fit.convergedStarts());
            json.put("agreeingStarts", fit.agreeingStarts());
            json.put("onBoundary", fit.onBoundary());
        } else {
            json.put("failure", prior.failure());
        }
        json.put("pairs", pairs);
        return json;
    }
}
