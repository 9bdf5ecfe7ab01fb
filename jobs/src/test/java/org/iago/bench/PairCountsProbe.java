package org.iago.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.iago.disproportionality.PairCounts;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.spark.IagoSpark;

/**
 * Benchmark probe: the all-pairs counts of {@code iago signals} (primary suspect, product, PT, unstratified: drug,
 * event, a, n_drug, n_event, n), {@link PairCounts#of} on {@link SignalInput#faers} as the signals job computes them,
 * executed to a no-op sink. It prints the time to build the input (the names of the keys, collected), the plan before
 * execution ({@code explain("formatted")}), the final adaptive plan, the wall time of the counting action, and a
 * checksum (pairs, Σa, Σn_drug, Σn_event, n) to compare with DuckDB's. With an output path it does the counts and
 * nothing else: they are written there as Parquet, as DuckDB's counts SQL writes its result, and only the timings and
 * the number of pairs (from the Parquet footers, a metadata read) are printed. bench/scale-benchmark.sh times it so,
 * as a process of its own beside DuckDB's.
 * <p>
 * Usage: {@code PairCountsProbe <lake> [shuffle partitions, default 16] [output Parquet folder]}
 */
public final class PairCountsProbe {

    private PairCountsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Lake lake = new Lake(Path.of(args[0]));
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long t = System.nanoTime();
        SparkSession spark = IagoSpark.session("pair-counts-probe", "local[*]", partitions);
        System.out.printf("session: %.1f s%n", (System.nanoTime() - t) / 1e9);
        List<QueryExecution> executed = new ArrayList<>();
        spark.listenerManager().register(new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                executed.add(qe);
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        });
        try {
            t = System.nanoTime();
            SignalInput input = SignalInput.faers(spark, lake, SignalInput.DrugLevel.PRODUCT,
                    SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);
            System.out.printf("input (names of %d drug and %d event keys): %.1f s%n", input.drugs().size(),
                    input.events().size(), (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            Dataset<Row> counts = PairCounts.of(input, false);
            System.out.printf("planning, with the marginals' action: %.1f s%n", (System.nanoTime() - t) / 1e9);
            if (args.length > 2) {
                // timed as a process beside DuckDB's: the counts and nothing else
                t = System.nanoTime();
                counts.write().mode("overwrite").parquet(args[2]);
                System.out.printf("== pair counts written in %.1f s%n", (System.nanoTime() - t) / 1e9);
                System.out.printf("pairs %d%n", spark.read().parquet(args[2]).count()); // from the Parquet footers
                return;
            }
            System.out.println("== plan before execution");
            counts.explain("formatted");
            t = System.nanoTime();
            counts.write().format("noop").mode("overwrite").save();
            System.out.printf("== pair counts executed in %.1f s%n", (System.nanoTime() - t) / 1e9);
            Thread.sleep(500); // the listener is called asynchronously
            if (!executed.isEmpty()) {
                System.out.println("== final plan of the execution");
                System.out.println(executed.get(executed.size() - 1).executedPlan());
            }
            Row check = counts.agg(count(lit(1)), sum("a"), sum("n_drug"), sum("n_event"), max("n")).first();
            System.out.printf("checksum: pairs %d, sum a %d, sum n_drug %d, sum n_event %d, n %d%n", check.getLong(0),
                    check.getLong(1), check.getLong(2), check.getLong(3), check.getLong(4));
        } finally {
            spark.stop();
        }
    }
}
