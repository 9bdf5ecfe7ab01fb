package org.iago.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.iago.report.Block.Note;
import org.iago.report.Table.Cell;

/**
 * The parts of the methods section that depend on the run: the MGPS prior fitted to this run's data. The formulas,
 * references and the signal rules' text are in the template.
 */
final class MethodsSection {

    private final RunFolder run;

    MethodsSection(RunFolder run) {
        this.run = run;
    }

    Section build() {
        List<Block> blocks = new ArrayList<>();
        Optional<JsonNode> prior = run.json(RunFolder.MGPS_PRIOR);
        if (prior.isEmpty()) {
            blocks.add(Note.absent(run.absence(RunFolder.MGPS_PRIOR) + ": the fitted prior is not shown."));
        } else {
            Table.Builder t = new Table.Builder("mgps-prior", "MGPS prior fitted to this run (target level)",
                    List.of("parameter", "value"));
            for (String[] p : new String[][] {{"alpha1", "α1"}, {"beta1", "β1"}, {"alpha2", "α2"}, {"beta2", "β2"},
                    {"p", "P"}, {"negativeLogLikelihood", "negative log-likelihood"},
                    {"convergedStarts", "starts converged"}, {"agreeingStarts", "starts agreeing"},
                    {"onBoundary", "on the search boundary"}, {"pairs", "pairs fitted"}}) {
                JsonNode v = prior.get().path(p[0]);
                t.row(Cell.of(p[1]), v.isNumber() ? Cell.number(v.asDouble()) : Cell.of(v.asText()));
            }
            blocks.add(t.build());
        }
        return new Section("methods", "Methods", "", List.of(new Section.Part("methods-prior", "MGPS prior", "",
                blocks)));
    }

    /** The EB05 threshold of the signal rules ({@code signals.ebgm.minEb05}), for the emergence chart. */
    static OptionalDouble eb05Threshold(String thresholds) {
        try {
            JsonNode v = new ObjectMapper(new YAMLFactory()).readTree(thresholds).at("/signals/ebgm/minEb05");
            return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty(); // free text rather than YAML: no threshold line
        }
    }
}
