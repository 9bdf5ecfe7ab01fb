package org.iago.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.RowFactory;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.dictionary.ProductDictionary;
import org.iago.disproportionality.ComparatorTable;
import org.iago.disproportionality.Comparators;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.InteractionPairs;
import org.iago.disproportionality.InteractionTable;
import org.iago.disproportionality.MaskingSettings;
import org.iago.disproportionality.MaskingTable;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.PublishJournal;
import org.iago.lake.RegistryTable;
import org.iago.csv.CsvTable;
import org.iago.report.ReportOptions;
import org.iago.report.ReportOutput;
import org.iago.report.ReportWriter;
import org.iago.review.NeedsReview;
import org.iago.review.SignalReviews;
import org.iago.spark.CsvOutput;
import org.iago.spark.IagoSpark;
import org.iago.stats.SignalThresholds;
import org.iago.tte.OnsetJob;
import org.iago.tte.registry.RegistryTteJob;
import org.iago.tte.registry.RegistryTteOptions;
import org.iago.tte.registry.RegistryTteSummary;
import org.iago.vocabulary.RunLayout;

/**
 * The work of each step of the nightly job after ingestion. Each writes into the run folder only (curation: the lake's
 * curated tables), replacing what a killed earlier attempt of the same step left, and returns a one-line summary for
 * the step's exit description. Curation and the analyses compute only when their inputs changed ({@link StepInputs}):
 * otherwise curation leaves the curated tables as they are and an analysis takes the previous run's results, without
 * starting Spark.
 */
final class NightlyTasks {

    /** The signal analyses of a run: {@code <run>/signals/<name>/}, as the report reads them. */
    enum Analysis {
        /** CAR-T products pooled by target against the whole database, with the emergence series by quarter. */
        TARGET(RunLayout.TARGET, SignalInput.DrugLevel.TARGET, false),
        /** CAR-T products by brand against the whole database. */
        PRODUCT(RunLayout.PRODUCT, SignalInput.DrugLevel.PRODUCT, false),
        /** CAR-T products by brand against the other CAR-T reports only. */
        WITHIN_CLASS(RunLayout.WITHIN_CLASS, SignalInput.DrugLevel.PRODUCT, true);

        final String folder;
        final SignalInput.DrugLevel drugLevel;
        final boolean cartBackground;

        Analysis(String folder, SignalInput.DrugLevel drugLevel, boolean cartBackground) {
            this.folder = folder;
            this.drugLevel = drugLevel;
            this.cartBackground = cartBackground;
        }
    }

    /** Analyses whose signals get a status against the previous run (whole-database comparator). */
    static final List<Analysis> STATUS_ANALYSES = List.of(Analysis.TARGET, Analysis.PRODUCT);

    /** The lake folder of the curated tables. */
    static final String CURATED = "curated";

    private NightlyTasks() {
    }

    /**
     * Curates the lake unless {@code <lake>/curated/} holds tables curated from the same FAERS tables, configuration
     * folder and build ({@link StepInputs}, stored in {@code curated/}{@value StepInputs#FILE} after the tables are
     * swapped in). Every file of the configuration folder is an input (products, term groups, and any curation
     * setting or dictionary kept there), but for the nightly configuration and the signal rules, which curation does
     * not read.
     */
    static String curate(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        PublishJournal.requireSettled(lake.location(), null, "faers");
        if (!Files.isDirectory(lake.faersTable(FaersTable.DEMO))) {
            return "no FAERS quarter in the lake: nothing to curate";
        }
        Path conf = run.config().conf();
        Path curated = lake.root().resolve(CURATED);
        StepInputs inputs = StepInputs.build().lake(lake.root(), "faers").conf(conf, run.configFile(),
                run.config().rules());
        Optional<StepInputs.Stored> upToDate = inputs.matching(curated);
        if (upToDate.isPresent()) {
            return "curated tables are up to date (inputs unchanged since run " + upToDate.get().run()
                    + "): not curated again";
        }
        String why = inputs.whyNot(curated);
        CurationSummary s = CurateJob.fromConf(run.spark(), lake, conf, null, null).run();
        inputs.store(curated, run.runId());
        return s.demoRows() + " DEMO rows -> " + s.reports() + " reports (" + s.duplicateReports()
                + " duplicates of another caseid dropped), " + s.cartReports() + " with a CAR-T product" + because(why);
    }

