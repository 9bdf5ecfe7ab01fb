package org.iago.stats;

/**
 * The Ω shrinkage measure of a drug–drug interaction: does an event occur more often on reports naming drugs D1 and D2
 * together than the reports naming one of them alone predict (Norén, Sundberg, Bate &amp; Edwards 2008 [1])?
 *
 * <p>The reports fall into four exposure groups: both drugs (11), D1 only (10), D2 only (01), neither (00). With
 * n<sub>ij·</sub> the reports of a group and n<sub>ij1</sub> those of them that list the event:
 * <pre>
 *   (1)  f_ij = n_ij1 / n_ij·                                       the event's fraction in group ij
 *   (2)  o_ij = f_ij / (1 − f_ij)                                    its odds
 *   (3)  g11  = 1 − 1 / (max(o00, o10) + max(o00, o01) − o00 + 1)   expected fraction with both drugs
 *   (4)  E111 = g11 · n11·                                           expected count with both drugs
 *   (5)  Ω    = log2[(n111 + ½) / (E111 + ½)]
 *   (6)  Ω025 = log2 G⁻¹(0.025; shape n111 + ½, rate E111 + ½)
 *   (7)  Ω975 = log2 G⁻¹(0.975; shape n111 + ½, rate E111 + ½)
 * </pre>
 * (3) is the additive model on the odds scale: each drug adds its excess odds over the background, and a drug alone
 * is never taken to lower the odds (the max terms: a D1-only fraction below f00 counts as f00). (5)–(7) are the IC's
 * shrinkage and exact gamma credibility interval with E111 for the expected count, so they are computed by
 * {@link InformationComponent#compute(long, double)}. Equation numbers in the code refer to this list; they are eqs.
 * 16 (3) and 19–20 (5)–(7) of [1] as pvOmega's {@code omega_from_counts} numbers them [2]. The signal rule, Ω025 &gt; 0
 * with at least 3 reports with both drugs and the event, is applied by {@link #signal}.
 *
 * <p>Special cases:
 * <table>
 *   <caption>When a fraction is 0 or 1, or a group is empty</caption>
 *   <tr><th>case</th><th>result</th><th>why</th></tr>
 *   <tr><td>n11· = 0</td><td>f11, g11, E111, Ω, Ω025, Ω975 NaN</td><td>no report names both drugs: nothing to
 *       compare (pvOmega: NA)</td></tr>
 *   <tr><td>n10·, n01· or n00· = 0</td><td>that f NaN; g11, E111, Ω, Ω025, Ω975 NaN</td><td>a comparison group is
 *       missing, so (3) is undefined (pvOmega: NA)</td></tr>
 *   <tr><td>f10, f01 or f00 = 0</td><td>its odds 0; computed</td><td>the max terms keep g11 ≥ f00; with all three
 *       0, g11 = E111 = 0 and Ω = log2(2·n111 + 1)</td></tr>
 *   <tr><td>f10, f01 or f00 = 1</td><td>g11 = 1, E111 = n11·; computed</td><td>the limit of (3) as that odds tends
 *       to +∞: a group in which every report lists the event predicts it on every report with both drugs, so Ω ≤ 0
 *       and no signal (pvOmega returns NA instead)</td></tr>
 *   <tr><td>f11 = 1</td><td>computed</td><td>nothing divides by 1 − f11</td></tr>
 * </table>
 *
 * <p>References:
 * <ol>
 *   <li>Norén GN, Sundberg R, Bate A, Edwards IR. A statistical methodology for drug–drug interaction surveillance.
 *       Stat Med. 2008;27(16):3057–3070. doi:10.1002/sim.3247</li>
 *   <li>Uppsala Monitoring Centre, pvOmega (R package, 0.0.0.9000), {@code R/omega_from_counts.R}; called by DiAna
 *       2.1.0's {@code omega_analysis} ({@code R/omega.R}).</li>
 * </ol>
 */
public final class InteractionShrinkage {

    private static final InteractionShrinkage DEFAULT = new InteractionShrinkage(3);

    private final long minReports;

    /**
     * The counts of one drug pair and one event, as distinct reports.
     *
     * @param n111 reports with D1, D2 and the event
     * @param n11  reports with D1 and D2 (n11·)
     * @param n101 reports with D1 but not D2, and the event
     * @param n10  reports with D1 but not D2 (n10·)
     * @param n011 reports with D2 but not D1, and the event
     * @param n01  reports with D2 but not D1 (n01·)
     * @param n001 reports with neither drug, and the event
     * @param n00  reports with neither drug (n00·)
     */
    public record Counts(long n111, long n11, long n101, long n10, long n011, long n01, long n001, long n00) {

