package org.iago.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.iago.csv.CsvTable;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;
import org.iago.vocabulary.PriorityColumn;
import org.iago.vocabulary.RunLayout;

/**
 * The summary: the review queue (the signals needing review, then the signal log by state), what is new since the
 * last run (and which results are an earlier run's), the data behind the report,
 * and the focus signals at a glance.
 */
final class SummarySection {

    private final RunFolder run;
    private final ReportOptions options;
    private final SmallCells cells;
    private final SignalRows signals;

    SummarySection(RunFolder run, ReportOptions options, SmallCells cells, SignalRows signals) {
        this.run = run;
        this.options = options;
        this.cells = cells;
        this.signals = signals;
    }

    Section build() {
        return new Section("summary", "Summary", "", List.of(queue(), news(), data(), focus()));
    }

    /**
     * The nightly's {@value RunFolder#REVIEW_QUEUE} in two tables, in its order: the signals needing review, highest
     * priority first, with the priority, why and the reports since the last review; then the others by review state.
     * Each with its last decision.
     */
    private Section.Part queue() {
        List<Block> blocks = new ArrayList<>();
        Optional<CsvTable> queue = run.csv(RunFolder.REVIEW_QUEUE);
        if (queue.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.REVIEW_QUEUE) + ": no review queue (the nightly writes it"
                    + " from the review log, see 'iago review')."));
        } else {
            List<CsvTable.Row> rows = queue.get().where(r -> signals.isCart(r.get("drug")));
            Table.Builder waiting = new Table.Builder("review-queue", "Signals needing review", List.of("analysis",
                    "drug", "event", "priority", "why", "new reports since the last review", "reports (a)", "state",
                    "last decision", "reviewer", "decision reason"));
            Table.Builder log = new Table.Builder("signal-log", "Signal log by review state", List.of("state",
                    "analysis", "drug", "event", "last decision", "reviewer", "decision reason",
                    "new reports since the last review", "reports (a)"));
            for (CsvTable.Row r : rows) {
                Cell state = Cell.of(r.get("state").isEmpty() ? "never reviewed" : r.get("state"));
                Cell decided = Cell.of(day(r.get("decided_at")));
                Cell added = Cell.countOf(r, "new_reports", cells);
                Cell reports = Cell.countOf(r, "reports_now", cells);
                if (Boolean.parseBoolean(r.get("needs_review"))) {
                    waiting.row(Cell.of(r.get("analysis")), Cell.of(r.get("drug")), Cell.of(r.get("event")),
                            Cell.number(r.number("priority")), Cell.of(r.get("detail")), added, reports, state,
                            decided, Cell.of(r.get("reviewer")), Cell.of(r.get("decision_reason")));
                } else {
                    log.row(state, Cell.of(r.get("analysis")), Cell.of(r.get("drug")), Cell.of(r.get("event")),
                            decided, Cell.of(r.get("reviewer")), Cell.of(r.get("decision_reason")), added, reports);
                }
            }
            Table first = waiting.build();
            Table second = log.build();
            blocks.add(Note.info(first.rows().size() + " of " + rows.size() + " signals need review: never"
                    + " reviewed, a MONITOR condition met, or REFUTED or NOT_VALIDATED and strengthened or reported"
                    + " again since. Record decisions with 'iago review set'; the next run queues them anew."));
            blocks.add(first.isEmpty() ? Note.info("No signal needs review.") : first);
            blocks.add(second.isEmpty() ? Note.info("No other signal has a review decision.") : second);
        }
        return new Section.Part("summary-queue", "Review queue",
                signals.hasProducts() ? "CAR-T products and targets only." : "", blocks);
    }

    /** The day of an ISO-8601 instant ({@code 2026-12-07T09:30:00Z}); empty stays empty. */
    private static String day(String instant) {
        int t = instant.indexOf('T');
        return t < 0 ? instant : instant.substring(0, t);
    }

    /** NEW and STRENGTHENED signals of the status comparison with the last run, highest review priority first. */
    private Section.Part news() {
        List<Block> blocks = new ArrayList<>();
        ProvenanceSection.takenOver(run).ifPresent(earlier -> blocks.add(Note.info("Inputs and settings unchanged: "
                + "this run shows the " + earlier + " (taken over, not computed again; see Provenance).")));
        Optional<CsvTable> status = run.csv(RunFolder.STATUS);
        if (status.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.STATUS) + ": no comparison with the last run."));
        } else {
            Map<String, Integer> tally = new TreeMap<>();
            status.get().rows().stream().filter(r -> signals.isCart(r.get("drug")))
                    .forEach(r -> tally.merge(r.get("status"), 1, Integer::sum));
            blocks.add(Note.info("Signal status by method against the last run: " + (tally.isEmpty() ? "no rows"
                    : String.join(", ", tally.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .toList())) + "."));
            Table.Builder t = new Table.Builder("new-signals", "New and strengthened signals since the last run",
                    List.of("drug", "event", "method", "status", "previous lower bound", "current lower bound",
                            "priority")).sortable();
            Map<String, Double> priority = priorities(status.get());
            status.get().rows().stream()
                    .filter(r -> List.of("NEW", "STRENGTHENED").contains(r.get("status").strip()))
                    .filter(r -> signals.isCart(r.get("drug")))
                    .sorted(Comparator.comparingDouble((CsvTable.Row r) -> -priority.getOrDefault(pair(r),
                            Double.NEGATIVE_INFINITY)))
                    .forEach(r -> t.row(Cell.of(r.get("drug")), Cell.of(r.get("event")),
                            Cell.of(SignalRows.methodName(r.get("method"))), Cell.of(r.get("status")),
                            Cell.number(r.number("previous_lower")), Cell.number(r.number("current_lower")),
                            Cell.number(priority.getOrDefault(pair(r), Double.NaN))));
            Table table = t.build();
            blocks.add(table.isEmpty() ? Note.info("No new or strengthened signal since the last run.") : table);
        }
        return new Section.Part("summary-new", "What is new since the last run",
                signals.hasProducts() ? "CAR-T products and targets only." : "", blocks);
    }

    /**
     * The review priority of the status table's pairs, by {@link #pair}, from each analysis's
     * {@value RunLayout#PRIORITY_CSV}; a pair without one (a case table's, no longer flagged) is absent.
     */
    private Map<String, Double> priorities(CsvTable status) {
        Map<String, Double> priority = new HashMap<>();
        for (String analysis : new TreeSet<>(status.rows().stream().map(r -> r.get("analysis")).toList())) {
            run.csvIfPresent(RunLayout.signals(analysis, RunLayout.PRIORITY_CSV)).ifPresent(t -> t.rows().forEach(
                    r -> priority.put(analysis + "\t" + r.get(PriorityColumn.DRUG.column()) + "\t"
                            + r.get(PriorityColumn.EVENT.column()), r.number(PriorityColumn.PRIORITY.column()))));
        }
        return priority;
    }

    /** A status row's pair: analysis, drug and event. */
    private static String pair(CsvTable.Row r) {
        return r.get("analysis") + "\t" + r.get("drug") + "\t" + r.get("event");
    }

    private Section.Part data() {
        List<Block> blocks = new ArrayList<>();
        Optional<JsonNode> provenance = run.json(RunFolder.PROVENANCE);
        JsonNode sources = provenance.map(p -> p.path("sources")).orElse(null);
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            blocks.add(Note.absent((provenance.isEmpty() ? run.absence(RunFolder.PROVENANCE)
                    : RunFolder.PROVENANCE + " lists no sources") + ": no counts of reports and patients."));
        } else {
            Table.Builder t = new Table.Builder("data-sources", "Data sources",
                    List.of("source", "reports", "patients", "from", "to"));
            for (JsonNode s : sources) {
                t.row(Cell.of(s.path("source").asText()), count(s.path("reports")), count(s.path("patients")),
                        Cell.of(s.path("from").asText()), Cell.of(s.path("to").asText()));
            }
            blocks.add(t.build());
        }
        provenance.map(p -> p.path("curation")).filter(c -> c.has("demoRows")).ifPresent(c -> curation(c, blocks));
        return new Section.Part("summary-data", "Reports and patients", "", blocks);
    }

    /** How curation went from DEMO rows to reports, and who named the drugs: counts of the whole lake, not cells. */
    private static void curation(JsonNode c, List<Block> blocks) {
        Table.Builder steps = new Table.Builder("curation", "FAERS curation", List.of("step", "reports"));
        steps.row(Cell.of("DEMO rows of every ingested quarter"), total(c.path("demoRows")));
        steps.row(Cell.of("older versions of a case (latest version kept)"), total(c.path("olderVersions")));
        steps.row(Cell.of("cases on the FDA deleted lists (they hold " + c.path("deletedIdsKind").asText() + "s)"),
                total(c.path("deletedReports")));
        steps.row(Cell.of("duplicates of a report under another caseid (rule " + c.path("duplicateRule").asText()
                + ")"), total(c.path("duplicateReports")));
        steps.row(Cell.of("reports kept"), total(c.path("reports")));
        blocks.add(steps.build());
        JsonNode bySource = c.path("drugRowsBySource");
        long rows = 0;
        for (JsonNode n : bySource) {
            rows += n.asLong();
        }
        Table.Builder names = new Table.Builder("drug-name-sources", "Who named the drugs (drug rows of the kept"
                + " reports)", List.of("source", "drug rows", "share"));
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) bySource::fields) {
            long n = e.getValue().asLong();
            names.row(Cell.of(e.getKey().replace('_', ' ')), total(e.getValue()),
                    Cell.of(rows == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * n / rows)));
        }
        blocks.add(names.build());
        JsonNode unmapped = c.path("unmappedDrugNames");
        if (unmapped.isArray() && !unmapped.isEmpty()) {
            List<String> shown = new ArrayList<>();
            unmapped.forEach(u -> shown.add(u.path("drugname").asText() + " (" + u.path("reports").asLong() + ")"));
            blocks.add(Note.info("Most reported names no dictionary knew (their cleaned name is the drug; add them"
                    + " to a user dictionary, see curated/unmapped_drug_names.csv): " + String.join(", ", shown)
                    + "."));
        }
    }

    private static Cell total(JsonNode n) {
        return n.isMissingNode() ? Cell.of("") : Cell.total(n.asLong());
    }

    /** Each focus signal in one row: reports, ROR, IC025, EB05, the methods that flag it, its status. */
    private Section.Part focus() {
        List<Block> blocks = new ArrayList<>();
        Table.Builder t = new Table.Builder("focus-overview", "Focus signals at a glance (whole-database comparator)",
                List.of("drug", "event", "reports (a)", "ROR (95% CI)", "IC025", "EB05", "flagged by", "status"));
        for (ReportOptions.Focus f : options.focus()) {
            List<CsvTable.Row> rows = new ArrayList<>();
            for (String part : List.of(RunFolder.TARGET, RunFolder.PRODUCT)) {
                run.csv(part).ifPresent(table -> rows.addAll(table.where(r -> f.matchesDrug(r.get("drug"))
                        && f.matchesEvent(r.get("event")))));
                if (!rows.isEmpty()) {
                    break;
                }
            }
            if (rows.isEmpty()) {
                t.row(Cell.of(f.drug()), Cell.of(f.event()), Cell.of("no report"), Cell.of(""),
                        Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""));
            }
            for (CsvTable.Row r : rows) {
                t.row(Cell.of(r.get("drug")), Cell.of(r.get("event")), Table.cell(r.get("a"), "a", cells),
                        Cell.interval(r.number("ror"), r.number("ror_lower"), r.number("ror_upper")),
                        Cell.number(r.number("ic025")), Cell.number(r.number("eb05")),
                        Cell.of(SignalRows.methods(r)), Cell.of(signals.status(r.get("drug"), r.get("event"))));
            }
        }
        Table table = t.build();
        blocks.add(table.isEmpty() ? Note.info("No focus signal in the report options.") : table);
        return new Section.Part("summary-focus", "Focus signals", "", blocks);
    }

    private Cell count(JsonNode n) {
        return n.isNumber() ? Cell.ofCount(n.asLong(), cells) : Cell.of(n.isMissingNode() ? "" : n.asText());
    }
}
