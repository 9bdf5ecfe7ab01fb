package org.iago.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.curate.ProductDictionary;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.lake.PublishJournal;
import org.iago.lake.RegistryTable;
import org.iago.report.CsvTable;
import org.iago.report.ReportOptions;
import org.iago.report.ReportOutput;
import org.iago.report.ReportWriter;
import org.iago.spark.CsvOutput;
import org.iago.stats.SignalThresholds;
import org.iago.tte.OnsetJob;
import org.iago.tte.registry.RegistryTteJob;
import org.iago.tte.registry.RegistryTteOptions;
import org.iago.tte.registry.RegistryTteSummary;

/**
 * The work of each step of the nightly job after ingestion. Each writes into the run folder only, replacing what a
 * killed earlier attempt of the same step left, and returns a one-line summary for the step's exit description.
 */
final class NightlyTasks {

    /** The signal analyses of a run: {@code <run>/signals/<name>/}, as the report reads them. */
    enum Analysis {
        /** CAR-T products pooled by target against the whole database, with the emergence series by quarter. */
        TARGET("target", SignalInput.DrugLevel.TARGET, false),
        /** CAR-T products by brand against the whole database. */
        PRODUCT("product", SignalInput.DrugLevel.PRODUCT, false),
        /** CAR-T products by brand against the other CAR-T reports only. */
        WITHIN_CLASS("within-class", SignalInput.DrugLevel.PRODUCT, true);

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

    static final String STATUS_FILE = "status/signal_status.csv";

    private NightlyTasks() {
    }

    static String curate(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        PublishJournal.requireSettled(lake.location(), null, "faers");
        if (!Files.isDirectory(lake.faersTable(FaersTable.DEMO))) {
            return "no FAERS quarter in the lake: nothing to curate";
        }
        Path conf = run.config().conf();
        CurationSummary s = CurateJob.fromConf(run.spark(), lake, conf, null, null).run();
        return s.demoRows() + " DEMO rows -> " + s.reports() + " reports (" + s.duplicateReports()
                + " duplicates of another caseid dropped), " + s.cartReports() + " with a CAR-T product";
    }

    static String detect(NightlyRun run) throws IOException {
        Lake lake = run.lake();
        PublishJournal.requireSettled(lake.location(), null, "faers", "cases");
        SparkSession spark = run.spark();
        SignalThresholds thresholds = SignalThresholds.load(run.config().rules());
        DisproportionalityJob job = new DisproportionalityJob(spark, thresholds);
        NightlyConfig.Signals settings = run.config().signals();
        boolean stratified = !settings.strata().isEmpty();
        List<String> done = new ArrayList<>();
        if (Files.isDirectory(lake.curated(CurateJob.REPORTS))) {
            SignalInput.EventLevel eventLevel = SignalInput.option(SignalInput.EventLevel.class, settings.eventLevel());
            SignalInput.Roles roles = SignalInput.option(SignalInput.Roles.class, settings.roles());
            for (Analysis a : Analysis.values()) {
                SignalInput input = SignalInput.faers(spark, lake, a.drugLevel, eventLevel, roles, settings.strata(),
                        null, a.cartBackground);
                org.apache.hadoop.fs.Path out = LakePaths.location(run.folder().resolve("signals").resolve(a.folder));
                DisproportionalityJob.Result result = job.run(input, stratified, out);
                if (a == Analysis.TARGET) {
                    job.emergence(input::through, SignalInput.quarters(spark, lake, null), stratified, out,
                            SignalInput.cartDrugs(spark, lake, a.drugLevel));
                }
                done.add(a.folder + " " + result.pairs() + " pairs");
            }
        }
        for (NightlyConfig.CaseTable table : run.config().inbox().cases()) {
            org.apache.hadoop.fs.Path out = LakePaths.location(run.folder().resolve("signals")
                    .resolve("cases-" + table.source()));
            DisproportionalityJob.Result result = job.run(SignalInput.cases(spark, lake, table.source(),
                    table.strata()), !table.strata().isEmpty(), out);
            done.add("cases-" + table.source() + " " + result.pairs() + " pairs");
        }
        return done.isEmpty() ? "no curated FAERS and no case table: no signals" : String.join(", ", done);
    }

    static String onset(NightlyRun run) throws IOException {
        if (!Files.isDirectory(run.lake().curated(CurateJob.REPORTS))) {
            return "no curated FAERS: no time to onset";
        }
        int rows = new OnsetJob(run.spark()).run(run.lake(), true, run.folder().resolve("onset"));
        return rows + " drug x toxicity-group rows";
    }

    static String registry(NightlyRun run) throws IOException {
        PublishJournal.requireSettled(run.lake().location(), null, "registry");
        if (!Files.isDirectory(run.lake().registryTable(RegistryTable.PATIENTS))) {
            return "no registry in the lake: no time-to-event analysis";
        }
        RegistryTteSummary s = new RegistryTteJob(run.spark()).run(run.lake(), LakePaths.location(run.folder()),
                RegistryTteOptions.defaults());
        return s.patients() + " patients, " + s.infections() + " infections";
    }

    /** {@value #STATUS_FILE} against the run {@code latest} points to (none on the first run: all NEW). */
    static String status(NightlyRun run) throws IOException {
        Optional<Path> previous = RunFolders.latest(run.config().out())
                .filter(p -> !p.equals(run.folder().normalize()));
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
        writeStatus(run.folder().resolve(STATUS_FILE), changes);
        long fresh = changes.stream().filter(c -> c.status() == SignalStatus.Status.NEW).count();
        return changes.size() + " statuses, " + fresh + " NEW, against "
                + previous.map(p -> "run " + p.getFileName()).orElse("no previous run");
    }

    /** The statuses as {@value #STATUS_FILE} holds them: names as text, bounds as numbers. */
    static void writeStatus(Path file, List<SignalStatus.Change> changes) throws IOException {
        CsvOutput.write(file, SignalStatus.COLUMNS, changes.stream()
                .map(c -> RowFactory.create(c.analysis(), c.drug(), c.event(), c.method(), c.status().name(),
                        finite(c.previousLower()), finite(c.currentLower()))).iterator());
    }

    static String report(NightlyRun run) throws IOException {
        RunProvenance.write(run, run.spark());
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

    private static Path signalsTable(Path runFolder, Analysis a) {
        return runFolder.resolve("signals").resolve(a.folder).resolve("disproportionality.csv");
    }

    /** NaN (no bound) as an empty field. */
    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