    static String detect(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        PublishJournal.requireSettled(lake.location(), null, "faers", "cases");
        NightlyConfig.Signals settings = run.config().signals();
        List<NightlyConfig.CaseTable> caseTables = run.config().inbox().cases();
        boolean curated = Files.isDirectory(lake.curated(CuratedTable.REPORTS));
        if (!curated && caseTables.isEmpty()) {
            return "no curated FAERS and no case table: no signals";
        }
        StepInputs inputs = StepInputs.build().lake(lake.root(), CURATED).lake(lake.root(), "cases")
                .file("rules", run.config().rules()).setting("signals", settings)
                .setting("cases", caseTables.stream().map(t -> List.of(t.source(), t.strata())).toList());
        return analysis(run, RunLayout.SIGNALS, inputs, () -> {
            SignalThresholds thresholds = SignalThresholds.load(run.config().rules());
            List<String> done = new ArrayList<>();
            boolean local = IagoSpark.isLocal(run.config().spark().master());
            Configuration hadoop = new Configuration();
            if (curated) {
                SignalInput.EventLevel eventLevel = SignalInput.option(SignalInput.EventLevel.class,
                        settings.eventLevel());
                SignalInput.Roles roles = SignalInput.option(SignalInput.Roles.class, settings.roles());
                Optional<InteractionPairs> pairs = InteractionPairs.load(run.config().rules());
                MaskingSettings masking = MaskingSettings.load(run.config().rules());
                Optional<Comparators> comparators = Comparators.load(run.config().rules());
                for (Analysis a : Analysis.values()) {
                    org.apache.hadoop.fs.Path out = LakePaths.location(run.folder().resolve(RunLayout.SIGNALS)
                            .resolve(a.folder));
                    DisproportionalityJob.Result result = DisproportionalityJob.runFaers(
                            new DisproportionalityJob.FaersAnalysis(lake, a.drugLevel, eventLevel, roles,
                                    settings.strata(), null, a.cartBackground, a == Analysis.TARGET, true),
                            thresholds, local, run::spark, hadoop, out);
                    done.add(a.folder + " " + result.pairs() + " pairs");
                    if (a == Analysis.TARGET && pairs.isPresent() && InteractionTable.measures(eventLevel)) {
                        // Ω once, beside the target analysis: the pairs name their CAR-T drugs themselves
                        InteractionTable.Summary omega = new InteractionTable(pairs.get()).measure(local, run::spark,
                                hadoop, lake, eventLevel, null, out);
                        done.add(omega.rows() + " interaction pair-events");
                    }
                    if (a == Analysis.TARGET) {
                        // the CAR-T targets' pairs without their maskers and competing events, beside the analysis
                        MaskingTable.Summary masked = new MaskingTable(masking, thresholds).measure(
                                new DisproportionalityJob.FaersAnalysis(lake, a.drugLevel, eventLevel, roles,
                                        settings.strata(), null, a.cartBackground, false, false), local, run::spark,
                                hadoop, out);
                        done.add(masked.pairs() + " masking pairs");
                    }
                    if (a == Analysis.TARGET && comparators.isPresent()) {
                        ComparatorTable.Summary compared = new ComparatorTable(comparators.get()).measure(run::spark,
                                hadoop, local, lake, a.drugLevel, eventLevel, roles, null, out);
                        done.add(compared.rows() + " comparator and subgroup rows");
                    }
                }
            }
            for (NightlyConfig.CaseTable table : caseTables) {
                org.apache.hadoop.fs.Path out = LakePaths.location(run.folder().resolve(RunLayout.SIGNALS)
                        .resolve(RunLayout.cases(table.source())));
                DisproportionalityJob.Result result = DisproportionalityJob.runCases(lake, table.source(),
                        table.strata(), thresholds, local, run::spark, hadoop, out);
                done.add(RunLayout.cases(table.source()) + " " + result.pairs() + " pairs");
            }
            return String.join(", ", done);
        });
    }

    static String onset(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        if (!Files.isDirectory(lake.curated(CuratedTable.REPORTS))) {
            return "no curated FAERS: no time to onset";
        }
        // the curated reports, and the start dates of THER
        StepInputs inputs = StepInputs.build().lake(lake.root(), CURATED).lake(lake.root(), "faers");
        return analysis(run, RunLayout.ONSET, inputs, () -> new OnsetJob(run.spark()).run(lake, true,
                run.folder().resolve(RunLayout.ONSET)) + " drug x toxicity-group rows");
    }

    static String registry(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        PublishJournal.requireSettled(lake.location(), null, "registry");
        if (!Files.isDirectory(lake.registryTable(RegistryTable.PATIENTS))) {
            return "no registry in the lake: no time-to-event analysis";
        }
        StepInputs inputs = StepInputs.build().lake(lake.root(), "registry");
        // the job runs no Spark job: it reads the local lake through a Hadoop configuration of its own
        return analysis(run, RunLayout.TTE, inputs, () -> {
            RegistryTteSummary s = new RegistryTteJob(new Configuration()).run(lake,
                    LakePaths.location(run.folder()), RegistryTteOptions.defaults());
            return s.patients() + " patients, " + s.infections() + " infections";
        });
    }

