package org.iago.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.RowFactory;
import org.iago.review.Decision;
import org.iago.review.Evidence;
import org.iago.review.NeedsReview;
import org.iago.review.SignalKey;
import org.iago.spark.CsvOutput;
import org.iago.vocabulary.RunLayout;

/**
 * The review queue of a run, {@value RunLayout#REVIEW_QUEUE}: every signal of the run (a pair with a status but
 * NO_LONGER) with its latest decision, whether it needs review ({@link NeedsReview}) and its review priority
 * ({@link RunSignals#priority}); those needing review first, highest priority first (none last), then by review
 * state (never reviewed first, then in the order of GVP Module IX), analysis, drug and event.
 */
final class ReviewQueue {

    static final List<String> COLUMNS = List.of("analysis", "drug", "event", "needs_review", "reason", "detail",
            "state", "decided_at", "reviewer", "decision_reason", "reports_at_decision", "reports_now",
            "new_reports", "priority");

    /** One signal of the queue. */
    record Entry(SignalKey signal, Optional<NeedsReview.Verdict> verdict, Optional<Decision> latest, Evidence now,
                 double priority) {

        boolean needsReview() {
            return verdict.isPresent();
        }

        Long reportsAtDecision() {
            return latest.map(d -> d.evidence().reports()).orElse(null);
        }

        /** Reports since the latest decision; null when never reviewed or either count is unknown. */
        Long newReports() {
            Long then = reportsAtDecision();
            return then == null || now.reports() == null ? null : now.reports() - then;
        }
    }

    /** An unknown priority (NaN) sorts after every known one. */
    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.needsReview())
            .thenComparingDouble(e -> !e.needsReview() || Double.isNaN(e.priority()) ? Double.POSITIVE_INFINITY
                    : -e.priority())
            .thenComparing(e -> e.latest().map(d -> d.state().ordinal() + 1).orElse(0))
            .thenComparing(Entry::signal);

    private ReviewQueue() {
    }

    /**
     * @param latest every signal's latest decision, as the log holds it
     * @param today  the day of the run, for a MONITOR date
     */
    static List<Entry> of(RunSignals run, Map<SignalKey, Decision> latest, NeedsReview rules, LocalDate today)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (SignalKey s : run.flagged()) {
            Optional<Decision> decision = Optional.ofNullable(latest.get(s));
            Evidence now = run.evidence(s).orElse(Evidence.NONE);
            entries.add(new Entry(s, rules.of(decision, now, today), decision, now, run.priority(s)));
        }
        entries.sort(ORDER);
        return entries;
    }

    /** The queue as {@value RunLayout#REVIEW_QUEUE} holds it; unknown values empty. */
    static void write(Path file, List<Entry> entries) throws IOException {
        CsvOutput.write(file, COLUMNS, entries.stream().map(e -> RowFactory.create(e.signal().analysis(),
                e.signal().drug(), e.signal().event(), e.needsReview(),
                e.verdict().map(v -> v.reason().name()).orElse(null), e.verdict().map(v -> v.detail()).orElse(null),
                e.latest().map(d -> d.state().name()).orElse(null),
                e.latest().map(d -> d.decidedAt().toString()).orElse(null),
                e.latest().map(Decision::reviewer).orElse(null), e.latest().map(Decision::reason).orElse(null),
                e.reportsAtDecision(), e.now().reports(), e.newReports(),
                Double.isNaN(e.priority()) ? null : e.priority())).iterator());
    }
}
