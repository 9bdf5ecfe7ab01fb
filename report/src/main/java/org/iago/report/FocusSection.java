package org.iago.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import org.iago.csv.CsvTable;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;
import org.iago.vocabulary.InteractionColumn;
import org.iago.vocabulary.MaskingColumn;
import org.iago.vocabulary.SignalMethod;

/**
 * The section of one focus signal, in the four steps of the IAGO framework (Rejeski et al., Nat Med 2025):
 * identification, attribution, grading, optimization. FAERS supplies counts, disproportionality, emergence and time
 * to onset; the registry ({@link RegistryBlocks}) supplies cumulative incidence, onsets, grades, incidence rates and
 * rate ratios.
 */
final class FocusSection {

    /** The onset-day column of a per-case onset table. */
    private static final List<String> DAY_COLUMNS = List.of("onset_day", "onset_days", "day", "days");
    /** The column of a per-case onset table that says which drug or product a case belongs to. */
    private static final List<String> GROUP_COLUMNS = List.of("product", "drug", "group", "target");

    private final ReportOptions.Focus focus;
    private final String id;
    private final RunFolder run;
    private final SmallCells cells;
    private final SignalRows signals;
    private final OptionalDouble eb05Threshold;
    private final RegistryBlocks registry;

    /** The rows of one signal table for the focus pair, with how the report names its comparator. */
    private record Hits(String comparator, String drug, List<CsvTable.Row> rows) {
    }

    FocusSection(ReportOptions.Focus focus, String id, RunFolder run, SmallCells cells, SignalRows signals,
            OptionalDouble eb05Threshold) {
        this.focus = focus;
        this.id = id;
        this.run = run;
        this.cells = cells;
        this.signals = signals;
        this.eb05Threshold = eb05Threshold;
        this.registry = new RegistryBlocks(focus, id, run, cells, signals);
    }

    Section build() {
        String aliases = focus.aliases().isEmpty() ? ""
                : " Also matched under: " + String.join("; ", focus.aliases()) + ".";
        List<Block> notes = new ArrayList<>();
        List<Hits> hits = faersHits(notes);
        return new Section(id, focus.title(), "Focus signal: " + focus.drug() + " and " + focus.event() + "."
                + aliases, List.of(identification(hits, notes), attribution(hits), grading(), optimization()));
    }

    private Section.Part identification(List<Hits> hits, List<Block> notes) {
        List<Block> blocks = new ArrayList<>(notes);
        Table.Builder counts = new Table.Builder(id + "-counts", "FAERS 2×2 counts (distinct reports)",
                List.of("comparator", "drug", "event", "a: drug and event", "b: drug, other events",
                        "c: event, other drugs", "d: neither", "expected E"));
        for (Hits h : hits) {
            for (CsvTable.Row r : h.rows()) {
                counts.row(Cell.of(h.comparator()), Cell.of(r.get("drug")), Cell.of(r.get("event")),
                        Cell.countOf(r, "a", cells), Cell.countOf(r, "b", cells), Cell.countOf(r, "c", cells),
                        Cell.countOf(r, "d", cells), Cell.number(r.number("expected")));
            }
        }
        addTable(blocks, counts.build(), "No FAERS report pairs " + focus.drug() + " with " + focus.event() + ".");
        emergenceSeries(blocks);
        registry.cumulativeIncidence(blocks);
        return new Section.Part(id + "-identification", "Identification",
                "How often the toxicity is reported and observed, and how the signal has built up over time.",
                blocks);
    }

