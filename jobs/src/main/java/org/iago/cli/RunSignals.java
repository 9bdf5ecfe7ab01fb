package org.iago.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.iago.csv.CsvTable;
import org.iago.pipeline.RunFolders;
import org.iago.pipeline.SignalStatus;
import org.iago.review.Evidence;
import org.iago.review.NeedsReview;
import org.iago.review.SignalKey;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalMethod;

/**
 * What the run {@code <out>/latest} points to says of its signals, for the review commands: the analyses of its
 * {@code signals/} folder, each pair's counts and bounds ({@code disproportionality.csv}) and the pairs with a status
 * ({@code status/signal_status.csv}).
 */
final class RunSignals {

    static final String TABLE = RunLayout.SIGNAL_CSV;

    private final Path folder;
    private final long runId;
    private final Map<String, Map<SignalKey, Evidence>> analyses = new TreeMap<>();

    private RunSignals(Path folder) {
        this.folder = folder;
        this.runId = Long.parseLong(folder.getFileName().toString());
    }

    /** The run {@code latest} points to; empty when there is none yet. */
    static Optional<RunSignals> latest(Path out) throws IOException {
        Optional<Path> latest = RunFolders.latest(out);
        return latest.isEmpty() ? Optional.empty() : Optional.of(new RunSignals(latest.get()));
    }

    Path folder() {
        return folder;
    }

    long runId() {
        return runId;
    }

    /** The analyses of the run: the folders of {@code signals/} holding a {@value #TABLE}. */
    List<String> analyses() throws IOException {
        Path signals = folder.resolve(RunLayout.SIGNALS);
        if (!Files.isDirectory(signals)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(signals)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(TABLE))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
    }

    /** The pairs of an analysis with their evidence; empty when the run has no such analysis. */
    Map<SignalKey, Evidence> pairs(String analysis) throws IOException {
        if (!analyses.containsKey(analysis)) {
            Path table = folder.resolve(RunLayout.SIGNALS).resolve(analysis).resolve(TABLE);
            Map<SignalKey, Evidence> pairs = new TreeMap<>();
            if (Files.isRegularFile(table)) {
                for (CsvTable.Row row : CsvTable.read(table).rows()) {
                    pairs.put(new SignalKey(analysis, row.get("drug"), row.get("event")), evidence(row));
                }
            }
            analyses.put(analysis, pairs);
        }
        return analyses.get(analysis);
    }

    Optional<Evidence> evidence(SignalKey signal) throws IOException {
        return Optional.ofNullable(pairs(signal.analysis()).get(signal));
    }

    /** The signals of the run: the pairs its status step flagged now (every status but NO_LONGER). */
    List<SignalKey> flagged() throws IOException {
        Path status = folder.resolve(RunLayout.STATUS);
        TreeSet<SignalKey> flagged = new TreeSet<>();
        if (Files.isRegularFile(status)) {
            for (CsvTable.Row row : CsvTable.read(status).rows()) {
                if (!SignalStatus.Status.NO_LONGER.name().equals(row.get("status"))) {
                    flagged.add(new SignalKey(row.get("analysis"), row.get("drug"), row.get("event")));
                }
            }
        }
        return new ArrayList<>(flagged);
    }

    private Evidence evidence(CsvTable.Row row) {
        Map<String, Evidence.Bound> bounds = new LinkedHashMap<>();
        for (SignalMethod m : SignalMethod.values()) {
            String flag = row.get(m.flag()).strip();
            double lower = row.number(m.lowerBound());
            if (!flag.isEmpty() || !Double.isNaN(lower)) {
                bounds.put(m.key(), new Evidence.Bound(lower, flag.equalsIgnoreCase("true")));
            }
        }
        double a = row.number("a");
        return new Evidence(runId, Double.isNaN(a) ? null : (long) a, row.number("expected"), bounds);
    }

    /**
     * The status step's rule between a decision's evidence and the run's: the methods the step would call
     * STRENGTHENED (lower bound grown by the factor) or NEW (flagging now, not then), through
     * {@link SignalStatus#compare} itself. A decision that recorded no bounds (imported without) compares with
     * nothing.
     */
    static NeedsReview.Strengthening strengthening(double factor) {
        SignalStatus status = new SignalStatus(factor);
        return (then, now) -> {
            if (then.methods().isEmpty()) {
                return List.of();
            }
            return status.compare("review", table(then), table(now)).stream()
                    .filter(c -> c.status() == SignalStatus.Status.STRENGTHENED
                            || c.status() == SignalStatus.Status.NEW)
                    .map(SignalStatus.Change::method).toList();
        };
    }

    /** Evidence as the one row of a {@value #TABLE} the status step reads. */
    private static CsvTable table(Evidence e) {
        List<String> header = new ArrayList<>(List.of("drug", "event"));
        List<String> fields = new ArrayList<>(List.of("d", "e"));
        for (SignalMethod m : SignalMethod.values()) {
            Evidence.Bound b = e.methods().get(m.key());
            header.add(m.flag());
            header.add(m.lowerBound());
            fields.add(b != null && b.flagged() ? "true" : "false");
            fields.add(b == null || Double.isNaN(b.lower()) ? "" : Double.toString(b.lower()));
        }
        return CsvTable.of("a review decision's evidence", header, List.of(fields));
    }
}
