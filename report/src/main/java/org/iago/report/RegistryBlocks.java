package org.iago.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iago.csv.CsvTable;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;

/**
 * The registry's time-to-event tables ({@code tte/}, docs/outputs-tte.md) for one focus signal: cumulative incidence
 * by product with Gray's test, onsets, grades, incidence rates with the infection breakdown, and rate ratios of
 * management strategies. Rows are picked by event (a table without an event column holds infections only) and, where
 * a table repeats every estimate per group, by the groups the section is about: all patients and the focus drug,
 * unless the point of the table is to compare products.
 */
final class RegistryBlocks {

    /** The breakdowns of infection rates, in the order of the IAGO authors' questions (window is in every table). */
    private static final List<String> DIMENSIONS = List.of("all", "pathogen_class", "severity", "setting",
            "prophylaxis", "antibacterial_prophylaxis");

    private final ReportOptions.Focus focus;
    private final String id;
    private final RunFolder run;
    private final SmallCells cells;
    private final SignalRows signals;

    /** A table's rows for this focus event, with the table for its columns. */
    private record Slice(CsvTable table, List<CsvTable.Row> rows) {
    }

    RegistryBlocks(ReportOptions.Focus focus, String id, RunFolder run, SmallCells cells, SignalRows signals) {
        this.focus = focus;
        this.id = id;
        this.run = run;
        this.cells = cells;
        this.signals = signals;
    }

    /** Curves by product with CI bands, the incidence at fixed days, and Gray's test across groups. */
    void cumulativeIncidence(List<Block> blocks) {
        slice(RunFolder.CUMULATIVE_INCIDENCE, "cumulative incidence curves", blocks).ifPresent(s -> {
            // the file also holds the competing causes' incidences (cause = death, relapse_or_next_therapy)
            List<CsvTable.Row> rows = s.rows().stream()
                    .filter(r -> !s.table().has("cause") || r.get("cause").equalsIgnoreCase("event")).toList();
            String groupBy = preferredGrouping(rows);
            Map<String, Map<String, List<Charts.CurvePoint>>> byEvent = new LinkedHashMap<>();
            rows.stream().filter(r -> r.optional("group_by").equals(groupBy))
                    .forEach(r -> byEvent.computeIfAbsent(r.get("event"), e -> new LinkedHashMap<>())
                            .computeIfAbsent(r.optional("group").isBlank() ? "all" : r.optional("group"),
                                    g -> new ArrayList<>())
                            .add(new Charts.CurvePoint(r.number("time"), r.number("estimate"), r.number("lower"),
                                    r.number("upper"))));
            int n = 0;
            for (Map.Entry<String, Map<String, List<Charts.CurvePoint>>> e : byEvent.entrySet()) {
                e.getValue().values().forEach(points -> points.sort(Comparator.comparingDouble(
                        Charts.CurvePoint::time)));
                Set<String> banded = new LinkedHashSet<>(e.getValue().keySet());
                banded.removeIf(g -> !signals.belongsTo(g, focus.drug()));
                blocks.add(Charts.cumulativeIncidence(id + "-cuminc-chart-" + ++n,
                        "Cumulative incidence of " + e.getKey() + (groupBy.isBlank() ? "" : " by " + groupBy),
                        "Registry, Aalen–Johansen estimate of the first occurrence with death (and, where "
                                + "configured, relapse or next therapy) as competing event ("
                                + RunFolder.CUMULATIVE_INCIDENCE + "); pointwise 95% CI as bands"
                                + (banded.isEmpty() ? "" : " for " + focus.drug() + ", other groups as thin lines")
                                + ".", e.getValue(), banded));
            }
        });
        slice(RunFolder.CUMULATIVE_INCIDENCE_SUMMARY, "cumulative incidence summary", blocks).ifPresent(s ->
                blocks.add(Table.of(id + "-cuminc", "Registry cumulative incidence by group", s.rows(),
                        s.table().columns(), cells)));
        slice(RunFolder.GRAYS_TEST, "Gray's test", blocks).ifPresent(s ->
                blocks.add(Table.of(id + "-grays-test", "Gray's test: equal cumulative incidence across groups",
                        s.rows(), s.table().columns(), cells)));
    }

    /** Median and quartiles of the registry onsets by group, as a table and a chart by product. */
    void onset(List<Block> blocks) {
        slice(RunFolder.REGISTRY_ONSET, "registry time to onset", blocks).ifPresent(s -> {
            blocks.add(Table.of(id + "-registry-onset", "Registry time to onset (days since infusion) and Weibull "
                    + "shape test", s.rows(), s.table().columns(), cells));
            String groupBy = preferredGrouping(s.rows());
            List<Charts.Quartiles> quartiles = s.rows().stream()
                    .filter(r -> r.optional("group_by").equals(groupBy) && !Double.isNaN(r.number("onset_median")))
                    .map(r -> new Charts.Quartiles(r.optional("group").isBlank() ? r.get("event") : r.optional("group"),
                            signals.belongsTo(r.optional("group"), focus.drug()), r.number("onset_median"),
                            r.number("onset_q1"), r.number("onset_q3"))).toList();
            if (!quartiles.isEmpty()) {
                blocks.add(Charts.onsetQuartiles(id + "-registry-onset-chart", "Registry time to onset: "
                        + focus.event(), "Median and interquartile range of the onset days of the patients with "
                        + "the event (" + RunFolder.REGISTRY_ONSET + ").", quartiles));
            }
        });
    }

