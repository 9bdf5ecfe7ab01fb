package org.iago.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iago.csv.CsvTable;
import org.iago.vocabulary.RunLayout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of one pipeline run folder that the report reads. Every part is optional: a part that is absent or
 * unreadable reads as empty and is recorded once as a warning, and the section that needed it says so.
 */
final class RunFolder {

    static final String TARGET = RunLayout.signals(RunLayout.TARGET, RunLayout.SIGNAL_CSV);
    static final String EMERGENCE = RunLayout.signals(RunLayout.TARGET, RunLayout.EMERGENCE_CSV);
    static final String EMERGENCE_SERIES = RunLayout.signals(RunLayout.TARGET, RunLayout.EMERGENCE_SERIES_CSV);
    static final String MGPS_PRIOR = RunLayout.signals(RunLayout.TARGET, RunLayout.MGPS_PRIOR);
    static final String INTERACTION = RunLayout.signals(RunLayout.TARGET, RunLayout.INTERACTION_CSV);
    static final String MASKING = RunLayout.signals(RunLayout.TARGET, RunLayout.MASKING_CSV);
    static final String COMPARATORS = RunLayout.signals(RunLayout.TARGET, RunLayout.COMPARATORS_CSV);
    static final String PRODUCT = RunLayout.signals(RunLayout.PRODUCT, RunLayout.SIGNAL_CSV);
    static final String WITHIN_CLASS = RunLayout.signals(RunLayout.WITHIN_CLASS, RunLayout.SIGNAL_CSV);
    static final String ONSET = RunLayout.onset(RunLayout.ONSET_CSV);
    static final String STATUS = RunLayout.STATUS;
    static final String PROVENANCE = RunLayout.PROVENANCE;
    static final String REVIEW_QUEUE = RunLayout.REVIEW_QUEUE;
    static final String CUMULATIVE_INCIDENCE = RunLayout.tte(RunLayout.CUMULATIVE_INCIDENCE);
    static final String CUMULATIVE_INCIDENCE_SUMMARY = RunLayout.tte(RunLayout.CUMULATIVE_INCIDENCE_SUMMARY);
    static final String GRAYS_TEST = RunLayout.tte(RunLayout.GRAYS_TEST);
    static final String REGISTRY_ONSET = RunLayout.tte(RunLayout.REGISTRY_ONSET);
    /** Optional per-case onsets (one row per case), for histograms; no warning when absent. */
    static final String REGISTRY_ONSET_DAYS = RunLayout.tte(RunLayout.REGISTRY_ONSET_DAYS);
    static final String FAERS_ONSET_DAYS = RunLayout.onset(RunLayout.ONSET_DAYS_CSV);
    static final String INCIDENCE_RATES = RunLayout.tte(RunLayout.INCIDENCE_RATES);
    static final String RATE_RATIOS = RunLayout.tte(RunLayout.RATE_RATIOS);
    static final String GRADE_DISTRIBUTION = RunLayout.tte(RunLayout.GRADE_DISTRIBUTION);
    static final String GRADING_AGREEMENT = RunLayout.tte(RunLayout.GRADING_AGREEMENT);
    static final String GRADING_CONFUSION = RunLayout.tte(RunLayout.GRADING_CONFUSION);

    private final Path root;
    private final Map<String, Optional<CsvTable>> tables = new HashMap<>();
    private final Map<String, Optional<JsonNode>> documents = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    RunFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A CSV part by its path in the run folder. */
    Optional<CsvTable> csv(String part) {
        return tables.computeIfAbsent(part, p -> {
            Path file = root.resolve(p);
            if (!Files.isRegularFile(file)) {
                warnings.add(p + " is missing");
                return Optional.empty();
            }
            try {
                return Optional.of(CsvTable.read(file));
            } catch (IOException | RuntimeException e) {
                warnings.add(p + " could not be read: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A CSV part that the run folder need not have: absent is no warning (unreadable still is). */
    Optional<CsvTable> csvIfPresent(String part) {
        return Files.isRegularFile(root.resolve(part)) ? csv(part) : Optional.empty();
    }

    Optional<JsonNode> json(String part) {
        return documents.computeIfAbsent(part, p -> {
            Path file = root.resolve(p);
            if (!Files.isRegularFile(file)) {
                warnings.add(p + " is missing");
                return Optional.empty();
            }
            try {
                return Optional.of(new ObjectMapper().readTree(file.toFile()));
            } catch (IOException e) {
                warnings.add(p + " could not be read: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Why a part reads as empty, for the note in its section. */
    String absence(String part) {
        return warnings.stream().filter(w -> w.startsWith(part + " ")).findFirst().orElse(part + " is missing");
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
