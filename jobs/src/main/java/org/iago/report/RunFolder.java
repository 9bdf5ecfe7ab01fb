package org.iago.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of one pipeline run folder that the report reads. Every part is optional: a part that is absent or
 * unreadable reads as empty and is recorded once as a warning, and the section that needed it says so.
 */
final class RunFolder {

    static final String TARGET = "signals/target/disproportionality.csv";
    static final String EMERGENCE = "signals/target/emergence.csv";
    static final String EMERGENCE_SERIES = "signals/target/emergence_series.csv";
    static final String MGPS_PRIOR = "signals/target/mgps_prior.json";
    static final String PRODUCT = "signals/product/disproportionality.csv";
    static final String WITHIN_CLASS = "signals/within-class/disproportionality.csv";
    static final String ONSET = "onset/onset.csv";
    static final String STATUS = "status/signal_status.csv";
    static final String PROVENANCE = "provenance.json";
    static final String CUMULATIVE_INCIDENCE = "tte/cumulative_incidence.csv";
    static final String CUMULATIVE_INCIDENCE_SUMMARY = "tte/cumulative_incidence_summary.csv";
    static final String GRAYS_TEST = "tte/grays_test.csv";
    static final String REGISTRY_ONSET = "tte/onset.csv";
    /** Optional per-case onsets (one row per case), for histograms; no warning when absent. */
    static final String REGISTRY_ONSET_DAYS = "tte/onset_days.csv";
    static final String FAERS_ONSET_DAYS = "onset/onset_days.csv";
    static final String INCIDENCE_RATES = "tte/incidence_rates.csv";
    static final String RATE_RATIOS = "tte/rate_ratios.csv";
    static final String GRADE_DISTRIBUTION = "tte/grade_distribution.csv";
    static final String GRADING_AGREEMENT = "tte/grading_agreement.csv";
    static final String GRADING_CONFUSION = "tte/grading_confusion.csv";

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
