package org.iago.pipeline;

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
import org.iago.review.Evidence;
import org.iago.review.NeedsReview;
import org.iago.review.SignalKey;
import org.iago.vocabulary.PriorityColumn;
import org.iago.vocabulary.RunLayout;
import org.iago.vocabulary.SignalMethod;

/**
 * What a run folder says of its signals, for the review of them (the nightly's review queue, the review commands):
 * the analyses of its {@code signals/} folder, each pair's counts and bounds ({@value RunLayout#SIGNAL_CSV}) and the
 * pairs with a status ({@value RunLayout#STATUS}) and the flagged pairs' review priority
 * ({@value RunLayout#PRIORITY_CSV}).
 */
public final class RunSignals {

    private final Path folder;
    private final long runId;
    private final Map<String, Map<SignalKey, Evidence>> analyses = new TreeMap<>();
    private final Map<String, Map<SignalKey, Double>> priorities = new TreeMap<>();

    private RunSignals(Path folder) {
        this.folder = folder;
        this.runId = Long.parseLong(folder.getFileName().toString());
    }

    /** The run of a run folder, {@code <out>/runs/<id>/}. */
    public static RunSignals of(Path runFolder) {
        return new RunSignals(runFolder);
    }

    /** The run {@code latest} points to; empty when there is none yet. */
    public static Optional<RunSignals> latest(Path out) throws IOException {
        return RunFolders.latest(out).map(RunSignals::new);
    }

    public Path folder() {
        return folder;
    }

    public long runId() {
        return runId;
    }

    /** The analyses of the run: the folders of {@code signals/} holding a {@value RunLayout#SIGNAL_CSV}. */
    public List<String> analyses() throws IOException {
        Path signals = folder.resolve(RunLayout.SIGNALS);
        if (!Files.isDirectory(signals)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(signals)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(RunLayout.SIGNAL_CSV)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The pairs of an analysis with their evidence; empty when the run has no such analysis. */
    public Map<SignalKey, Evidence> pairs(String analysis) throws IOException {
        if (!analyses.containsKey(analysis)) {
            Path table = folder.resolve(RunLayout.signals(analysis, RunLayout.SIGNAL_CSV));
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

    /**
     * A pair's review priority ({@value RunLayout#PRIORITY_CSV} of its analysis); NaN when it has none (a case table's
     * analysis, or a pair no method flags).
     */
    public double priority(SignalKey signal) throws IOException {
        String analysis = signal.analysis();
        if (!priorities.containsKey(analysis)) {
            Path table = folder.resolve(RunLayout.signals(analysis, RunLayout.PRIORITY_CSV));
            Map<SignalKey, Double> scores = new TreeMap<>();
            if (Files.isRegularFile(table)) {
                for (CsvTable.Row row : CsvTable.read(table).rows()) {
                    scores.put(new SignalKey(analysis, row.get(PriorityColumn.DRUG.column()),
                            row.get(PriorityColumn.EVENT.column())), row.number(PriorityColumn.PRIORITY.column()));
                }
            }
            priorities.put(analysis, scores);
        }
        return priorities.get(analysis).getOrDefault(signal, Double.NaN);
    }

    public Optional<Evidence> evidence(SignalKey signal) throws IOException {
        return Optional.ofNullable(pairs(signal.analysis()).get(signal));
    }

    /** The signals of the run: the pairs its status step flagged now (every status but NO_LONGER). */
    public List<SignalKey> flagged() throws IOException {
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
     * STRENGTHENED (lower bound grown by the factor) or NEW (flagging now, not then), by
     * {@link SignalStatus#classify}. A decision that recorded no bounds (imported without) compares with nothing.
     */
    public static NeedsReview.Strengthening strengthening(double factor) {
        SignalStatus status = new SignalStatus(factor);
        return (then, now) -> {
            List<String> stronger = new ArrayList<>();
            if (then.methods().isEmpty()) {
                return stronger;
            }
            for (SignalMethod m : SignalMethod.values()) {
                Evidence.Bound before = then.methods().get(m.key());
                Evidence.Bound after = now.methods().get(m.key());
                boolean was = before != null && before.flagged();
                boolean is = after != null && after.flagged();
                if (is && List.of(SignalStatus.Status.NEW, SignalStatus.Status.STRENGTHENED).contains(status.classify(
                        m, was, true, was ? before.lower() : Double.NaN, after.lower()))) {
                    stronger.add(m.key());
                }
            }
            return stronger;
        };
    }
}
