package org.iago.stats.rates;

import java.util.List;
import java.util.Map;

import org.iago.stats.ReferenceTables;

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
        return ReferenceTables.read("/reference/rates/" + file).stream().map(Row::new).toList();
    }
}