    /**
     * Grades harmonised from the raw parameters (ASTCT, EHA/EBMT), their distribution, their agreement with the
     * recorded grades (kappa) and the recorded-by-harmonised cross-table.
     */
    void grades(List<Block> blocks) {
        slice(RunFolder.GRADE_DISTRIBUTION, "registry grade distribution", blocks).ifPresent(s ->
                blocks.add(Table.of(id + "-grades", "Registry grade distribution under harmonised grading (empty "
                        + "grade: ungradable)", focusGroups(s.rows()), s.table().columns(), cells)));
        slice(RunFolder.GRADING_AGREEMENT, "grading agreement", blocks).ifPresent(s ->
                blocks.add(Table.of(id + "-grading-agreement", "Agreement between the recorded and the harmonised "
                        + "grade", focusGroups(s.rows()), s.table().columns(), cells)));
        slice(RunFolder.GRADING_CONFUSION, "grading cross-table", blocks).ifPresent(s -> {
            Map<String, List<CsvTable.Row>> bySystem = new LinkedHashMap<>();
            s.rows().forEach(r -> bySystem.computeIfAbsent(r.get("recorded_system"), k -> new ArrayList<>()).add(r));
            bySystem.forEach((system, rows) -> blocks.add(confusion(system, rows)));
        });
    }

