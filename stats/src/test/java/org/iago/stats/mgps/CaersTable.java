package org.iago.stats.mgps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * openEBGM's {@code caers} table ({@code data-samples/caers/caers.csv}, written by R's {@code write.csv}), found by
 * walking up from the working directory to the folder that holds {@code data-samples/}, and small CSV helpers for
 * the reference files (among them pvLRT's FAERS 2022Q3 case table).
 */
public final class CaersTable {

    private CaersTable() {
    }

    /** The 20,156 lines of CAERS, unstratified (column strat1 ignored, as {@code processRaw(caers)}). */
    static List<CaseLine> unstratifiedLines() {
        List<CaseLine> lines = new ArrayList<>();
        for (List<String> row : readCsv(locate("data-samples/caers/caers.csv"), "id", "var1", "var2", "strat1")) {
            lines.add(CaseLine.unstratified(row.get(0), row.get(1), row.get(2)));
        }
        return lines;
    }

    /** The pairs of {@code processRaw(caers)}. */
    static List<DrugEventCount> pairs() {
        return ReferenceCounts.count(unstratifiedLines());
    }

    /** The pairs as unsquashed points (N, E, 1). */
    static List<WeightedPoint> points(List<DrugEventCount> pairs) {
        List<WeightedPoint> points = new ArrayList<>(pairs.size());
        for (DrugEventCount pair : pairs) {
            points.add(WeightedPoint.of(pair.actual(), pair.expected()));
        }
        return points;
    }

    /**
     * The squashing of openEBGM's hyperparameter vignette: {@code squashData(processed)} (defaults, N = 1), then
     * {@code squashData(squashed, count = 2, bin_size = 10, keep_pts = 50)}.
     */
    static List<WeightedPoint> vignetteSquashed(List<WeightedPoint> points) {
        List<WeightedPoint> ones = Squashing.withDefaults().squash(points, 1);
        return Squashing.withDefaults().withBinSize(10).withKeepPoints(50).squash(ones, 2);
    }

    static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data-samples"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no data-samples/ above " + Path.of("").toAbsolutePath());
    }

    /** Rows of a comma-separated file with an expected header; fields may be double-quoted ("" escapes a quote). */
    static List<List<String>> readCsv(Path file, String... header) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!parseLine(text.get(0)).equals(List.of(header))) {
            throw new IllegalStateException(file + ": header " + text.get(0) + ", expected " + List.of(header));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.subList(1, text.size())) {
            List<String> fields = parseLine(line);
            if (fields.size() != header.length) {
                throw new IllegalStateException(file + ": " + fields.size() + " fields in " + line);
            }
            rows.add(fields);
        }
        return rows;
    }

    /** The lines of a gzipped CSV resource with the header CASEID, DRUG, AE (pvLRT's case tables). */
    public static List<CaseLine> caseLinesFromResource(String resource) {
        try (InputStream in = CaersTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!parseLine(header).equals(List.of("CASEID", "DRUG", "AE"))) {
                throw new IllegalStateException(resource + ": header " + header);
            }
            List<CaseLine> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = parseLine(line);
                if (fields.size() != 3) {
                    throw new IllegalStateException(resource + ": " + fields.size() + " fields in " + line);
                }
                lines.add(CaseLine.unstratified(fields.get(0), fields.get(1), fields.get(2)));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> parseLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
