package org.iago.disproportionality;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.Publisher;
import org.iago.spark.IagoSpark;
import org.iago.stats.SignalThresholds;
import org.iago.vocabulary.Quarter;
import org.iago.vocabulary.RunLayout;

/**
 * {@code iago signals} on curated FAERS as a Spark application: {@link DisproportionalityJob#run} on
 * {@link SignalInput#faers}, with the options and defaults of the command line. The master and every Spark setting
 * come from {@code spark-submit}. Writes {@code <out>/disproportionality/} (Parquet),
 * {@code <out>/disproportionality.csv}, {@code <out>/mgps_prior.json} and {@code <out>/priority.csv}. The lake and
 * output are local paths (a shared mount on a cluster), {@code hdfs://} or {@code s3a://} URIs ({@link Publisher},
 * docs/cluster.md); the lake, only read, may be on any file system Hadoop reads; {@code iago.yaml} is read from the
 * driver's disk.
 * <pre>
 * spark-submit --class org.iago.disproportionality.SignalsJob iago-spark-&lt;version&gt;-app.jar &lt;lake&gt; &lt;out&gt;
 *     &lt;conf/iago.yaml&gt; [--drug-level product|ingredient|target] [--event-level pt|group|hlt|hlgt|soc]
 *     [--roles ps|suspect|all] [--strata col[,col...]] [--background all|cart] [--through YYYYQn]
 * </pre>
 * Case tables ({@code --source cases:<name>}) and {@code --by-quarter} remain with {@code bin/iago signals}.
 */
public final class SignalsJob {

    private static final Set<String> OPTIONS = Set.of("--drug-level", "--event-level", "--roles", "--strata",
            "--background", "--through");

    private static final String USAGE = "usage: SignalsJob <lake> <out> <iago.yaml> [--drug-level product|ingredient"
            + "|target] [--event-level pt|group|hlt|hlgt|soc] [--roles ps|suspect|all] [--strata col[,col...]]"
            + " [--background all|cart] [--through YYYYQn]";

    private SignalsJob() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || (args.length - 3) % 2 != 0) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || options.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException("unknown or repeated option '" + args[i] + "'; " + USAGE);
            }
        }
        Lake lake = Lake.at(args[0]);      // only read, so it may be on any file system
        Path out = Publisher.requirePublishable(LakePaths.location(args[1]));
        SignalThresholds thresholds = SignalThresholds.load(LakePaths.local(args[2]));
        SignalInput.DrugLevel drugLevel = SignalInput.option(SignalInput.DrugLevel.class,
                options.getOrDefault("--drug-level", "product"));
        SignalInput.EventLevel eventLevel = SignalInput.option(SignalInput.EventLevel.class,
                options.getOrDefault("--event-level", "pt"));
        SignalInput.Roles roles = SignalInput.option(SignalInput.Roles.class, options.getOrDefault("--roles", "ps"));
        List<String> strata = options.containsKey("--strata")
                ? Arrays.stream(options.get("--strata").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        boolean cartOnly = switch (options.getOrDefault("--background", "all").toLowerCase(Locale.ROOT)) {
            case "all" -> false;
            case "cart" -> true;
            default -> throw new IllegalArgumentException("--background must be all or cart");
        };
        String through = options.containsKey("--through") ? Quarter.parse(options.get("--through")).toString() : null;

        SparkSession spark = IagoSpark.application("iago-signals");
        try {
            SignalInput input = SignalInput.faers(spark, lake, drugLevel, eventLevel, roles, strata, through,
                    cartOnly);
            DisproportionalityJob.Result result = new DisproportionalityJob(spark, thresholds).run(input,
                    !strata.isEmpty(), out);
            PriorityOutput.write(spark, lake, input, out);
            // the MGPS prior (or why it could not be fitted) is in mgps_prior.json
            System.out.printf(Locale.ROOT, "signals: %d drug-event pairs; MGPS prior in %s%n", result.pairs(),
                    new Path(out, RunLayout.MGPS_PRIOR));
            System.out.println("  pairs signalling per method: " + result.signalsPerMethod());
            System.out.println("  outputs: " + out);
        } finally {
            spark.stop();
        }
    }
}