    /** Episodes by recorded grade (rows) and harmonised grade (columns); an empty harmonised grade is ungradable. */
    private Table confusion(String system, List<CsvTable.Row> rows) {
        List<String> derived = rows.stream().map(r -> r.get("derived_grade")).distinct()
                .sorted(Comparator.comparing(String::isBlank).thenComparing(Comparator.naturalOrder())).toList();
        List<String> columns = new ArrayList<>(List.of("recorded " + system));
        derived.forEach(d -> columns.add(d.isBlank() ? "ungradable" : "harmonised " + d));
        Map<String, Map<String, CsvTable.Row>> byRecorded = new LinkedHashMap<>();
        rows.forEach(r -> byRecorded.computeIfAbsent(r.get("recorded_grade"), k -> new LinkedHashMap<>())
                .put(r.get("derived_grade"), r));
        Table.Builder t = new Table.Builder(id + "-grading-" + ReportModel.slug(system), "Episodes by grade "
                + "recorded in " + system + " and harmonised grade", columns);
        byRecorded.forEach((recorded, byDerived) -> {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(recorded)));
            derived.forEach(d -> row.add(byDerived.containsKey(d) ? Cell.countOf(byDerived.get(d), "episodes", cells)
                    : Cell.of("")));
            t.row(row);
        });
        return t.build();
    }

    /**
     * Rates per 100 patient-days with one column group per window: one table per breakdown (pathogen class,
     * severity, setting, prophylaxis) for all patients and the focus drug, and one across products.
     */
    void incidenceRates(List<Block> blocks) {
        slice(RunFolder.INCIDENCE_RATES, "incidence rates", blocks).ifPresent(s -> {
            String rate = s.table().has("rate_per_100") ? "rate_per_100" : "rate";
            List<String> windows = s.rows().stream().map(r -> r.get("window")).distinct().toList();
            Map<String, List<CsvTable.Row>> byDimension = new LinkedHashMap<>();
            s.rows().stream().sorted(Comparator.comparingInt(r -> rank(r.get("dimension"))))
                    .forEach(r -> byDimension.computeIfAbsent(r.get("dimension").isBlank() ? "all"
                            : r.get("dimension"), d -> new ArrayList<>()).add(r));
            byDimension.forEach((dimension, rows) -> blocks.add(rates(id + "-rates-" + ReportModel.slug(dimension),
                    focus.event() + " per 100 patient-days" + (dimension.equals("all") ? ""
                            : " by " + dimension.replace('_', ' ')) + ": all patients and " + focus.drug(),
                    focusGroups(rows), windows, rate)));
            List<CsvTable.Row> products = byDimension.getOrDefault("all", List.of()).stream()
                    .filter(r -> r.optional("group_by").equals("product")).toList();
            if (!products.isEmpty()) {
                blocks.add(rates(id + "-rates-by-product", focus.event() + " per 100 patient-days by product",
                        products, windows, rate));
            }
        });
    }

    void rateRatios(List<Block> blocks) {
        slice(RunFolder.RATE_RATIOS, "incidence rate ratios", blocks).ifPresent(s -> {
            List<String> known = List.of("event", "comparison", "group_by", "group", "window", "rate_ratio", "lower",
                    "upper", "p_value");
            List<String> extra = s.table().columns().stream()
                    .filter(c -> known.stream().noneMatch(c::equalsIgnoreCase)).toList();
            List<String> columns = new ArrayList<>(List.of("comparison", "group", "window", "rate ratio (95% CI)",
                    "p"));
            columns.addAll(extra);
            Table.Builder t = new Table.Builder(id + "-rate-ratios", "Incidence rate ratios, index arm to reference "
                    + "arm (exact per window; Mantel–Haenszel when stratified by window)", columns);
            for (CsvTable.Row r : focusGroups(s.rows())) {
                List<Cell> row = new ArrayList<>(List.of(Cell.of(r.get("comparison").replace('_', ' ')),
                        Cell.of(group(r)), Cell.of(r.get("window")),
                        Cell.interval(r, "rate_ratio", "lower", "upper"), Cell.pValue(r.number("p_value"))));
                extra.forEach(c -> row.add(Table.cell(r.get(c), c, cells)));
                t.row(row);
            }
            blocks.add(t.build());
        });
    }

    /** Rows keyed by level and group, one column group (events, patient-days, rate) per window. */
    private Table rates(String tableId, String caption, List<CsvTable.Row> rows, List<String> windows, String rate) {
        List<String> columns = new ArrayList<>(List.of("level", "group"));
        for (String w : windows) {
            columns.addAll(List.of("events " + w, "patient-days " + w, "rate " + w + " (95% CI)"));
        }
        Map<String, Map<String, CsvTable.Row>> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(r.get("level") + "\u0000" + group(r), k -> new LinkedHashMap<>())
                .put(r.get("window"), r));
        Table.Builder t = new Table.Builder(tableId, caption + " (exact Poisson 95% CI)", columns);
        for (Map<String, CsvTable.Row> byWindow : byKey.values()) {
            CsvTable.Row first = byWindow.values().iterator().next();
            List<Cell> row = new ArrayList<>(List.of(Cell.of(first.get("level")), Cell.of(group(first))));
            for (String w : windows) {
                CsvTable.Row r = byWindow.get(w);
                if (r == null) {
                    row.addAll(List.of(Cell.of(""), Cell.of(""), Cell.of("")));
                } else {
                    row.addAll(List.of(Cell.countOf(r, "events", cells), Cell.number(r.number("patient_days")),
                            Cell.interval(r, rate, "lower", "upper")));
                }
            }
            t.row(row);
        }
        return t.build();
    }

    /**
     * A table's rows for the focus event; a table without an event (or category) column holds infections only. Empty,
     * with a note, when the table is missing or has nothing for the focus.
     */
    private Optional<Slice> slice(String part, String what, List<Block> blocks) {
        Optional<CsvTable> table = run.csv(part);
        if (table.isEmpty()) {
            blocks.add(Note.absent(run.absence(part) + ": no " + what + "."));
            return Optional.empty();
        }
        // the grading tables name the toxicity category, the others the event
        String event = table.get().has("event") ? "event" : "category";
        List<CsvTable.Row> rows;
        if (table.get().has(event)) {
            rows = table.get().where(r -> focus.matchesEvent(r.get(event)));
        } else if (focus.isInfection()) {
            rows = table.get().rows();
        } else {
            return Optional.empty();
        }
        if (rows.isEmpty()) {
            blocks.add(Note.info("No " + what + " for " + focus.event() + " in " + part + "."));
            return Optional.empty();
        }
        return Optional.of(new Slice(table.get(), rows));
    }

    /** All patients and the focus drug's own group (its target or product row); every row if the table has none. */
    private List<CsvTable.Row> focusGroups(List<CsvTable.Row> rows) {
        return rows.stream().filter(r -> r.optional("group_by").isBlank() || r.optional("group_by").equalsIgnoreCase("all")
                || focus.matchesDrug(r.optional("group"))).toList();
    }

    /** Curves by product when the table has them, else by target, else whatever grouping it has. */
    private static String preferredGrouping(List<CsvTable.Row> rows) {
        Set<String> groupings = new LinkedHashSet<>();
        rows.forEach(r -> groupings.add(r.optional("group_by")));
        return groupings.contains("product") ? "product" : groupings.contains("target") ? "target"
                : groupings.stream().findFirst().orElse("");
    }

    private static String group(CsvTable.Row r) {
        String by = r.optional("group_by");
        return by.isBlank() || by.equalsIgnoreCase("all") ? r.optional("group").isBlank() ? "all" : r.optional("group")
                : by + ": " + r.optional("group");
    }

    private static int rank(String dimension) {
        int i = DIMENSIONS.indexOf(dimension.isBlank() ? "all" : dimension);
        return i < 0 ? DIMENSIONS.size() : i;
    }
}
