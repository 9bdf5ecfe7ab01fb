package org.iago.stats;

/**
 * Masking and event competition: how a drug–event pair's PRR and ROR change when some reports leave the table.
 * Masking (Maignen et al. 2014 [1, 2]): a drug M reported very often with event E raises E's share in the background
 * and so hides E under another drug D; the masking ratio is D's PRR with M's reports removed over its PRR on all
 * reports. Event competition (Salvo et al. 2013 [3]; Arnaud et al. 2016 [4]): D's own most reported events (for a
 * CAR-T product, CRS and ICANS) fill the "other events" column and dilute E; here the reports carrying a competing
 * event but not E leave the comparator.
 *
 * <p>With the cells a, b, c, d of D and E ({@link TwoByTwo}) and the reports removed from each, a<sub>r</sub>,
 * b<sub>r</sub>, c<sub>r</sub>, d<sub>r</sub> ({@link Removal}):
 * <pre>
 *   (1)  a' = a − a_r,  b' = b − b_r,  c' = c − c_r,  d' = d − d_r        the table without the removed reports
 *   (2)  PRR = [a/(a + b)] / [c/(c + d)],   ROR = ad / (bc)            on each table ({@link ProportionalReportingRatio},
 *                                                                         {@link ReportingOddsRatio})
 *   (3)  MR = PRR' / PRR                                                 the masking ratio [1]
 *   (4)  ROR ratio = ROR' / ROR
 *   (5)  MR ≈ [c/(c + d)] / [(c − m_E)/(c + d − m)]                      M's reports m, of them m_E with E
 * </pre>
 * (5) is (3) when no report names both D and M (a_r = b_r = 0, c_r = m_E, d_r = m − m_E): the masking ratio of M
 * then depends on D only through c and c + d, so it ranks the candidate maskers of an event from the pair counts
 * alone [1]. With one primary suspect per report (iago's default roles) no report names two drugs and (5) is exact;
 * with more roles the caller removes the reports naming M exactly, from every cell, and uses (3). Event competition
 * is the removal (0, b_K, 0, d_K): the reports with a competing event and without E, with and without D.
 *
 * <p>Special cases (the PRR's and ROR's own, x/0 = +∞ and 0/0 NaN, hold for each table):
 * <table>
 *   <caption>When a ratio is not a number</caption>
 *   <tr><th>case</th><th>result</th><th>why</th></tr>
 *   <tr><td>PRR (ROR) on all reports 0, +∞ or NaN</td><td>MR (ROR ratio) NaN</td><td>a = 0, c = 0 or an empty
 *       margin: no finite estimate to compare with</td></tr>
 *   <tr><td>c' = 0, a' &gt; 0</td><td>PRR', ROR', MR +∞</td><td>the removed reports held every background report
 *       of E: nothing is left to compare D with</td></tr>
 *   <tr><td>a' = b' = 0</td><td>PRR', ROR', MR NaN</td><td>every report of D was removed: the masker is D itself,
 *       or names D on every report</td></tr>
 *   <tr><td>a' = c' = 0</td><td>PRR', ROR', MR NaN</td><td>every report of E was removed</td></tr>
 *   <tr><td>a removal above its cell</td><td>{@link IllegalArgumentException}</td><td>counts from another table</td>
 *       </tr>
 *   <tr><td>(5) with m_E = c</td><td>+∞ (NaN when c = 0 or m = c + d)</td><td>the candidate holds E's whole
 *       background</td></tr>
 * </table>
 *
 * <p>References:
 * <ol>
 *   <li>Maignen F, Hauben M, Hung E, Van Holle L, Dogné JM. A conceptual approach to the masking effect of measures
 *       of disproportionality. Pharmacoepidemiol Drug Saf. 2014;23(2):208–217. doi:10.1002/pds.3530</li>
 *   <li>Maignen F, Hauben M, Hung E, Van Holle L, Dogné JM. Assessing the extent and impact of the masking effect of
 *       disproportionality analyses on two spontaneous reporting systems databases. Pharmacoepidemiol Drug Saf.
 *       2014;23(2):195–207. doi:10.1002/pds.3529</li>
 *   <li>Salvo F, Leborgne F, Thiessard F, Moore N, Bégaud B, Pariente A. A potential event-competition bias in safety
 *       signal detection: results from a spontaneous reporting research database in France. Drug Saf.
 *       2013;36(7):565–572. doi:10.1007/s40264-013-0063-5</li>
 *   <li>Arnaud M, Salvo F, Ahmed I, et al. A method for the minimization of competition bias in signal detection from
 *       spontaneous reporting databases. Drug Saf. 2016;39(3):251–260. doi:10.1007/s40264-015-0375-8</li>
 * </ol>
 */
public final class MaskingRatio {

    private static final MaskingRatio DEFAULT = new MaskingRatio();

    /**
     * The reports removed from each cell of a table.
     *
     * @param a removed reports with D and E
     * @param b removed reports with D, without E
     * @param c removed reports with E, without D
     * @param d removed reports with neither
     */
    public record Removal(long a, long b, long c, long d) {

