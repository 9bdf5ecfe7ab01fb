package org.iago.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iago.csv.CsvTable;
import org.iago.vocabulary.SignalMethod;

/**
 * The status of every signal of a run against the previous successful run, per drug–event pair and method, from the
 * two runs' {@code disproportionality.csv}:
 * <ul>
 * <li>NEW: flagged now, not before (or the pair was not there before, or there is no previous run);</li>
 * <li>STRENGTHENED / WEAKENED: flagged in both, and the lower bound grew / shrank by at least the configured factor
 * (IC025, on the log2 scale, by log2 of it);</li>
 * <li>ONGOING: flagged in both otherwise;</li>
 * <li>NO_LONGER: flagged before, not now (or the pair is gone).</li>
 * </ul>
 * Pairs flagged in neither run have no status. The lower bound of a method is the one its rule reads: PRR and ROR
 * lower 95% limits, IC025, EB05, and for the LRT the log-likelihood ratio itself. An infinite lower bound (a cell of
 * zero) is above every finite one; a bound that is not a number, or a ratio bound that is not positive, compares as ONGOING.
 */
public final class SignalStatus {

    public enum Status { NEW, ONGOING, STRENGTHENED, WEAKENED, NO_LONGER }

    /** One row of {@code status/signal_status.csv}; a bound is NaN where the pair was not flagged or absent. */
    public record Change(String analysis, String drug, String event, String method, Status status,
            double previousLower, double currentLower) {
    }

    public static final List<String> COLUMNS = List.of("analysis", "drug", "event", "method", "status",
            "previous_lower", "current_lower");

    private final double factor;

    /** @param factor the change of the lower bound that counts as strengthened or weakened; above 1 */
    public SignalStatus(double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("the strengthen factor must be above 1, not " + factor);
        }
        this.factor = factor;
    }

    /**
     * @param previous the previous run's table of the analysis; null when there is none
     * @return the changes by drug, event and method (in {@link SignalMethod} order)
     */
    public List<Change> compare(String analysis, CsvTable previous, CsvTable current) {
        Map<String, CsvTable.Row> before = byPair(previous);
        Map<String, CsvTable.Row> now = byPair(current);
        TreeMap<String, CsvTable.Row[]> pairs = new TreeMap<>();
        before.forEach((k, r) -> pairs.computeIfAbsent(k, x -> new CsvTable.Row[2])[0] = r);
        now.forEach((k, r) -> pairs.computeIfAbsent(k, x -> new CsvTable.Row[2])[1] = r);
        List<Change> changes = new ArrayList<>();
        for (CsvTable.Row[] pair : pairs.values()) {
            CsvTable.Row any = pair[1] != null ? pair[1] : pair[0];
            for (SignalMethod m : SignalMethod.values()) {
                boolean was = pair[0] != null && flagged(pair[0], m);
                boolean is = pair[1] != null && flagged(pair[1], m);
                if (!was && !is) {
                    continue;
                }
                double prev = was ? pair[0].number(m.lowerBound()) : Double.NaN;
                double cur = is ? pair[1].number(m.lowerBound()) : Double.NaN;
                changes.add(new Change(analysis, any.get("drug"), any.get("event"), m.key(),
                        classify(m, was, is, prev, cur), prev, cur));
            }
        }
        return changes;
    }

    /**
     * The status of one method of one pair: the rule {@link #compare} applies to each, also for the review queue,
     * which compares a decision's bounds with the run's.
     *
     * @param was      whether the method flagged the pair before
     * @param is       whether it flags it now
     * @param previous the lower bound before; NaN when not flagged before
     * @param current  the lower bound now; NaN when not flagged now
     * @return the status; meaningless when neither flags
     */
    public Status classify(SignalMethod method, boolean was, boolean is, double previous, double current) {
        if (!was) {
            return Status.NEW;
        }
        if (!is) {
            return Status.NO_LONGER;
        }
        if (Double.isNaN(previous) || Double.isNaN(current) || previous == current) {
            return Status.ONGOING;
        }
        if (Double.isInfinite(previous) || Double.isInfinite(current)) {
            return current > previous ? Status.STRENGTHENED : Status.WEAKENED;
        }
        if (method.log2()) {
            // IC025: a difference of log2(factor)
            double threshold = Math.log(factor) / Math.log(2);
            double change = current - previous;
            return change >= threshold ? Status.STRENGTHENED
                    : change <= -threshold ? Status.WEAKENED : Status.ONGOING;
        }
        if (!(previous > 0)) {
            return Status.ONGOING;
        }
        double ratio = current / previous;
        return ratio >= factor ? Status.STRENGTHENED : ratio <= 1 / factor ? Status.WEAKENED : Status.ONGOING;
    }

    private static boolean flagged(CsvTable.Row row, SignalMethod m) {
        return "true".equalsIgnoreCase(row.get(m.flag()).strip());
    }

    private static Map<String, CsvTable.Row> byPair(CsvTable table) {
        Map<String, CsvTable.Row> rows = new TreeMap<>();
        if (table != null) {
            // NUL cannot occur in names, so drug + NUL + event is unique per pair
            table.rows().forEach(r -> rows.put(r.get("drug") + '\0' + r.get("event"), r));
        }
        return rows;
    }
}
