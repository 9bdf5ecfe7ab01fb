package org.iago.stats.onset;

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
 * The onset fixtures and survreg reference fits of {@code reference/onset/}, written once by
 * {@code weibull_reference.R} (R 4.2.2, survival 3.5.3, seed 20120601; see the PROVENANCE.md next to them).
 */
final class OnsetReference {

    /** Times in days and event flags of one fixture: early, constant, wearout or cohort. */
    record Fixture(String name, double[] days, boolean[] events) {
    }

    /** One row of weibull_reference.csv by column name. */
    record Fit(Map<String, String> cells) {

        String text(String column) {
            return cells.get(column);
        }

        double value(String column) {
            return Double.parseDouble(cells.get(column));
        }

        int count(String column) {
            return Integer.parseInt(cells.get(column));
        }

        @Override
        public String toString() {
            return text("fixture") + ", " + text("zero_onset") + ", " + text("period") + " period";
        }
    }

    private OnsetReference() {
    }

    static Fixture fixture(String name) {
        List<Double> days = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        for (Map<String, String> row : read("onset_fixtures.csv")) {
            if (row.get("fixture").equals(name)) {
                days.add(Double.parseDouble(row.get("day")));
                events.add(row.get("event").equals("1"));
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        double[] d = new double[days.size()];
        boolean[] e = new boolean[days.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = days.get(i);
            e[i] = events.get(i);
        }
        return new Fixture(name, d, e);
    }

    static List<Fit> fits() {
        return read("weibull_reference.csv").stream().map(Fit::new).toList();
    }

    /** Asserts |actual − expected| ≤ tolerance·|expected|. */
    static void assertRelative(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(actual - expected) <= tolerance * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + " to " + tolerance + " relative, got " + actual
                    + " (relative error " + (actual - expected) / expected + ")");
        }
    }

    private static List<Map<String, String>> read(String file) {
        String resource = "/reference/onset/" + file;
        try (InputStream in = OnsetReference.class.getResourceAsStream(resource)) {
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
}