        /** @throws IllegalArgumentException if a count is negative or a group's event count exceeds the group */
        public Counts {
            long[][] groups = {{n111, n11}, {n101, n10}, {n011, n01}, {n001, n00}};
            for (long[] group : groups) {
                if (group[0] < 0 || group[1] < group[0]) {
                    throw new IllegalArgumentException("each group needs 0 ≤ reports with the event ≤ reports: "
                            + group[0] + " of " + group[1]);
                }
            }
        }
    }

    /**
     * Ω of one drug pair and event, with what it was computed from.
     *
     * @param f00      the event's fraction on reports with neither drug (1); NaN when n00· = 0
     * @param f10      ... with D1 only (1); NaN when n10· = 0
     * @param f01      ... with D2 only (1); NaN when n01· = 0
     * @param f11      ... with both (1); NaN when n11· = 0
     * @param g11      the expected fraction with both drugs (3)
     * @param expected E111 (4)
     * @param omega    Ω (5)
     * @param omega025 lower 95% credibility bound (6)
     * @param omega975 upper 95% credibility bound (7)
     */
    public record Result(double f00, double f10, double f01, double f11, double g11, double expected, double omega,
            double omega025, double omega975) {
    }

    private InteractionShrinkage(long minReports) {
        this.minReports = minReports;
    }

    /** Ω with the signal rule Ω025 &gt; 0 and at least 3 reports with both drugs and the event. */
    public static InteractionShrinkage withDefaults() {
        return DEFAULT;
    }

    /**
     * The same measure with another minimum number of reports for a signal.
     *
     * @param reports the least n111 that may signal, ≥ 0
     */
    public InteractionShrinkage withMinReports(long reports) {
        if (reports < 0) {
            throw new IllegalArgumentException("the minimum number of reports must be ≥ 0: " + reports);
        }
        return new InteractionShrinkage(reports);
    }

    /** The least n111 that may signal. */
    public long minReports() {
        return minReports;
    }

    /**
     * Computes Ω; see the class documentation for the special cases.
     *
     * @param counts the counts of the pair and the event
     * @return the result
     */
    public Result compute(Counts counts) {
        double f00 = fraction(counts.n001(), counts.n00());                          // Eq. (1)
        double f10 = fraction(counts.n101(), counts.n10());                          // Eq. (1)
        double f01 = fraction(counts.n011(), counts.n01());                          // Eq. (1)
        double f11 = fraction(counts.n111(), counts.n11());                          // Eq. (1)
        if (Double.isNaN(f00) || Double.isNaN(f10) || Double.isNaN(f01) || Double.isNaN(f11)) {
            return new Result(f00, f10, f01, f11, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double g11;
        if (f00 == 1 || f10 == 1 || f01 == 1) {
            g11 = 1;                                                                 // Eq. (3) as an odds → +∞
        } else {
            double o00 = odds(f00);                                                  // Eq. (2)
            double o10 = odds(f10);                                                  // Eq. (2)
            double o01 = odds(f01);                                                  // Eq. (2)
            g11 = 1 - 1 / (Math.max(o00, o10) + Math.max(o00, o01) - o00 + 1);      // Eq. (3)
        }
        double expected = g11 * counts.n11();                                        // Eq. (4)
        InformationComponent.Result shrunk = InformationComponent.withDefaults().compute(counts.n111(), expected);
        return new Result(f00, f10, f01, f11, g11, expected,
                shrunk.ic(),                                                         // Eq. (5)
                shrunk.ic025(),                                                      // Eq. (6)
                shrunk.ic975());                                                     // Eq. (7)
    }

    /**
     * The signal rule: Ω025 &gt; 0 and n111 at least {@link #minReports()}; a NaN Ω025 never signals.
     *
     * @param n111   reports with both drugs and the event
     * @param result its Ω
     */
    public boolean signal(long n111, Result result) {
        return n111 >= minReports && result.omega025() > 0;
    }

    private static double fraction(long withEvent, long reports) {
        return reports == 0 ? Double.NaN : (double) withEvent / reports;
    }

    private static double odds(double fraction) {
        return fraction / (1 - fraction);
    }
}
