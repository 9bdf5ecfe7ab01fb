package org.iago.synth.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --defects plants one line of every kind; validation rejects exactly the listed lines, for the listed reason. */
class RegistrySynthDefectsTest {

    @TempDir
    static Path tmp;

    static RegistrySynthExtract clean;
    static RegistrySynthExtract defective;

    @BeforeAll
    static void generate() throws IOException {
        clean = RegistrySynthExtract.generate(tmp.resolve("clean"), 1500, 4, false);
        defective = RegistrySynthExtract.generate(tmp.resolve("defective"), 1500, 4, true);
    }

    @Test
    void everyKindIsPlantedOnce() {
        Set<String> kinds = new TreeSet<>();
        defective.manifest.get("defects").forEach(d -> kinds.add(d.get("kind").asText()));
        assertEquals(new TreeSet<>(List.of("unparseable-date", "unknown-product", "grade-out-of-range",
                "unknown-code", "orphan-patient", "onset-before-infusion", "resolution-before-onset",
                "event-after-follow-up", "duplicate-patient", "duplicate-outcome", "field-count")), kinds);
        assertEquals(kinds.size(), defective.manifest.get("defects").size());
    }

    @Test
    void validationRejectsExactlyTheListedLines() throws IOException {
        Set<String> rejected = new TreeSet<>();
        for (RegistrySynthChecker.Rejection r : RegistrySynthChecker.check(defective)) {
            rejected.add(r.file() + ":" + r.line());
        }
        Set<String> listed = new TreeSet<>();
        defective.manifest.get("defects").forEach(d -> listed.add(d.get("file").asText() + ":" + d.get("line")));
        assertEquals(listed, rejected);
    }

    @Test
    void eachListedLineHoldsItsDefect() throws IOException {
        List<String> reasons = new ArrayList<>();
        for (RegistrySynthChecker.Rejection r : RegistrySynthChecker.check(defective)) {
            reasons.add(r.file() + ":" + r.line() + " " + r.reason());
        }
        for (JsonNode d : defective.manifest.get("defects")) {
            String[] fields = defective.lines(d.get("file").asText()).get(d.get("line").asInt() - 1);
            assertEquals(d.get("patientId").asText(), fields[0], d.toString());
            String expected = switch (d.get("kind").asText()) {
                case "unparseable-date" -> "onset_date unparseable";
                case "unknown-product" -> "unknown product";
                case "grade-out-of-range" -> "outside CARTOX";
                case "unknown-code" -> "pathogen_class unknown code";
                case "orphan-patient" -> "orphan patient_id";
                case "onset-before-infusion" -> "onset_date before infusion";
                case "resolution-before-onset" -> "end before start";
                case "event-after-follow-up" -> "event after follow-up end";
                case "duplicate-patient" -> "duplicate patient_id";
                case "duplicate-outcome" -> "duplicate outcome";
                case "field-count" -> "4 fields, header has 5";
                default -> throw new AssertionError(d.toString());
            };
            String at = d.get("file").asText() + ":" + d.get("line") + " ";
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith(at) && r.contains(expected)),
                    d + " rejected as " + reasons);
        }
    }

    @Test
    void validLinesAreThoseOfTheExtractWithoutDefects() {
        for (String file : RegistrySynthExtract.FILES) {
            Set<Integer> planted = new HashSet<>();
            defective.manifest.get("defects").forEach(d -> {
                if (d.get("file").asText().equals(file)) {
                    planted.add(d.get("line").asInt());
                }
            });
            List<String> kept = new ArrayList<>();
            List<String[]> lines = defective.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!planted.contains(i + 1)) {
                    kept.add(String.join(",", lines.get(i)));
                }
            }
            assertEquals(clean.lines(file).stream().map(l -> String.join(",", l)).toList(), kept, file);
        }
    }
}