        /** Nothing removed: the table as it is. */
        public static final Removal NONE = new Removal(0, 0, 0, 0);

        /** @throws IllegalArgumentException if a count is negative */
        public Removal {
            if (a < 0 || b < 0 || c < 0 || d < 0) {
                throw new IllegalArgumentException("removed report counts must be non-negative: a=" + a + ", b=" + b
                        + ", c=" + c + ", d=" + d);
            }
        }

        /** Event competition: reports with a competing event and not the event, with D ({@code b}) and without. */
        public static Removal competing(long b, long d) {
            return new Removal(0, b, 0, d);
        }
    }

    /**
     * A table before and after a removal.
     *
     * @param after          the table without the removed reports (1); null when it holds no report
     * @param prr            PRR on all reports (2)
     * @param ror            ROR on all reports (2)
     * @param prrAfter       PRR' (2) with its interval
     * @param rorAfter       ROR' (2) with its interval
     * @param maskingRatio   MR (3)
     * @param rorRatio       ROR' / ROR (4)
     */
    public record Result(TwoByTwo after, double prr, double ror, ProportionalReportingRatio.Result prrAfter,
            ReportingOddsRatio.Result rorAfter, double maskingRatio, double rorRatio) {
    }

    private MaskingRatio() {
    }

    /** The masking ratio; it has no options. */
    public static MaskingRatio withDefaults() {
        return DEFAULT;
    }

    /**
     * Computes (1)–(4); see the class documentation for the special cases.
     *
     * @param table   the pair's table on all reports
     * @param removal the reports leaving each cell
     * @return the result
     * @throws IllegalArgumentException if a removal exceeds its cell
     */
    public Result compute(TwoByTwo table, Removal removal) {
        if (removal.a() > table.a() || removal.b() > table.b() || removal.c() > table.c()
                || removal.d() > table.d()) {
            throw new IllegalArgumentException("cannot remove " + removal + " from " + table);
        }
        ProportionalReportingRatio.Result prr = ProportionalReportingRatio.withDefaults().compute(table);
        ReportingOddsRatio.Result ror = ReportingOddsRatio.withDefaults().compute(table);
        long a = table.a() - removal.a();                                           // Eq. (1)
        long b = table.b() - removal.b();                                           // Eq. (1)
        long c = table.c() - removal.c();                                           // Eq. (1)
        long d = table.d() - removal.d();                                           // Eq. (1)
        if (a + b + c + d == 0) {
            ProportionalReportingRatio.Result none = new ProportionalReportingRatio.Result(Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
            ReportingOddsRatio.Result noRor = new ReportingOddsRatio.Result(Double.NaN, Double.NaN, Double.NaN);
            return new Result(null, prr.prr(), ror.ror(), none, noRor, Double.NaN, Double.NaN);
        }
        TwoByTwo after = new TwoByTwo(a, b, c, d);
        ProportionalReportingRatio.Result prrAfter = ProportionalReportingRatio.withDefaults().compute(after); // (2)
        ReportingOddsRatio.Result rorAfter = ReportingOddsRatio.withDefaults().compute(after);                // (2)
        return new Result(after, prr.prr(), ror.ror(), prrAfter, rorAfter,
                ratio(prrAfter.prr(), prr.prr()),                                   // Eq. (3)
                ratio(rorAfter.ror(), ror.ror()));                                  // Eq. (4)
    }

    /**
     * Maignen's masking ratio of a candidate masker M from the pair counts (5), exact when no report names both D
     * and M.
     *
     * @param c               reports with E and without D
     * @param d               reports with neither
     * @param maskerWithEvent m_E, reports naming M with E (≤ c)
     * @param maskerReports   m, reports naming M (≥ m_E, m − m_E ≤ d)
     * @return MR (5); see the class documentation for +∞ and NaN
     * @throws IllegalArgumentException if the counts do not fit in c and d
     */
    public double approximate(long c, long d, long maskerWithEvent, long maskerReports) {
        if (c < 0 || d < 0 || maskerWithEvent < 0 || maskerWithEvent > c || maskerReports < maskerWithEvent
                || maskerReports - maskerWithEvent > d) {
            throw new IllegalArgumentException("a masker's reports must lie in the background: c=" + c + ", d=" + d
                    + ", m_E=" + maskerWithEvent + ", m=" + maskerReports);
        }
        if (c == 0 || c + d - maskerReports == 0) {
            return Double.NaN;
        }
        double before = (double) c / (c + d);
        double after = (double) (c - maskerWithEvent) / (c + d - maskerReports);
        return after == 0 ? Double.POSITIVE_INFINITY : before / after;              // Eq. (5)
    }

    /** x / y when y is a finite positive number; NaN otherwise (x/0 and x/∞ say nothing about masking). */
    private static double ratio(double x, double y) {
        return y > 0 && y < Double.POSITIVE_INFINITY ? x / y : Double.NaN;
    }
}
