package org.iago.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the template shows, built from a run folder and the options. The sections hold the tables and charts;
 * the template adds the fixed text (methods' formulas, limitations).
 *
 * @param sections      summary, one per focus signal, all signals
 * @param thresholds    the signal rules as the run used them
 * @param suppressBelow the small-cell threshold k (0: off)
 * @param warnings      the parts of the run folder that were missing or unreadable
 */
public record ReportModel(String title, String runId, List<Section> sections, Section methods, Section provenance,
        String thresholds, int suppressBelow, List<String> warnings) {

    static ReportModel build(RunFolder run, ReportOptions options) {
        SmallCells cells = new SmallCells(options.suppressBelow());
        SignalRows signals = new SignalRows(options, run.csv(RunFolder.STATUS));
        List<Section> sections = new ArrayList<>();
        sections.add(new SummarySection(run, options, cells, signals).build());
        int n = 0;
        for (ReportOptions.Focus f : options.focus()) {
            String id = "focus-" + ++n + "-" + slug(f.drug() + " " + f.event());
            sections.add(new FocusSection(f, id, run, cells, signals, MethodsSection.eb05Threshold(
                    options.thresholds())).build());
        }
        sections.add(new SignalsSection(run, cells, signals).build());
        Section methods = new MethodsSection(run).build();
        Section provenance = new ProvenanceSection(run).build();
        String runId = run.json(RunFolder.PROVENANCE).map(p -> p.path("runId").asText("")).orElse("");
        return new ReportModel(options.title(), runId, List.copyOf(sections), methods, provenance,
                options.thresholds(), options.suppressBelow(), run.warnings());
    }

    /** Lower-case letters, digits and dashes, at most 40 characters: safe for ids and file names. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "x" : s;
    }

    /** Every section in page order. */
    List<Section> all() {
        List<Section> all = new ArrayList<>(sections);
        all.add(methods);
        all.add(provenance);
        return all;
    }
}
