package org.iago.stats;

/**
 * The 2×2 table of report counts for one drug–event pair, the input of the disproportionality statistics.
 *
 * <pre>
 *                 event    other events
 *   drug            a           b          a + b = n1.
 *   other drugs     c           d          c + d
 *                 a + c = n.1              N = a + b + c + d
 * </pre>
 *
 * <p>Counts are distinct reports (cases), never rows: a report that lists the drug twice counts once.
 * Every count must be non-negative and the table must hold at least one report; these are the only argument checks
 * of the statistics that take a table.
 *
 * @param a reports with the drug and the event
 * @param b reports with the drug and without the event
 * @param c reports with the event and without the drug
 * @param d reports with neither
 */
public record TwoByTwo(long a, long b, long c, long d) {

    /**
     * Checks the counts.
     *
     * @param a reports with the drug and the event
     * @param b reports with the drug and without the event
     * @param c reports with the event and without the drug
     * @param d reports with neither
     * @throws IllegalArgumentException if a count is negative, if all are zero, or if their sum overflows a long
     */
    public TwoByTwo {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException(
                    "report counts must be non-negative: a=" + a + ", b=" + b + ", c=" + c + ", d=" + d);
        }
        long n;
        try {
            n = Math.addExact(Math.addExact(a, b), Math.addExact(c, d));
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("report counts overflow a long: a=" + a + ", b=" + b + ", c=" + c
                    + ", d=" + d, overflow);
        }
        if (n == 0) {
            throw new IllegalArgumentException("the table holds no report");
        }
    }

    /**
     * The table from the marginal counts that a database query usually gives.
     *
     * @param a reports with the drug and the event (n11)
     * @param drugReports reports with the drug (n1. = a + b)
     * @param eventReports reports with the event (n.1 = a + c)
     * @param totalReports all reports (N)
     * @return the table with b = n1. − a, c = n.1 − a, d = N − n1. − n.1 + a
     * @throws IllegalArgumentException if the marginals are inconsistent (a cell would be negative) or all zero
     */
    public static TwoByTwo fromMarginals(long a, long drugReports, long eventReports, long totalReports) {
        return new TwoByTwo(a, drugReports - a, eventReports - a, totalReports - drugReports - eventReports + a);
    }

    /** Returns N = a + b + c + d, all reports. */
    public long n() {
        return a + b + c + d;
    }

    /** Returns n1. = a + b, the reports with the drug. */
    public long drugReports() {
        return a + b;
    }

    /** Returns n.1 = a + c, the reports with the event. */
    public long eventReports() {
        return a + c;
    }

    /**
     * Returns the count expected under independence, E = (a + b)(a + c)/N. Stratified E is computed by the caller
     * and passed to the statistics that accept it ({@link InformationComponent#compute(long, double)}).
     */
    public double expected() {
        // in double: the product of two marginals can overflow a long
        return (double) drugReports() * (double) eventReports() / n();
    }
}
