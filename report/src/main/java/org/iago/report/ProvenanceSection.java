package org.iago.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;

/**
 * Where the numbers come from: the run (id, times, versions, commit), which run computed the curated tables and each
 * analysis (this one, or an earlier one whose inputs and settings were the same), every input file with its SHA-256
 * and line counts, and the configuration. File line counts are not counts of people and are shown as they are.
 */
final class ProvenanceSection {

    private final RunFolder run;

    ProvenanceSection(RunFolder run) {
        this.run = run;
    }

    Section build() {
        List<Block> runBlocks = new ArrayList<>();
        List<Block> resultBlocks = new ArrayList<>();
        List<Block> inputBlocks = new ArrayList<>();
        List<Block> configBlocks = new ArrayList<>();
        Optional<JsonNode> provenance = run.json(RunFolder.PROVENANCE);
        if (provenance.isEmpty()) {
            runBlocks.add(Note.absent(run.absence(RunFolder.PROVENANCE) + ": the run's inputs, versions and "
                    + "configuration are unknown."));
        } else {
            JsonNode p = provenance.get();
            Table.Builder t = new Table.Builder("provenance-run", "The run", List.of("field", "value"));
            for (String[] f : new String[][] {{"runId", "run id"}, {"startedAt", "started"},
                    {"finishedAt", "finished"}, {"iagoVersion", "iago version"}, {"gitCommit", "git commit"},
                    {"javaVersion", "Java"}, {"sparkVersion", "Spark"}}) {
                t.row(Cell.of(f[1]), Cell.of(p.path(f[0]).isMissingNode() ? "not recorded"
                        : p.path(f[0]).asText()));
            }
            t.row(Cell.of("run folder"), Cell.of(run.root().toAbsolutePath().normalize().toString()));
            runBlocks.add(t.build());
            resultBlocks.add(results(p.path("results")));
            inputBlocks.add(inputs(p.path("inputs")));
            Table.Builder config = new Table.Builder("provenance-config", "Configuration of the run",
                    List.of("setting", "value"));
            flatten("", p.path("config"), config);
            Table c = config.build();
            configBlocks.add(c.isEmpty() ? Note.absent(RunFolder.PROVENANCE + " records no configuration.") : c);
        }
        return new Section("provenance", "Provenance", "", List.of(
                new Section.Part("provenance-run", "Run", "", runBlocks),
                new Section.Part("provenance-results", "Results", "The run that computed the curated tables and "
                        + "each analysis shown: this run, or an earlier run whose results this one took over because "
                        + "their inputs and settings had not changed.", resultBlocks),
                new Section.Part("provenance-inputs", "Inputs", "Every input file with its SHA-256; lines = written "
                        + "+ rejected.", inputBlocks),
                new Section.Part("provenance-config", "Configuration", "", configBlocks)));
    }

    private static Block results(JsonNode results) {
        if (!results.isArray() || results.isEmpty()) {
            return Note.absent(RunFolder.PROVENANCE + " records no run for the results.");
        }
        Table.Builder t = new Table.Builder("provenance-results", "Results and the run that computed them",
                List.of("step", "results", "computed by", "computed at"));
        for (JsonNode r : results) {
            t.row(Cell.of(r.path("step").asText()), Cell.of(r.path("results").asText()),
                    Cell.of(origin(r)), Cell.of(r.path("computedAt").asText()));
        }
        return t.build();
    }

    /** "this run", or "run 7 (taken over: inputs unchanged)". */
    private static String origin(JsonNode result) {
        return result.path("reused").asBoolean() ? "run " + result.path("run").asText()
                + " (taken over: inputs unchanged)" : "this run";
    }

    /**
     * For the summary: which results shown are an earlier run's, by run, e.g. "signals and FAERS time to onset of run
     * 7"; empty when this run computed them all.
     */
    static Optional<String> takenOver(RunFolder run) {
        Map<String, List<String>> byRun = new LinkedHashMap<>();
        for (JsonNode r : run.json(RunFolder.PROVENANCE).map(p -> p.path("results"))
                .orElse(MissingNode.getInstance())) {
            if (r.path("reused").asBoolean()) {
                byRun.computeIfAbsent(r.path("run").asText(), k -> new ArrayList<>())
                        .add(WHAT.getOrDefault(r.path("step").asText(), r.path("results").asText()));
            }
        }
        List<String> parts = new ArrayList<>();
        byRun.forEach((id, what) -> parts.add((what.size() == 1 ? what.get(0)
                : String.join(", ", what.subList(0, what.size() - 1)) + " and " + what.get(what.size() - 1))
                + " of run " + id));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /** The results of the steps that record their inputs, in words. */
    private static final Map<String, String> WHAT = Map.of("lakeCurate", "curated tables", "signalsDetect",
            "signals", "onsetMeasure", "FAERS time to onset", "registryAnalyse", "registry time-to-event analyses");

    private static Block inputs(JsonNode inputs) {
        if (!inputs.isArray() || inputs.isEmpty()) {
            return Note.absent(RunFolder.PROVENANCE + " lists no input files.");
        }
        Table.Builder t = new Table.Builder("provenance-inputs", "Input files",
                List.of("source", "file", "sha256", "lines", "written", "rejected"));
        for (JsonNode i : inputs) {
            t.row(Cell.of(i.path("source").asText()), Cell.of(i.path("file").asText()),
                    Cell.of(i.path("sha256").asText()), number(i.path("lines")), number(i.path("written")),
                    number(i.path("rejected")));
        }
        return t.build();
    }

    private static Cell number(JsonNode n) {
        return n.isNumber() ? Cell.number(n.asDouble()) : Cell.of(n.isMissingNode() ? "" : n.asText());
    }

    /** Nested settings as dotted keys, lists indexed: {@code signals.prr.minPrr}, {@code strata[0]}. */
    private static void flatten(String prefix, JsonNode node, Table.Builder table) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), table);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), table);
            }
        } else if (!node.isMissingNode()) {
            table.row(Cell.of(prefix), Cell.of(node.isNull() ? "" : node.asText()));
        }
    }
}
