package org.iago.stats.onset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iago.stats.ReferenceTables;

/**
 * The onset fixtures and survreg reference fits of {@code reference/onset/}, written once by
 * {@code weibull_reference.R} (R 4.2.2, survival 3.5.3, seed 20120601; see the PROVENANCE.md next to them).
 */
final class OnsetReference {

    private static final String DIRECTORY = "/reference/onset/";

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
        for (Map<String, String> row : ReferenceTables.read(DIRECTORY + "onset_fixtures.csv")) {
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
        return ReferenceTables.read(DIRECTORY + "weibull_reference.csv").stream().map(Fit::new).toList();
    }
}