    private Section.Part attribution(List<Hits> hits) {
        List<Block> blocks = new ArrayList<>();
        Table.Builder dp = new Table.Builder(id + "-disproportionality",
                "Disproportionality against the whole database and within CAR-T (within-class comparator)",
                List.of("comparator", "event", "a", "PRR (95% CI)", "χ² (Yates)", "ROR (95% CI)",
                        "IC (IC025–IC975)", "EBGM (EB05–EB95)", "LRT p", "flagged by", "status"));
        for (Hits h : hits) {
            for (CsvTable.Row r : h.rows()) {
                dp.row(Cell.of(h.comparator() + " (" + h.drug() + ")"), Cell.of(r.get("event")),
                        Cell.countOf(r, "a", cells),
                        Cell.interval(r, "prr", "prr_lower", "prr_upper"), Cell.number(r.number("chi2")),
                        Cell.interval(r, "ror", "ror_lower", "ror_upper"), Cell.interval(r, "ic", "ic025", "ic975"),
                        Cell.interval(r, "ebgm", "eb05", "eb95"), Cell.pValue(r.number("llr_p")),
                        Cell.of(SignalRows.methods(r)),
                        Cell.of(signals.status(r.get("drug"), r.get("event"))));
            }
        }
        addTable(blocks, dp.build(), "No disproportionality row for " + focus.title() + ".");
        falseDiscoveryRates(hits, blocks);
        interactions(blocks);
        masking(blocks);
        forest(blocks);
        new ComparatorBlocks(focus, id, run, cells, signals).forest(blocks);
        firstQuarters(blocks);
        onset(blocks);
        return new Section.Part(id + "-attribution", "Attribution",
                "Is the toxicity linked to the therapy: disproportionality against comparators, across products, "
                        + "the quarter each method first flagged it, and time to onset.", blocks);
    }

    private Section.Part grading() {
        List<Block> blocks = new ArrayList<>();
        registry.grades(blocks);
        registry.incidenceRates(blocks);
        return new Section.Part(id + "-grading", "Grading",
                focus.isInfection()
                        ? "Clinical impact under one grading, and the standardized infection breakdown: first 30 "
                                + "days or later, pathogen class, severity, setting and prophylaxis."
                        : "Clinical impact under one harmonised grading, as the registry captures it.", blocks);
    }

    private Section.Part optimization() {
        List<Block> blocks = new ArrayList<>();
        registry.rateRatios(blocks);
        return new Section.Part(id + "-optimization", "Optimization",
                "Management: how the incidence differs between strategies such as prophylaxis or none.", blocks);
    }

