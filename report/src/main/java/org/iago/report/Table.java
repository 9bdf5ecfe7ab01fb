package org.iago.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iago.csv.CsvTable;
import org.iago.csv.CsvWriter;

/**
 * A table as shown, cell texts included: the page, the PDF and {@code tables/<id>.csv} carry the same values, small
 * counts already suppressed.
 *
 * @param id       the file name of its CSV (without {@code .csv}), unique in a report
 * @param sortable whether the page lets the reader sort it by a column
 */
public record Table(String id, String caption, List<String> columns, List<List<Cell>> rows, boolean sortable)
        implements Block {

    /**
     * One cell.
     *
     * @param sort   the numeric value the page sorts by, empty for text (never the true value of a suppressed count)
     * @param count  whether it counts reports, patients or events (so it is subject to suppression)
     * @param number whether the text is a number as printed (a count, an estimate, a p-value): written to the CSV
     *               as it is, where text that would start a spreadsheet formula is marked ({@link CsvWriter})
     */
    public record Cell(String text, String sort, boolean count, boolean number) {

        static Cell of(String text) {
            return new Cell(text == null ? "" : text, "", false, false);
        }

        static Cell number(double x) {
            return new Cell(format(x), Double.isNaN(x) ? "" : Double.toString(x), false, true);
        }

        /** An estimate with its interval, {@code 12.3 (4.56–33.1)}, sorted by the estimate. */
        static Cell interval(double estimate, double lower, double upper) {
            String text = Double.isNaN(estimate) ? format(estimate)
                    : format(estimate) + " (" + format(lower) + "–" + format(upper) + ")";
            return new Cell(text, Double.isNaN(estimate) ? "" : Double.toString(estimate), false, false);
        }

        static Cell pValue(double p) {
            String text = Double.isNaN(p) ? format(p) : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
            return new Cell(text, Double.isNaN(p) ? "" : Double.toString(p), false, true);
        }

        /** A count of the whole lake (DEMO rows, reports curation removed): shown as is, never suppressed. */
        static Cell total(long n) {
            return new Cell(Long.toString(n), Long.toString(n), false, true);
        }

        static Cell ofCount(long n, SmallCells cells) {
            String sort = cells.suppressed(n) ? Double.toString(cells.k() - 0.5) : Long.toString(n);
            return new Cell(cells.show(n), sort, true, true);
        }

        /** A count column of a run-folder row; empty when the row has none. */
        static Cell countOf(CsvTable.Row row, String column, SmallCells cells) {
            double x = row.number(column);
            return Double.isNaN(x) ? of("") : ofCount((long) x, cells);
        }

        /** An estimate and its bounds from three columns of a run-folder row. */
        static Cell interval(CsvTable.Row row, String estimate, String lower, String upper) {
            return interval(row.number(estimate), row.number(lower), row.number(upper));
        }
    }

    @Override
    public String kind() {
        return "table";
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Three significant digits, without exponent from 0.0001 on; whole numbers from 1000 on; {@code ∞} and {@code –}
     * (undefined) as the statistics' conventions give them (docs/signals.md).
     */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        if (Math.abs(x) >= 1000 || x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        if (Math.abs(x) < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * A table of a run-folder CSV's rows and columns, counts suppressed and numbers formatted. An estimate with
     * {@code <name>_lower} and {@code <name>_upper} columns is shown as one "estimate (lower–upper)" column, its
     * {@code _se} left out; headings have blanks for underscores, so that narrow columns can wrap in print.
     */
    static Table of(String id, String caption, List<CsvTable.Row> source, List<String> columns, SmallCells cells) {
        Set<String> names = new HashSet<>(columns);
        List<String> shown = columns.stream().filter(c -> !(names.contains(base(c)) && !base(c).equals(c))).toList();
        List<String> headings = shown.stream().map(c -> c.replace('_', ' ')
                + (names.contains(c + "_lower") && names.contains(c + "_upper") ? " (95% CI)" : "")).toList();
        Builder table = new Builder(id, caption, headings);
        for (CsvTable.Row r : source) {
            List<Cell> row = new ArrayList<>();
            for (String column : shown) {
                row.add(names.contains(column + "_lower") && names.contains(column + "_upper")
                        ? Cell.interval(r, column, column + "_lower", column + "_upper")
                        : cell(r.get(column), column, cells));
            }
            table.row(row);
        }
        return table.build();
    }

    /** The estimate a bound or standard error column belongs to ({@code kappa} of {@code kappa_lower}). */
    private static String base(String column) {
        return column.replaceFirst("_(lower|upper|se)$", "");
    }

    /** A run-folder value as shown: a count (suppressed), a number (formatted) or text. */
    static Cell cell(String value, String column, SmallCells cells) {
        double x = CsvTable.parse(value);
        if (SmallCells.isCount(column) && x == Math.rint(x)) {
            return Cell.ofCount((long) x, cells);
        }
        String c = column.toLowerCase(Locale.ROOT);
        if (!Double.isNaN(x) && (c.equals("p") || c.endsWith("p_value") || c.endsWith("_p"))) {
            return Cell.pValue(x);
        }
        return Double.isNaN(x) || value.isBlank() ? Cell.of(value) : Cell.number(x);
    }

    void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.record(columns);
            for (List<Cell> row : rows) {
                for (Cell c : row) {
                    if (c.number()) {
                        csv.value(c.text());
                    } else {
                        csv.text(c.text());
                    }
                }
                csv.endRecord();
            }
        }
    }

    /** Rows one at a time. */
    static final class Builder {
        private final String id;
        private final String caption;
        private final List<String> columns;
        private final List<List<Cell>> rows = new ArrayList<>();
        private boolean sortable;

        Builder(String id, String caption, List<String> columns) {
            this.id = id;
            this.caption = caption;
            this.columns = List.copyOf(columns);
        }

        Builder sortable() {
            sortable = true;
            return this;
        }

        Builder row(List<Cell> cells) {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException(id + ": " + cells.size() + " cells for " + columns.size()
                        + " columns");
            }
            rows.add(List.copyOf(cells));
            return this;
        }

        Builder row(Cell... cells) {
            return row(List.of(cells));
        }

        Table build() {
            return new Table(id, caption, columns, List.copyOf(rows), sortable);
        }
    }
}
