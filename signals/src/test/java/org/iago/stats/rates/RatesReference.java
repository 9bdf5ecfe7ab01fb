package org.iago.stats.rates;

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
 * Rows of the CSV files in {@code reference/rates/}, written by {@code rates_reference.R} with R 4.2.2 (see the
 * PROVENANCE.md next to them). Numbers are printed with 17 significant digits, so they parse to R's doubles exactly;
 * R's {@code Inf} and {@code NaN} are read as Java's.
 */
final class RatesReference {

    /** One CSV row by column name. */
    record Row(Map<String, String> cells) {

        double value(String column) {
            String cell = cells.get(column);
            if (cell == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return switch (cell) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN", "NA" -> Double.NaN;
                default -> Double.parseDouble(cell);
            };
        }

        long count(String column) {
            return Long.parseLong(cells.get(column));
        }

        @Override
        public String toString() {
            return cells.toString();
        }
    }

    private RatesReference() {
    }

    static List<Row> read(String file) {
        String resource = "/reference/rates/" + file;
        try (InputStream in = RatesReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",", -1);
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    cells.put(header[i], fields[i]);
                }
                rows.add(new Row(cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts |actual − expected| ≤ tolerance·|expected|; 0, ±∞ and NaN must match exactly.
     */
    static void assertRelative(double expected, double actual, double tolerance, String what) {
        boolean ok = expected == 0 || Double.isInfinite(expected) || Double.isNaN(expected)
                ? Double.compare(expected, actual) == 0 || expected == actual
                : Math.abs(actual - expected) <= tolerance * Math.abs(expected);
        if (!ok) {
            throw new AssertionError(what + ": expected " + expected + " to " + tolerance + " relative, got " + actual
                    + " (relative error " + (actual - expected) / expected + ")");
        }
    }
}