    /**
     * Each method's false discovery rate of the focus pair over its whole screen: how much of what is flagged at
     * that rank is expected to be noise. Runs made before the FDR columns existed leave the table out.
     */
    private void falseDiscoveryRates(List<Hits> hits, List<Block> blocks) {
        List<String> header = new ArrayList<>(List.of("comparator", "event"));
        for (SignalMethod m : SignalMethod.values()) {
            header.add(m.label() + " FDR");
        }
        Table.Builder t = new Table.Builder(id + "-fdr", "False discovery rate of the pair among every pair of its "
                + "screen (Benjamini–Hochberg on the PRR, ROR and LRT p-values; Bayesian, from the posterior "
                + "probability of no excess, for the IC and EBGM)", header);
        boolean any = false;
        for (Hits h : hits) {
            for (CsvTable.Row r : h.rows()) {
                if (r.optional(SignalMethod.EBGM.falseDiscoveryRate().column()).isEmpty()
                        && r.optional(SignalMethod.PRR.falseDiscoveryRate().column()).isEmpty()) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(h.comparator() + " (" + h.drug() + ")"),
                        Cell.of(r.get("event"))));
                for (SignalMethod m : SignalMethod.values()) {
                    cells.add(Cell.pValue(CsvTable.parse(r.optional(m.falseDiscoveryRate().column()))));
                }
                t.row(cells);
                any = true;
            }
        }
        if (any) {
            blocks.add(t.build());
        }
    }

    /**
     * Ω of the focus drug (or its target) with each configured concomitant drug for the focus event: does the event
     * come more often with both than either alone predicts (Norén et al. 2008). A run without {@code interactions:}
     * in its rules has no table, which is a note, not a warning.
     */
    private void interactions(List<Block> blocks) {
        Optional<CsvTable> table = run.csvIfPresent(RunFolder.INTERACTION);
        if (table.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.INTERACTION) + ": no drug–drug interaction measured (set "
                    + "interactions: in the signal rules)."));
            return;
        }
        List<CsvTable.Row> rows = signals.ofFocus(table.get(), focus, InteractionColumn.CART_DRUG.name(),
                InteractionColumn.EVENT.name());
        Table.Builder t = new Table.Builder(id + "-interaction", "Drug–drug interaction: Ω of the CAR-T drug with "
                + "each concomitant drug (Norén et al. 2008; n111 reports with both and the event, n11 with both; "
                + "f the event's fraction with both, the CAR-T drug only, the concomitant only, neither; E111 the "
                + "count expected if the two add their risks; signal: Ω025 > 0 and at least 3 reports)",
                List.of("CAR-T drug", "concomitant", "event", "n111", "n11", "f11", "f10", "f01", "f00", "E111",
                        "Ω (Ω025–Ω975)", "signal"));
        for (CsvTable.Row r : rows) {
            t.row(Cell.of(r.get(InteractionColumn.CART_DRUG.name())),
                    Cell.of(r.get(InteractionColumn.CONCOMITANT.name())),
                    Cell.of(r.get(InteractionColumn.EVENT.name())),
                    Cell.countOf(r, InteractionColumn.N111.name(), cells),
                    Cell.countOf(r, InteractionColumn.N11.name(), cells),
                    Cell.number(r.number(InteractionColumn.F11.name())),
                    Cell.number(r.number(InteractionColumn.F10.name())),
                    Cell.number(r.number(InteractionColumn.F01.name())),
                    Cell.number(r.number(InteractionColumn.F00.name())),
                    Cell.number(r.number(InteractionColumn.E111.name())),
                    Cell.interval(r, InteractionColumn.OMEGA.name(), InteractionColumn.OMEGA025.name(),
                            InteractionColumn.OMEGA975.name()),
                    Cell.of("true".equals(r.get(InteractionColumn.SIGNAL.name())) ? "signal" : ""));
        }
        addTable(blocks, t.build(), "No configured drug pair of " + focus.drug() + " was reported with "
                + focus.event() + ".");
    }

    /**
     * The focus drug's (or its target's) pairs for the focus event beside themselves without their strongest maskers
     * and without the drug's competing events (Maignen et al. 2014; Salvo et al. 2013): one line per pair, so a
     * reviewer sees whether a signal hides or appears. A run without {@code masking.csv} has a note.
     */
    private void masking(List<Block> blocks) {
        Optional<CsvTable> table = run.csvIfPresent(RunFolder.MASKING);
        if (table.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.MASKING) + ": no masking or event-competition analysis "
                    + "(bin/iago signals --masking)."));
            return;
        }
        Map<String, Map<String, CsvTable.Row>> byPair = new LinkedHashMap<>();
        Map<String, List<CsvTable.Row>> maskers = new LinkedHashMap<>();
        for (CsvTable.Row r : signals.ofFocus(table.get(), focus, MaskingColumn.DRUG.name(),
                MaskingColumn.EVENT.name())) {
            String pair = r.get(MaskingColumn.DRUG.name()) + " × " + r.get(MaskingColumn.EVENT.name());
            String removal = r.get(MaskingColumn.REMOVAL.name());
            if (removal.equals(MaskingColumn.Removal.MASKER.label())) {
                maskers.computeIfAbsent(pair, p -> new ArrayList<>()).add(r);
            } else {
                byPair.computeIfAbsent(pair, p -> new LinkedHashMap<>()).put(removal, r);
            }
        }
        Table.Builder t = new Table.Builder(id + "-masking", "Masking and event competition: the pair on all reports, "
                + "its strongest maskers with their masking ratio (MR: the PRR without the masker's reports over the "
                + "PRR; Maignen et al. 2014), the ROR without all of them, and without the reports of the drug's most "
                + "reported other events that lack this one (Salvo et al. 2013); flags by the ROR rule",
                List.of("drug", "event", "a", "PRR (95% CI)", "ROR (95% CI)", "ROR flag", "top maskers (MR)",
                        "ROR without maskers", "flag", "competing events removed", "ROR without competing events",
                        "flag"));
        byPair.forEach((pair, rows) -> {
            CsvTable.Row main = rows.get(MaskingColumn.Removal.NONE.label());
            if (main == null) {
                return;
            }
            CsvTable.Row unmasked = rows.get(MaskingColumn.Removal.MASKERS.label());
            CsvTable.Row competing = rows.get(MaskingColumn.Removal.COMPETING_EVENTS.label());
            String top = maskers.getOrDefault(pair, List.of()).stream().map(m -> m.get(MaskingColumn.REMOVED.name())
                    + " (" + Table.format(m.number(MaskingColumn.MASKING_RATIO.name())) + ")")
                    .collect(Collectors.joining("; "));
            t.row(Cell.of(main.get(MaskingColumn.DRUG.name())), Cell.of(main.get(MaskingColumn.EVENT.name())),
                    Cell.countOf(main, MaskingColumn.A.name(), cells),
                    Cell.interval(main, MaskingColumn.PRR.name(), MaskingColumn.PRR_LOWER.name(),
                            MaskingColumn.PRR_UPPER.name()), ror(main), flag(main),
                    Cell.of(top.isEmpty() ? "none above 1" : top), ror(unmasked), flag(unmasked),
                    Cell.of(competing == null ? "" : competing.get(MaskingColumn.REMOVED.name())), ror(competing),
                    flag(competing));
        });
        addTable(blocks, t.build(), "No masking row for " + focus.drug() + " and " + focus.event() + ".");
    }

    /** The ROR of a masking row with its interval; empty when the pair has no such row. */
    private static Cell ror(CsvTable.Row r) {
        return r == null ? Cell.of("") : Cell.interval(r, MaskingColumn.ROR.name(), MaskingColumn.ROR_LOWER.name(),
                MaskingColumn.ROR_UPPER.name());
    }

    private static Cell flag(CsvTable.Row r) {
        return Cell.of(r != null && "true".equals(r.get(MaskingColumn.SIGNAL_ROR.name())) ? "signal" : "");
    }

    /** The focus pair in the drug's own table (target or product level) and in the within-class table. */
    private List<Hits> faersHits(List<Block> notes) {
        List<Hits> hits = new ArrayList<>();
        Optional<CsvTable> target = run.csv(RunFolder.TARGET);
        boolean atTarget = target.map(t -> t.rows().stream().anyMatch(r -> focus.matchesDrug(r.get("drug"))))
                .orElse(false);
        // a product is looked up at product level; the within-class table is at target level only
        String own = atTarget || signals.targetOf(focus.drug()).equals(focus.drug())
                ? RunFolder.TARGET : RunFolder.PRODUCT;
        for (String[] part : new String[][] {{own, "whole database", focus.drug()},
                {RunFolder.WITHIN_CLASS, "CAR-T reports only", signals.targetOf(focus.drug())}}) {
            Optional<CsvTable> t = run.csv(part[0]);
            if (t.isEmpty()) {
                notes.add(Note.absent(run.absence(part[0]) + ": no " + part[1] + " comparison."));
                continue;
            }
            List<CsvTable.Row> rows = t.get().where(r -> ReportOptions.Focus.key(r.get("drug"))
                    .equals(ReportOptions.Focus.key(part[2])) && focus.matchesEvent(r.get("event")));
            hits.add(new Hits(part[1], part[2], rows));
        }
        return hits;
    }

    private void emergenceSeries(List<Block> blocks) {
        Optional<CsvTable> series = run.csv(RunFolder.EMERGENCE_SERIES);
        if (series.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.EMERGENCE_SERIES)
                    + ": no time course (the report reads the CSV twin of emergence_series/)."));
            return;
        }
        String drug = signals.targetOf(focus.drug());
        List<CsvTable.Row> rows = series.get().where(r -> ReportOptions.Focus.key(r.get("drug"))
                .equals(ReportOptions.Focus.key(drug)) && focus.matchesEvent(r.get("event")));
        rows = rows.stream().sorted(Comparator.comparing((CsvTable.Row r) -> r.get("event"))
                .thenComparing(r -> r.get("quarter"))).toList();
        Table.Builder t = new Table.Builder(id + "-emergence-series",
                "Time course: cumulative analysis of all reports up to each quarter (" + drug + ")",
                List.of("event", "quarter", "a (cumulative)", "ROR lower 95%", "IC025", "EB05", "flagged by"));
        Map<String, List<Charts.QuarterPoint>> points = new LinkedHashMap<>();
        for (CsvTable.Row r : rows) {
            t.row(Cell.of(r.get("event")), Cell.of(r.get("quarter")), Cell.countOf(r, "a", cells),
                    Cell.number(r.number("ror_lower")), Cell.number(r.number("ic025")),
                    Cell.number(r.number("eb05")), Cell.of(SignalRows.methods(r)));
            if (!Double.isNaN(r.number("eb05"))) {
                points.computeIfAbsent(r.get("event"), e -> new ArrayList<>()).add(new Charts.QuarterPoint(
                        r.get("quarter"), r.number("eb05"), "true".equalsIgnoreCase(r.get("signal_ebgm"))));
            }
        }
        if (!points.isEmpty()) {
            blocks.add(Charts.emergence(id + "-emergence-chart", "EB05 by quarter: " + drug + " × " + focus.event(),
                    "EB05 of the cumulative analysis through each quarter (" + RunFolder.EMERGENCE_SERIES
                            + "); filled markers: quarters the EBGM rule flagged; dashed vertical line: first "
                            + "EBGM signal (" + RunFolder.EMERGENCE + ").", points, firstEbgm(drug), eb05Threshold));
        }
        addTable(blocks, t.build(), "No quarter of " + RunFolder.EMERGENCE_SERIES + " holds " + drug + " × "
                + focus.event() + ".");
    }

    private Map<String, String> firstEbgm(String drug) {
        Map<String, String> first = new LinkedHashMap<>();
        run.csv(RunFolder.EMERGENCE).ifPresent(t -> t.rows().stream()
                .filter(r -> ReportOptions.Focus.key(r.get("drug")).equals(ReportOptions.Focus.key(drug))
                        && focus.matchesEvent(r.get("event")) && !r.get("first_ebgm").isBlank())
                .forEach(r -> first.put(r.get("event"), r.get("first_ebgm"))));
        return first;
    }

    private void firstQuarters(List<Block> blocks) {
        Optional<CsvTable> emergence = run.csv(RunFolder.EMERGENCE);
        if (emergence.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.EMERGENCE) + ": no emergence timeline."));
            return;
        }
        String drug = signals.targetOf(focus.drug());
        Table.Builder t = new Table.Builder(id + "-emergence", "Emergence timeline: first quarter each method "
                + "flagged " + drug + " × " + focus.event(), header());
        for (CsvTable.Row r : emergence.get().where(r -> ReportOptions.Focus.key(r.get("drug"))
                .equals(ReportOptions.Focus.key(drug)) && focus.matchesEvent(r.get("event")))) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(r.get("event"))));
            for (SignalMethod m : SignalMethod.values()) {
                String first = r.get(m.firstQuarter());
                row.add(Cell.of(first.isBlank() ? "not flagged" : first));
            }
            t.row(row);
        }
        addTable(blocks, t.build(), "No row of " + RunFolder.EMERGENCE + " for " + drug + " × " + focus.event()
                + ".");
    }

    /** {@code event} and each method's label. */
    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("event"));
        for (SignalMethod m : SignalMethod.values()) {
            header.add(m.label());
        }
        return header;
    }

    /** Forest plots across products, one per matching event, with the table they are drawn from. */
    private void forest(List<Block> blocks) {
        Optional<CsvTable> product = run.csv(RunFolder.PRODUCT);
        if (product.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.PRODUCT) + ": no comparison across products."));
            return;
        }
        if (!signals.hasProducts()) {
            blocks.add(Note.info("No CAR-T product list in the report options: no forest plot across products."));
            return;
        }
        Map<String, List<CsvTable.Row>> byEvent = new LinkedHashMap<>();
        product.get().rows().stream().filter(r -> focus.matchesEvent(r.get("event")) && signals.isCart(r.get("drug")))
                .sorted(Comparator.comparing((CsvTable.Row r) -> !signals.belongsTo(r.get("drug"), focus.drug()))
                        .thenComparing(r -> r.get("drug")))
                .forEach(r -> byEvent.computeIfAbsent(r.get("event"), e -> new ArrayList<>()).add(r));
        if (byEvent.isEmpty()) {
            blocks.add(Note.info("No CAR-T product has a report of " + focus.event() + " in " + RunFolder.PRODUCT
                    + "."));
        }
        int n = 0;
        for (Map.Entry<String, List<CsvTable.Row>> e : byEvent.entrySet()) {
            n++;
            List<Charts.ForestRow> rows = new ArrayList<>();
            Table.Builder t = new Table.Builder(id + "-forest-" + n, "Across products: " + e.getKey(),
                    List.of("product", "target", "a", "ROR (95% CI)", "IC (IC025–IC975)", "flagged by"));
            for (CsvTable.Row r : e.getValue()) {
                String drug = r.get("drug");
                long a = (long) r.number("a");
                rows.add(new Charts.ForestRow(drug + " (a " + (cells.suppressed(a) ? "" : "= ") + cells.show(a) + ")",
                        signals.belongsTo(drug, focus.drug()), r.number("ror"), r.number("ror_lower"),
                        r.number("ror_upper"), r.number("ic"), r.number("ic025"), r.number("ic975")));
                t.row(Cell.of(drug), Cell.of(signals.targetOf(drug)), Cell.countOf(r, "a", cells),
                        Cell.interval(r, "ror", "ror_lower", "ror_upper"), Cell.interval(r, "ic", "ic025", "ic975"),
                        Cell.of(SignalRows.methods(r)));
            }
            blocks.add(Charts.forest(id + "-forest-chart-" + n, "ROR and IC across products: " + e.getKey(),
                    "Product-level disproportionality against the whole database (" + RunFolder.PRODUCT + "); "
                            + "products of " + focus.drug() + " in blue; dashed lines at ROR = 1 and IC = 0; "
                            + "intervals open at 0 or ∞ are drawn to the axis edge.", rows));
            blocks.add(t.build());
        }
    }

    private void onset(List<Block> blocks) {
        Optional<CsvTable> faers = run.csv(RunFolder.ONSET);
        List<CsvTable.Row> rows = faers.map(t -> t.where(r -> focus.matchesEvent(r.get("event"))
                && (signals.isCart(r.get("drug")) || focus.matchesDrug(r.get("drug"))))).orElse(List.of());
        rows = rows.stream().sorted(Comparator.comparing((CsvTable.Row r) -> !signals.belongsTo(r.get("drug"),
                focus.drug())).thenComparing(r -> r.get("drug"))).toList();
        if (faers.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.ONSET) + ": no FAERS time to onset."));
        } else {
            Table.Builder t = new Table.Builder(id + "-onset", "FAERS time to onset (days), Weibull shape test and "
                    + "onsets compared (two-sample Kolmogorov–Smirnov and Anderson–Darling p: the event under other "
                    + "drugs; the drug's other events)",
                    List.of("drug", "event", "reports", "onsets", "excluded: partial dates", "excluded: negative",
                            "median (Q1–Q3)", "Weibull shape ν (95% CI)", "p (ν = 1)", "hazard",
                            "KS p vs other drugs", "KS p vs other events", "AD p vs other drugs",
                            "AD p vs other events", "caveat"));
            for (CsvTable.Row r : rows) {
                t.row(Cell.of(r.get("drug")), Cell.of(r.get("event")), Cell.countOf(r, "reports", cells),
                        Cell.countOf(r, "onsets", cells), Cell.countOf(r, "excluded_partial", cells),
                        Cell.countOf(r, "excluded_negative", cells),
                        Cell.interval(r, "onset_median", "onset_q1", "onset_q3"),
                        Cell.interval(r, "weibull_shape", "weibull_shape_lower", "weibull_shape_upper"),
                        Cell.pValue(r.number("weibull_p")), Cell.of(r.get("hazard")),
                        Cell.pValue(r.number("ks_other_drugs_p")), Cell.pValue(r.number("ks_other_events_p")),
                        Cell.pValue(r.number("ad_other_drugs_p")), Cell.pValue(r.number("ad_other_events_p")),
                        Cell.of(r.get("caveat")));
            }
            addTable(blocks, t.build(), "No FAERS onset row for " + focus.event() + ".");
        }
        List<Charts.Quartiles> quartiles = rows.stream().filter(r -> !Double.isNaN(r.number("onset_median")))
                .map(r -> new Charts.Quartiles(r.get("drug") + " · " + r.get("event"),
                        signals.belongsTo(r.get("drug"), focus.drug()), r.number("onset_median"),
                        r.number("onset_q1"), r.number("onset_q3"))).toList();
        if (!quartiles.isEmpty()) {
            blocks.add(Charts.onsetQuartiles(id + "-onset-chart", "FAERS time to onset: " + focus.event(),
                    "Median and interquartile range of the FAERS onsets per drug (" + RunFolder.ONSET + ").",
                    quartiles));
        }
        registry.onset(blocks);
        onsetHistograms(blocks);
    }

    /**
     * Histograms of per-case onsets where the run folder has them ({@code tte/onset_days.csv} from the registry,
     * {@code onset/onset_days.csv} from FAERS: one row per case with the drug or product and the onset day). Both are
     * optional: the onset summaries above do without them.
     */
    private void onsetHistograms(List<Block> blocks) {
        for (String[] source : new String[][] {{RunFolder.REGISTRY_ONSET_DAYS, "Registry", "infusion"},
                {RunFolder.FAERS_ONSET_DAYS, "FAERS", "start of therapy"}}) {
            Optional<CsvTable> table = run.csvIfPresent(source[0]);
            if (table.isEmpty()) {
                continue;
            }
            Optional<String> day = DAY_COLUMNS.stream().filter(table.get()::has).findFirst();
            Optional<String> group = GROUP_COLUMNS.stream().filter(table.get()::has).findFirst();
            List<Double> days = table.get().rows().stream()
                    .filter(r -> focus.matchesEvent(r.get("event")))
                    .filter(r -> group.isEmpty() || signals.belongsTo(r.get(group.get()), focus.drug()))
                    .map(r -> day.map(r::number).orElse(Double.NaN)).filter(d -> !Double.isNaN(d)).toList();
            if (days.isEmpty()) {
                blocks.add(Note.info("No onset of " + focus.title() + " in " + source[0] + "."));
                continue;
            }
            blocks.add(Charts.onsetHistogram(id + "-onset-histogram-" + ReportModel.slug(source[1]),
                    source[1] + " time to onset: " + focus.title(), "Days from " + source[2] + " to onset, one "
                            + "count per case (" + source[0] + ").", days, cells));
        }
    }

    private static void addTable(List<Block> blocks, Table table, String whenEmpty) {
        if (!table.isEmpty()) {
            blocks.add(table);
        } else if (!whenEmpty.isEmpty()) {
            blocks.add(Note.info(whenEmpty));
        }
    }
}
