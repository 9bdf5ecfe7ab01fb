package org.iago.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tables under {@code src/test/resources/reference/} (CSV written by R, no quoted fields) and the
 * relative comparison the reference tests make against them.
 */
public final class ReferenceTables {

    private ReferenceTables() {
    }

    /** @return the rows as column → text, blank lines skipped */
    public static List<Map<String, String>> read(String resource) {
        try (InputStream in = ReferenceTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], fields[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts |actual − expected| ≤ tolerance·|expected|; NaN (R's NA) matches only NaN, ±∞ only itself, 0 only 0.
     */
    public static void assertRelative(double expected, double actual, double tolerance, String what) {
        boolean same = Double.isNaN(expected) ? Double.isNaN(actual)
                : Double.isInfinite(expected) ? expected == actual
                : Math.abs(actual - expected) <= tolerance * Math.abs(expected);
        if (!same) {
            throw new AssertionError(what + ": expected " + expected + " to " + tolerance + " relative, got " + actual
                    + " (relative error " + (actual - expected) / expected + ")");
        }
    }
}
