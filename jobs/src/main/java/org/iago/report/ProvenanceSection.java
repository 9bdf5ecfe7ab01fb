package org.iago.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;

/**
 * Where the numbers come from: the run (id, times, versions, commit), every input file with its SHA-256 and line
 * counts, and the configuration. File line counts are not counts of people and are shown as they are.
 */
final class ProvenanceSection {

    private final RunFolder run;

    ProvenanceSection(RunFolder run) {
        this.run = run;
    }

    Section build() {
        List<Block> runBlocks = new ArrayList<>();
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
            inputBlocks.add(inputs(p.path("inputs")));
            Table.Builder config = new Table.Builder("provenance-config", "Configuration of the run",
                    List.of("setting", "value"));
            flatten("", p.path("config"), config);
            Table c = config.build();
            configBlocks.add(c.isEmpty() ? Note.absent(RunFolder.PROVENANCE + " records no configuration.") : c);
        }
        return new Section("provenance", "Provenance", "", List.of(
                new Section.Part("provenance-run", "Run", "", runBlocks),
                new Section.Part("provenance-inputs", "Inputs", "Every input file with its SHA-256; lines = written "
                        + "+ rejected.", inputBlocks),
                new Section.Part("provenance-config", "Configuration", "", configBlocks)));
    }

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
