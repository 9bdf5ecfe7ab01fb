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

import org.iago.pipeline.RunFolders;
import org.iago.pipeline.SignalStatus;
import org.iago.report.CsvTable;
import org.iago.review.Evidence;
import org.iago.review.NeedsReview;
import org.iago.review.SignalKey;

/**
 * What the run {@code <out>/latest} points to says of its signals, for the review commands: the analyses of its
 * {@code signals/} folder, each pair's counts and bounds ({@code disproportionality.csv}) and the pairs with a status
 * ({@code status/signal_status.csv}).
 */
final class RunSignals {

    /** A method's columns in {@code disproportionality.csv}: its flag and the lower bound its rule reads. */
    private record Columns(String method, String flag, String lower) {
    }

    private static final List<Columns> COLUMNS = List.of(new Columns("prr", "signal_prr", "prr_lower"),
            new Columns("ror", "signal_ror", "ror_lower"), new Columns("ic", "signal_ic", "ic025"),
            new Columns("ebgm", "signal_ebgm", "eb05"), new Columns("llr", "signal_llr", "llr"));

    static final String TABLE = "disproportionality.csv";
    static final String STATUS = "status/signal_status.csv";

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
        Path signals = folder.resolve("signals");
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
            Path table = folder.resolve("signals").resolve(analysis).resolve(TABLE);
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
        Path status = folder.resolve(STATUS);
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
        for (Columns c : COLUMNS) {
            String flag = row.get(c.flag()).strip();
            double lower = row.number(c.lower());
            if (!flag.isEmpty() || !Double.isNaN(lower)) {
                bounds.put(c.method(), new Evidence.Bound(lower, flag.equalsIgnoreCase("true")));
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
        for (Columns c : COLUMNS) {
            Evidence.Bound b = e.methods().get(c.method());
            header.add(c.flag());
            header.add(c.lower());
            fields.add(b != null && b.flagged() ? "true" : "false");
            fields.add(b == null || Double.isNaN(b.lower()) ? "" : Double.toString(b.lower()));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        return new CsvTable(header, List.of(new CsvTable.Row(index, fields)));
    }
}
