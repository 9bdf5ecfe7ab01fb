package org.iago.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rows of {@code reference/twobytwo/two_by_two_reference.csv}: six 2×2 tables with PRR, ROR, χ² and IC computed in
 * R 4.2.2 from the formulas of {@code reference/statistics.md} (see the PROVENANCE.md next to the file).
 */
final class TwoByTwoReference {

    private static final String RESOURCE = "/reference/twobytwo/two_by_two_reference.csv";

    /** Commas outside double quotes: the labels contain commas. */
    private static final Pattern FIELD_SEPARATOR = Pattern.compile(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

    /** One reference table and its values by CSV column name. */
    record Row(String label, TwoByTwo table, Map<String, Double> values) {

        double value(String column) {
            Double value = values.get(column);
            if (value == null) {
                throw new IllegalArgumentException("no column " + column + " in " + RESOURCE);
            }
            return value;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private TwoByTwoReference() {
    }

    /** The rows, as arguments of a {@code @MethodSource}. */
    static Stream<Row> rows() {
        return read().stream();
    }

    /** Asserts |actual − expected| ≤ 1e-9·|expected|. */
    static void assertRelative(double expected, double actual, String what) {
        double tolerance = 1e-9 * Math.abs(expected);
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(what + ": expected " + expected + " to 1e-9 relative, got " + actual
                    + " (relative error " + (actual - expected) / expected + ")");
        }
    }

    private static List<Row> read() {
        try (InputStream in = TwoByTwoReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = fields(reader.readLine());
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = fields(line);
                Map<String, Double> values = new HashMap<>();
                for (int i = 1; i < header.length; i++) {
                    if (!cells[i].equals("TRUE") && !cells[i].equals("FALSE")) {
                        values.put(header[i], Double.parseDouble(cells[i]));
                    }
                }
                // R wrote d = 100000 as 1e+05: read counts exactly, never through a double
                TwoByTwo table = new TwoByTwo(count(cells, header, "a"), count(cells, header, "b"),
                        count(cells, header, "c"), count(cells, header, "d"));
                rows.add(new Row(cells[0], table, values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String[] cells, String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return new BigDecimal(cells[i]).longValueExact();
            }
        }
        throw new IllegalArgumentException("no column " + column);
    }

    private static String[] fields(String line) {
        String[] fields = FIELD_SEPARATOR.split(line, -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].replaceAll("^\"|\"$", "");
        }
        return fields;
    }
}
