package org.iago.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.iago.disproportionality.ComparatorTable;
import org.iago.disproportionality.Comparators;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.InteractionPairs;
import org.iago.disproportionality.InteractionTable;
import org.iago.disproportionality.MaskingSettings;
import org.iago.disproportionality.MaskingTable;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.vocabulary.Quarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code iago signals}: PRR, ROR, IC, EBGM and LRT for every drug–event pair. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Disproportionality for every drug-event pair with at least one report: a, b, c, d counted as "
                + "distinct reports, expected count (stratified with --strata), PRR with chi-squared, ROR, IC with "
                + "IC025/IC975, EBGM with EB05/EB95 (MGPS prior fitted to the data), LRT with Monte Carlo p-values, "
                + "and signal flags from --config.",
                "Writes <out>/disproportionality/ (Parquet), <out>/disproportionality.csv and <out>/mgps_prior.json; "
                + "from FAERS by PT or group, also <out>/interaction.csv: Omega of the drug pairs of --config's "
                + "interactions; with --masking, <out>/masking.csv: each CAR-T drug's pairs without their strongest "
                + "maskers and without its competing events; with --comparator or --subgroup, also "
                + "<out>/comparators.csv."})
public final class SignalsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--lake", required = true, paramLabel = "<dir>", description = "The lake (curated for FAERS).")
    Path lake;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder.")
    Path out;

    @Option(names = "--source", paramLabel = "faers|cases:<name>",
            description = "Curated FAERS (default) or a case table ingested with 'ingest cases'.")
    String source = "faers";

    @Option(names = "--drug-level", paramLabel = "product|ingredient|target",
            description = "CAR-T products by brand, by generic name, or pooled by target (default: product).")
    SignalInput.DrugLevel drugLevel = SignalInput.DrugLevel.PRODUCT;

    @Option(names = "--event-level", paramLabel = "pt|group|hlt|hlgt|soc",
            description = "Reported PTs (default), toxicity groups of conf/term-groups.yaml, or MedDRA HLT, HLGT, SOC "
                    + "(needs 'curate --meddra').")
    SignalInput.EventLevel eventLevel = SignalInput.EventLevel.PT;

    @Option(names = "--roles", paramLabel = "ps|suspect|all",
            description = "Drug roles counted: primary suspect (default), PS+SS, or all.")
    SignalInput.Roles roles = SignalInput.Roles.PS;

    @Option(names = "--strata", split = ",", paramLabel = "<col>",
            description = "Stratify the expected count: age_group, sex, year (FAERS) or the case table's strata.")
    List<String> strata = List.of();

    @Option(names = "--background", paramLabel = "all|cart",
            description = "Comparator: the whole database (default) or only reports naming a CAR-T product.")
    Background background = Background.ALL;

    @Option(names = "--through", paramLabel = "<YYYYQn>", converter = OptionValues.QuarterValue.class,
            description = "Only quarters up to this one.")
    Quarter through;

    @Option(names = "--by-quarter",
            description = "Also recompute everything cumulatively through each quarter: emergence_series/ and "
                    + "emergence.csv, the first quarter each method flagged each pair (FAERS only).")
    boolean byQuarter;

    @Option(names = "--priority",
            description = "Also the review priority of the flagged pairs (priority.csv; FAERS only). Spark reads the"
                    + " lake's reports and outcomes for it; the nightly always writes it.")
    boolean priority;

    @Option(names = "--interactions",
            description = "Also Omega of the drug pairs under 'interactions:' in the rules file (interaction.csv;"
                    + " FAERS by PT or group). The nightly writes it beside the target analysis.")
    boolean interactions;

    @Option(names = "--masking",
            description = "Also each CAR-T drug's pairs without their strongest maskers and without its most reported"
                    + " other events (masking.csv; FAERS only; settings under 'masking:' in the rules file). The"
                    + " nightly writes it beside the target analysis.")
    boolean masking;

    @Option(names = "--comparator", split = ",", paramLabel = "all|cart|indication",
            description = "Also the CAR-T drugs' ROR against these comparators (comparators.csv; FAERS only): every "
                    + "report, those naming a CAR-T product, those whose primary suspect is given for an indication of "
                    + "conf/indication-groups.yaml. Adds to --background, which keeps choosing the comparator of "
                    + "disproportionality.csv (default with --subgroup: all).")
    List<String> comparators = List.of();

    @Option(names = "--subgroup", split = ",", paramLabel = "adults|age_group|sex",
            description = "Also each comparator's ROR within these subgroups (comparators.csv; FAERS only).")
    List<String> subgroups = List.of();

    @Option(names = "--config", defaultValue = "${env:IAGO_HOME:-.}/conf/iago.yaml", paramLabel = "<yaml>",
            description = "Signal rules (default: ${DEFAULT-VALUE}).")
    Path config;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    /** The drug pairs of {@code --interactions}: those of the rules file, for FAERS by PT or group. */
    private InteractionPairs interactionPairs(boolean faers) throws java.io.IOException {
        Optional<InteractionPairs> pairs = InteractionPairs.load(config);
        if (!faers || pairs.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--interactions needs --source faers and the drug pairs"
                    + " under 'interactions:' in " + config);
        }
        if (!InteractionTable.measures(eventLevel)) {
            throw new ParameterException(spec.commandLine(), "--interactions needs --event-level pt or group");
        }
        return pairs.get();
    }

    /** Ω of the drug pairs, for every event reported with both. */
    private void measureInteractions(PrintWriter console, InteractionPairs pairs, Lake target,
            org.apache.hadoop.fs.Path location, Configuration hadoop) throws java.io.IOException {
        InteractionTable.Summary summary = new InteractionTable(pairs).measure(sparkOptions.local(),
                () -> sparkOptions.session("iago-signals"), hadoop, target, eventLevel,
                through == null ? null : through.toString(), location);
        console.printf("  drug-drug interactions: %d pair-events, %d signalling (Omega025 > 0, at least %d reports)%n",
                summary.rows(), summary.signals(), pairs.minReports());
    }

    /** The CAR-T drugs' pairs of the analysis just written, without their maskers and competing events. */
    private void measureMasking(PrintWriter console, DisproportionalityJob.FaersAnalysis analysis,
            SignalThresholds thresholds, org.apache.hadoop.fs.Path location, Configuration hadoop)
            throws java.io.IOException {
        MaskingTable.Summary summary = new MaskingTable(MaskingSettings.load(config), thresholds).measure(analysis,
                sparkOptions.local(), () -> sparkOptions.session("iago-signals"), hadoop, location);
        console.printf("  masking: %d CAR-T drug-event pairs, %d flagged by the ROR only without maskers or competing"
                + " events%n", summary.pairs(), summary.unmasked());
    }

    /** The subsets of {@code --comparator} and {@code --subgroup}, or null when neither is given. */
    private Comparators comparators(boolean faers) {
        if (comparators.isEmpty() && subgroups.isEmpty()) {
            return null;
        }
        if (!faers) {
            throw new ParameterException(spec.commandLine(), "--comparator and --subgroup need --source faers");
        }
        try {
            return Comparators.of(comparators.isEmpty() ? List.of(Comparators.WHOLE) : comparators, subgroups);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The comparator of the disproportionality: every report, or only those naming a CAR-T product. */
    enum Background { ALL, CART }

    @Override
    public Integer call() throws Exception {
        boolean faers = source.equals("faers");
        if (!faers && !(source.startsWith("cases:") && !byQuarter)) {
            throw new ParameterException(spec.commandLine(), "--source must be faers or cases:<name>, and"
                    + " --by-quarter needs faers: " + source);
        }
        if (!faers && !Lake.SOURCE_NAME.matcher(source.substring("cases:".length())).matches()) {
            throw new ParameterException(spec.commandLine(), "--source cases:<name> takes a name of letters, digits,"
                    + " '_', '.' or '-', as ingest cases gave it: " + source);
        }
        SignalThresholds thresholds = SignalThresholds.load(config);
        InteractionPairs pairs = interactions ? interactionPairs(faers) : null;
        if (masking && !faers) {
            throw new ParameterException(spec.commandLine(), "--masking needs --source faers");
        }
        Comparators subsets = comparators(faers);
        Lake target = new Lake(lake);
        Path output = out.toAbsolutePath().normalize();
        org.apache.hadoop.fs.Path location = LakePaths.location(output);
        DisproportionalityJob.Result result;
        Configuration hadoop = new Configuration();
        DisproportionalityJob.FaersAnalysis analysis = null;
        if (faers) {
            analysis = new DisproportionalityJob.FaersAnalysis(target, drugLevel, eventLevel, roles, strata,
                    through == null ? null : through.toString(), background == Background.CART, byQuarter, priority);
            result = DisproportionalityJob.runFaers(analysis, thresholds, sparkOptions.local(),
                    () -> sparkOptions.session("iago-signals"), hadoop, location);
        } else {
            result = DisproportionalityJob.runCases(target, source.substring("cases:".length()), strata, thresholds,
                    sparkOptions.local(), () -> sparkOptions.session("iago-signals"), hadoop, location);
        }
        PrintWriter console = spec.commandLine().getOut();
        if (result.prior().fitted()) {
            MgpsPrior p = result.prior().fit().prior();
            console.printf("signals: %d drug-event pairs; MGPS prior alpha1=%.6g beta1=%.6g alpha2=%.6g beta2=%.6g"
                            + " P=%.6g (negLL %.4f, %d starts agree)%n", result.pairs(), p.alpha1(), p.beta1(),
                    p.alpha2(), p.beta2(), p.mixtureFraction(), result.prior().fit().negativeLogLikelihood(),
                    result.prior().fit().agreeingStarts());
        } else {
            console.printf("signals: %d drug-event pairs; no MGPS prior, so no EBGM (%s)%n", result.pairs(),
                    result.prior().failure());
        }
        console.println("  pairs signalling per method: " + result.signalsPerMethod());
        if (pairs != null) {
            measureInteractions(console, pairs, target, location, hadoop);
        }
        if (masking) {
            measureMasking(console, analysis, thresholds, location, hadoop);
        }
        if (subsets != null) {
            ComparatorTable.Summary compared = new ComparatorTable(subsets).measure(
                    () -> sparkOptions.session("iago-signals"), hadoop, sparkOptions.local(), target, drugLevel,
                    eventLevel, roles, through == null ? null : through.toString(), location);
            console.printf("  comparators and subgroups: %d rows for %d CAR-T drug-event pairs%n", compared.rows(),
                    compared.pairs());
        }
        console.println("  outputs: " + out.toAbsolutePath().normalize());
        console.flush();
        return ExitCodes.OK;
    }
}