    /** {@value RunLayout#STATUS} against the run {@code latest} points to (none on the first run: all NEW). */
    static String status(NightlyRun run) throws IOException {
        Optional<Path> previous = previousRun(run);
        SignalStatus comparison = new SignalStatus(run.config().status().strengthenFactor());
        List<SignalStatus.Change> changes = new ArrayList<>();
        for (Analysis a : STATUS_ANALYSES) {
            Path current = signalsTable(run.folder(), a);
            if (!Files.isRegularFile(current)) {
                continue;
            }
            Optional<Path> before = previous.map(p -> signalsTable(p, a)).filter(Files::isRegularFile);
            changes.addAll(comparison.compare(a.folder, before.isPresent() ? CsvTable.read(before.get()) : null,
                    CsvTable.read(current)));
        }
        writeStatus(run.folder().resolve(RunLayout.STATUS), changes);
        long fresh = changes.stream().filter(c -> c.status() == SignalStatus.Status.NEW).count();
        return changes.size() + " statuses, " + fresh + " NEW, against "
                + previous.map(p -> "run " + p.getFileName()).orElse("no previous run");
    }

    /** The statuses as {@value RunLayout#STATUS} holds them: names as text, bounds as numbers. */
    static void writeStatus(Path file, List<SignalStatus.Change> changes) throws IOException {
        CsvOutput.write(file, SignalStatus.COLUMNS, changes.stream()
                .map(c -> RowFactory.create(c.analysis(), c.drug(), c.event(), c.method(), c.status().name(),
                        finite(c.previousLower()), finite(c.currentLower()))).iterator());
    }

    /**
     * {@value RunLayout#REVIEW_QUEUE}: every signal of the run with its latest decision in the review log and whether
     * it needs review, on the day the run's execution started (a MONITOR date). Computed on every attempt, never taken
     * over: its inputs include the log, which reviewers change between runs, and it takes milliseconds.
     */
    static String reviewQueue(NightlyRun run, SignalReviews log) throws IOException {
        NeedsReview rules = new NeedsReview(run.config().review().newReports(),
                RunSignals.strengthening(run.config().status().strengthenFactor()));
        List<ReviewQueue.Entry> queue = ReviewQueue.of(RunSignals.of(run.folder()), log.latest(), rules,
                run.startedAt().toLocalDate());
        ReviewQueue.write(run.folder().resolve(RunLayout.REVIEW_QUEUE), queue);
        long waiting = queue.stream().filter(ReviewQueue.Entry::needsReview).count();
        long never = queue.stream().filter(e -> e.latest().isEmpty()).count();
        return queue.size() + " signals, " + waiting + " need review (" + never + " never reviewed)";
    }

    static String report(NightlyRun run) throws IOException {
        RunProvenance.write(run);
        NightlyConfig.Report settings = run.config().report();
        Path conf = run.config().conf();
        ReportOptions options = new ReportOptions(settings.title(), settings.focus(), settings.suppressBelow(),
                Files.readString(run.config().rules(), StandardCharsets.UTF_8),
                ProductDictionary.load(conf.resolve("products.yaml")).products());
        ReportOutput out = new ReportWriter(options).write(run.folder());
        return out.html() + (out.warnings().isEmpty() ? "" : " (" + out.warnings().size() + " parts missing)");
    }

    /** Points {@code latest} at this run: the last step, so that readers only ever see finished runs. */
    static String latest(NightlyRun run) throws IOException {
        RunFolders.switchLatest(run.config().out(), run.runId());
        return "latest -> " + run.folder();
    }

    /** The run {@code latest} points to, unless it is this one. */
    static Optional<Path> previousRun(NightlyRun run) throws IOException {
        return RunFolders.latest(run.config().out()).filter(p -> !p.equals(run.folder().normalize()));
    }

    /** What computes the results of an analysis into its folder of the run; returns the step's summary. */
    @FunctionalInterface
    private interface Computation {
        String run() throws IOException;
    }

    /**
     * The results of an analysis, {@code <run>/<folder>/}: the previous run's, taken over ({@link RunFolders#takeOver})
     * when it stored them with the same inputs and they are as it stored them; else computed into the emptied folder.
     * Either way the folder ends with its {@value StepInputs#FILE}, written last.
     */
    private static String analysis(NightlyRun run, String folder, StepInputs inputs, Computation computation)
            throws IOException {
        Path results = run.folder().resolve(folder);
        Optional<Path> previous = previousRun(run).map(p -> p.resolve(folder));
        Optional<StepInputs.Stored> same = previous.isPresent() ? inputs.matching(previous.get()) : Optional.empty();
        if (same.isPresent()) {
            RunFolders.takeOver(previous.get(), results);
            return "unchanged since run " + same.get().run() + ": reused";
        }
        String why = previous.isPresent() ? inputs.whyNot(previous.get()) : "";
        // also what a killed attempt left, which may be links to an earlier run's files
        RunFolders.deleteRecursively(results);
        String summary = computation.run();
        inputs.store(results, run.runId());
        return summary + because(why);
    }

    /** Why a step computed although earlier results exist, for its summary. */
    private static String because(String why) {
        return why.isEmpty() ? "" : " (computed: " + why + ")";
    }

    private static Path signalsTable(Path runFolder, Analysis a) {
        return runFolder.resolve(RunLayout.signals(a.folder, RunLayout.SIGNAL_CSV));
    }

    /** NaN (no bound) as an empty field. */
    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
