package org.iago.stats.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.iago.stats.ReferenceTables;

/**
 * The CSV files in {@code reference/agreement/}: the tables ({@code kappa_tables.csv}, every cell listed) and the
 * kappas that {@code kappa_reference.R} computed from them with R 4.2.2 and vcd 1.4-11 (see the PROVENANCE.md next
 * to them). Numbers are printed with 17 significant digits, so they parse to R's doubles exactly.
 */
final class AgreementReference {

    private static final String DIRECTORY = "/reference/agreement/";

    /** One row of kappa_reference.csv by column name. */
    record Row(Map<String, String> cells) {

        String text(String column) {
            String cell = cells.get(column);
            if (cell == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return cell;
        }

        double value(String column) {
            return Double.parseDouble(text(column));
        }

        @Override
        public String toString() {
            return cells.get("table") + " " + cells.get("weights");
        }
    }

    private AgreementReference() {
    }

    static List<Row> expected() {
        return ReferenceTables.read(DIRECTORY + "kappa_reference.csv").stream().map(Row::new).toList();
    }

    /**
     * @param table a table name of kappa_tables.csv
     * @return its counts, rows the recorded and columns the derived grade, both in ascending grade order
     */
    static long[][] table(String table) {
        List<Map<String, String>> cells = ReferenceTables.read(DIRECTORY + "kappa_tables.csv").stream()
                .filter(c -> c.get("table").equals(table))
                .toList();
        List<Integer> grades = new ArrayList<>(new TreeSet<>(cells.stream()
                .map(c -> Integer.parseInt(c.get("recorded")))
                .toList()));
        long[][] counts = new long[grades.size()][grades.size()];
        for (Map<String, String> c : cells) {
            counts[grades.indexOf(Integer.parseInt(c.get("recorded")))][grades.indexOf(Integer.parseInt(c.get("derived")))]
                    = Long.parseLong(c.get("count"));
        }
        if (cells.size() != grades.size() * grades.size()) {
            throw new IllegalStateException(table + ": " + cells.size() + " cells for " + grades.size() + " grades");
        }
        return counts;
    }
}
