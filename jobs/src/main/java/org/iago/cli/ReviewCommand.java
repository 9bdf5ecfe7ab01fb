package org.iago.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.iago.batch.JobRepositoryDatabase;
import org.iago.lake.Lake;
import org.iago.pipeline.NightlyConfig;
import org.iago.pipeline.RunSignals;
import org.iago.review.Decision;
import org.iago.review.Evidence;
import org.iago.review.MonitorCondition;
import org.iago.review.NeedsReview;
import org.iago.review.ReviewState;
import org.iago.review.SignalKey;
import org.iago.review.SignalReviews;
import org.iago.vocabulary.RunLayout;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code iago review}: the reviewers' decisions about signals (GVP Module IX states), kept append-only in the
 * JobRepository's database ({@link SignalReviews}); docs/operations.md, "Reviewing signals".
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review signals: list them by state or those needing review, show a signal's history, record a"
                + " decision, import or export the whole signal log (docs/operations.md, \"Reviewing signals\").",
        subcommands = {ReviewCommand.ListSignals.class, ReviewCommand.Show.class, ReviewCommand.Set.class,
                ReviewCommand.Import.class, ReviewCommand.Export.class})
public final class ReviewCommand extends SubcommandRequired {

    /** Where the log and the runs are: the lake's (or --jdbc-url's) database, the nightly's output folder. */
    abstract static class Action implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "<yaml>",
                description = "The nightly configuration: its lake, its output folder and its strengthen factor.")
        Path config;

        @Option(names = "--lake", paramLabel = "<dir>", description = "The lake folder (instead of the"
                + " configuration's): its _state holds the embedded database.")
        Path lake;

        @Option(names = "--nightly-out", paramLabel = "<dir>", description = "The nightly's output folder, whose"
                + " latest run the signals are read from (instead of the configuration's out).")
        Path nightlyOut;

        // StateOptions' --state names the review state here (issue 22's command line): the folder is --state-dir
        @Option(names = "--state-dir", paramLabel = "<dir>", description = "Folder of the embedded H2 database, as"
                + " --state of the other commands (default: <lake>/_state).")
        Path stateDir;

        @Mixin
        JdbcOptions jdbc = new JdbcOptions();

        private NightlyConfig settings;

        @Override
        public Integer call() throws Exception {
            if (config != null) {
                settings = NightlyConfig.load(config);
            }
            if (lake == null && settings == null) {
                throw new ParameterException(spec.commandLine(), "give --config <yaml> or --lake <dir>");
            }
            StateOptions state = new StateOptions();
            state.command = spec;
            state.state = stateDir;
            state.jdbc = jdbc;
            JobRepositoryDatabase database = state.database(new Lake(lake != null ? lake : settings.lake()));
            if (database.platform().equals("h2")) {
                JdbcConnectionPool pool = JdbcConnectionPool.create(database.url(), database.user(),
                        database.password());
                try {
                    return run(SignalReviews.open(pool), spec.commandLine().getOut());
                } finally {
                    pool.dispose();
                }
            }
            DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
            return run(SignalReviews.open(dataSource), spec.commandLine().getOut());
        }

        abstract int run(SignalReviews log, PrintWriter out) throws IOException;

        /** The latest run of the nightly's output folder; refused when there is none. */
        RunSignals latestRun() throws IOException {
            Path out = nightlyOut != null ? nightlyOut : settings != null ? settings.out() : null;
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "this needs the signals of the latest run: give"
                        + " --config <yaml> or --nightly-out <dir>");
            }
            return RunSignals.latest(out.toAbsolutePath().normalize()).orElseThrow(() -> new IllegalArgumentException(
                    "no run in " + out + " (no 'latest'): run 'iago nightly' first"));
        }

        double strengthenFactor() {
            return (settings != null ? settings.status() : new NightlyConfig.Status(null)).strengthenFactor();
        }

        /** The configuration's review settings, or their defaults: the rules the nightly's queue follows. */
        NightlyConfig.Review review() {
            return settings != null ? settings.review() : new NightlyConfig.Review(null);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The latest decision of every signal decided about, by signal; with --needs-review, the"
                    + " signals of the latest run that need review and why.")
    static final class ListSignals extends Action {

        @Option(names = "--state", paramLabel = "<state>", description = "Only signals in this state: ${COMPLETION-CANDIDATES}.")
        ReviewState only;

        @Option(names = "--needs-review", description = "Only the signals needing review: never reviewed, a MONITOR"
                + " condition met, REFUTED or NOT_VALIDATED but strengthened or reported --new-reports times more.")
        boolean needsReview;

        @Option(names = "--new-reports", paramLabel = "<n>", converter = OptionValues.AtLeastOne.class,
                description = "Reports since the decision that bring back a REFUTED or NOT_VALIDATED signal"
                        + " (default: the configuration's review.newReports, else "
                        + NeedsReview.DEFAULT_NEW_REPORTS + ").")
        Integer newReports;

        @Override
        int run(SignalReviews log, PrintWriter out) throws IOException {
            Map<SignalKey, Decision> latest = log.latest();
            out.println(String.join("\t", "analysis", "drug", "event", "state", "decided_at", "reviewer",
                    needsReview ? "needs_review" : "reason"));
            int shown = 0;
            if (!needsReview) {
                for (Decision d : latest.values()) {
                    if (only == null || d.state() == only) {
                        out.println(row(d.signal(), Optional.of(d), d.reason()));
                        shown++;
                    }
                }
            } else {
                RunSignals run = latestRun();
                NeedsReview rules = new NeedsReview(newReports != null ? newReports : review().newReports(),
                        RunSignals.strengthening(strengthenFactor()));
                TreeSet<SignalKey> signals = new TreeSet<>(run.flagged());
                signals.addAll(latest.keySet());
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                for (SignalKey s : signals) {
                    Optional<Decision> d = Optional.ofNullable(latest.get(s));
                    if (only != null && d.map(Decision::state).orElse(null) != only) {
                        continue;
                    }
                    Optional<NeedsReview.Verdict> v = rules.of(d, run.evidence(s).orElse(Evidence.NONE), today);
                    if (v.isPresent()) {
                        out.println(row(s, d, v.get().detail()));
                        shown++;
                    }
                }
            }
            out.flush();
            spec.commandLine().getErr().printf("%d signals%n", shown);
            return ExitCodes.OK;
        }

        private static String row(SignalKey s, Optional<Decision> d, String last) {
            return String.join("\t", s.analysis(), s.drug(), s.event(),
                    d.map(x -> x.state().name()).orElse("-"), d.map(x -> x.decidedAt().toString()).orElse("-"),
                    d.map(Decision::reviewer).orElse("-"), last);
        }
    }

    /** The three positional names of a signal. */
    abstract static class OneSignal extends Action {

        @Parameters(index = "0", paramLabel = "<analysis>", description = "The analysis: target, product, ...")
        String analysis;

        @Parameters(index = "1", paramLabel = "<drug>", description = "The drug as the run names it.")
        String drug;

        @Parameters(index = "2", paramLabel = "<event>", description = "The event as the run names it.")
        String event;

        SignalKey signal() {
            return new SignalKey(analysis, drug, event);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A signal's decisions, first to last, with the counts and bounds each saw, and what the"
                    + " latest run says of it now (with --config or --nightly-out).")
    static final class Show extends OneSignal {

        @Override
        int run(SignalReviews log, PrintWriter out) throws IOException {
            List<Decision> history = log.history(signal());
            out.println(signal());
            out.println(String.join("\t", "seq", "decided_at", "state", "reviewer", "reason", "monitor", "run",
                    "reports", "expected", "prr_lower", "ror_lower", "ic025", "eb05", "llr"));
            for (Decision d : history) {
                out.println(String.join("\t", Integer.toString(d.seq()), d.decidedAt().toString(), d.state().name(),
                        d.reviewer(), d.reason(), d.monitor() == null ? "-" : d.monitor().toString(),
                        evidence(d.evidence())));
            }
            if (history.isEmpty()) {
                out.println("never reviewed");
            }
            if (config != null || nightlyOut != null) {
                RunSignals run = latestRun();
                Optional<Evidence> now = run.evidence(signal());
                out.println(String.join("\t", "now", "-", "-", "-", "-", "-", now.map(ReviewCommand::evidence)
                        .orElse("not in run " + run.runId())));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Record a decision about a signal of the latest run, with the counts and bounds it has"
                    + " there. A move GVP Module IX does not make is refused with the reason.")
    static final class Set extends OneSignal {

        @Option(names = "--state", required = true, paramLabel = "<state>",
                description = "The new state: ${COMPLETION-CANDIDATES}.")
        ReviewState newState;

        @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why.")
        String reason;

        @Option(names = "--reviewer", paramLabel = "<name>", description = "Who (default: the OS user, ${DEFAULT-VALUE}).")
        String reviewer = System.getProperty("user.name");

        @Option(names = "--monitor-reports", paramLabel = "<n>", converter = OptionValues.AtLeastOne.class,
                description = "MONITOR: review again once the pair has this many reports more.")
        Integer monitorReports;

        @Option(names = "--monitor-lower", paramLabel = "<x>",
                description = "MONITOR: review again once the lower bound of --monitor-method is at least this.")
        Double monitorLower;

        @Option(names = "--monitor-method", paramLabel = "<method>",
                description = "Whose lower bound --monitor-lower is: prr, ror, ic, ebgm, llr (default: ebgm, EB05).")
        String monitorMethod;

        @Option(names = "--monitor-date", paramLabel = "<yyyy-mm-dd>",
                description = "MONITOR: review again from this day.")
        LocalDate monitorDate;

        @Override
        int run(SignalReviews log, PrintWriter out) throws IOException {
            RunSignals run = latestRun();
            SignalKey signal = signal();
            Optional<Evidence> inRun = run.evidence(signal);
            if (inRun.isEmpty()) {
                throw unknown(run, signal);
            }
            Evidence seen = inRun.get();
            boolean monitoring = monitorReports != null || monitorLower != null || monitorDate != null
                    || monitorMethod != null;
            MonitorCondition monitor = newState == ReviewState.MONITOR || monitoring
                    ? new MonitorCondition(monitorReports, monitorLower, monitorMethod, monitorDate) : null;
            int basedOn = log.latest(signal).map(Decision::seq).orElse(0);
            Decision d = log.append(Decision.proposed(signal, newState, reason, reviewer, Instant.now(), seen,
                    monitor), basedOn);
            out.printf("%s: %s (decision %d, by %s, against run %d)%n", signal, d.state(), d.seq(), d.reviewer(),
                    run.runId());
            out.flush();
            return ExitCodes.OK;
        }

        private IllegalArgumentException unknown(RunSignals run, SignalKey signal) throws IOException {
            List<String> analyses = run.analyses();
            String where = analyses.contains(signal.analysis())
                    ? "no drug '" + signal.drug() + "' with event '" + signal.event() + "' in analysis "
                            + signal.analysis() + " of run " + run.runId()
                    : "no analysis '" + signal.analysis() + "' in run " + run.runId() + " (it has "
                            + String.join(", ", analyses) + ")";
            return new IllegalArgumentException(where + ": names are as the run writes them, see 'iago review list"
                    + " --needs-review' or " + run.folder().resolve(RunLayout.signals(signal.analysis(),
                            RunLayout.SIGNAL_CSV)));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Append the decisions of a CSV file (the columns of 'review export'; id and seq are given"
                    + " anew), in file order: all of them, or none and the line of the first refused.")
    static final class Import extends Action {

        @Parameters(index = "0", paramLabel = "<csv>", description = "The decisions.")
        Path file;

        @Override
        int run(SignalReviews log, PrintWriter out) throws IOException {
            int n = log.importCsv(file);
            out.printf("%d decisions imported from %s%n", n, file);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "The whole signal log, every decision in the order it was made, as CSV or JSON.")
    static final class Export extends Action {

        enum Format { CSV, JSON }

        @Option(names = "--format", paramLabel = "<format>", description = "csv or json (default: ${DEFAULT-VALUE}).")
        Format format = Format.CSV;

        @Option(names = "--out", paramLabel = "<file>", description = "The file (default: standard output).")
        Path file;

        @Override
        int run(SignalReviews log, PrintWriter out) throws IOException {
            if (file == null) {
                write(log, out);
                return ExitCodes.OK;
            }
            Path aside = file.resolveSibling("." + file.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(aside, StandardCharsets.UTF_8)) {
                write(log, w);
            }
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return ExitCodes.OK;
        }

        private void write(SignalReviews log, Writer w) throws IOException {
            if (format == Format.JSON) {
                log.exportJson(w);
            } else {
                log.exportCsv(w);
            }
        }
    }

    /** Counts and bounds as the show command prints them: tab-separated, unknown as {@code -}. */
    static String evidence(Evidence e) {
        List<String> cells = new ArrayList<>();
        cells.add(e.run() == null ? "-" : e.run().toString());
        cells.add(e.reports() == null ? "-" : e.reports().toString());
        cells.add(number(e.expected()));
        for (String m : Evidence.METHODS) {
            Evidence.Bound b = e.methods().get(m);
            cells.add(b == null ? "-" : number(b.lower()) + (b.flagged() ? "*" : ""));
        }
        return String.join("\t", cells);
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "-" : Double.toString(x);
    }
}
