package org.iago.synth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A generated registry extract read back: each file's physical lines split into RFC 4180 fields, and the manifest. */
final class RegistrySynthExtract {

    static final List<String> FILES = List.of("patients.csv", "outcomes.csv", "toxicities.csv", "infections.csv",
            "labs.csv", "management.csv", "neoplasms.csv");

    final Path out;
    final JsonNode manifest;
    private final Map<String, List<String[]>> lines = new HashMap<>();

    private RegistrySynthExtract(Path out) throws IOException {
        this.out = out;
        this.manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        for (String file : FILES) {
            String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            if (!text.endsWith("\n") || text.contains("\r")) {
                throw new AssertionError(file + ": lines must end in LF only");
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
                rows.add(fields(line));
            }
            lines.put(file, rows);
        }
    }

    static RegistrySynthExtract generate(Path out, int patients, long seed, boolean defects) throws IOException {
        new RegistrySynthesizer(new RegistrySynthSpec(out, patients, seed, defects)).write();
        return new RegistrySynthExtract(out);
    }

    /** Physical lines of a file, header first (line n is element n − 1). */
    List<String[]> lines(String file) {
        return lines.get(file);
    }

    /** Data rows as column → value maps, header and defect lines left out. */
    List<Map<String, String>> rows(String file) {
        List<String[]> all = lines(file);
        String[] header = all.get(0);
        List<Long> defects = new ArrayList<>();
        manifest.get("defects").forEach(d -> {
            if (d.get("file").asText().equals(file)) {
                defects.add(d.get("line").asLong());
            }
        });
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            if (!defects.contains((long) i + 1)) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], all.get(i)[c]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
    static String[] fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}
