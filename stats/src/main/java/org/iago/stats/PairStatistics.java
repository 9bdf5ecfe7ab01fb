package org.iago.stats;

import org.iago.stats.mgps.MgpsPosterior;
import org.iago.stats.mgps.MgpsScore;

/**
 * Every per-pair statistic of a disproportionality analysis, from one pair's distinct-report counts, its expected
 * count and the fitted MGPS prior: PRR with χ² ({@link ProportionalReportingRatio}), ROR ({@link ReportingOddsRatio}),
 * IC ({@link InformationComponent}), EBGM ({@link MgpsPosterior}), and the flags of {@link SignalThresholds}. The PRR
 * and ROR use the crude 2×2 table; the IC and EBGM use the expected count, stratified when the analysis is. Each
 * method's evidence against no association ({@link NullProbability}) comes with its statistic, for the screen's false
 * discovery rates. The likelihood ratio test is per drug, so it is computed apart ({@link LikelihoodRatioTest}).
 */
public final class PairStatistics {

    /**
     * All statistics of one pair; {@code mgps} is null, and {@code ebgmNull} NaN, when the analysis has no MGPS prior.
     * {@code prrP}, {@code rorP}, {@code icNull}, {@code ebgmNull}: {@link NullProbability} (1)–(4).
     */
    public record Score(long a, long b, long c, long d, double expected,
            ProportionalReportingRatio.Result prr, ReportingOddsRatio.Result ror, InformationComponent.Result ic,
            MgpsScore mgps, boolean prrSignal, boolean rorSignal, boolean icSignal, boolean ebgmSignal,
            double prrP, double rorP, double icNull, double ebgmNull) {
    }

    private final MgpsPosterior posterior;
    private final SignalThresholds thresholds;
    private final ProportionalReportingRatio prr = ProportionalReportingRatio.withDefaults();
    private final ReportingOddsRatio ror = ReportingOddsRatio.withDefaults();
    private final InformationComponent ic = InformationComponent.withDefaults();

    /**
     * @param posterior the EBGM posterior under the fitted prior; null when no prior could be fitted (the MGPS
     *                  hyperparameters did not converge on too few pairs): then {@link Score#mgps()} is null and the
     *                  EBGM rule never flags
     */
    public PairStatistics(MgpsPosterior posterior, SignalThresholds thresholds) {
        this.posterior = posterior;
        this.thresholds = thresholds;
    }

    /**
     * @param a        reports with drug and event
     * @param nDrug    reports with the drug
     * @param nEvent   reports with the event
     * @param n        all reports counted
     * @param expected the expected count (stratified or not)
     */
    public Score score(long a, long nDrug, long nEvent, long n, double expected) {
        TwoByTwo table = TwoByTwo.fromMarginals(a, nDrug, nEvent, n);
        ProportionalReportingRatio.Result p = prr.compute(table);
        ReportingOddsRatio.Result r = ror.compute(table);
        InformationComponent.Result i = ic.compute(a, expected);
        MgpsScore m = posterior == null ? null : posterior.score(Math.toIntExact(a), expected);
        return new Score(a, table.b(), table.c(), table.d(), expected, p, r, i, m, thresholds.prrSignal(a, p),
                thresholds.rorSignal(a, r), thresholds.icSignal(i), m != null && thresholds.ebgmSignal(m.eb05()),
                NullProbability.prr(table), NullProbability.ror(table), NullProbability.ic(a, expected),
                m == null ? Double.NaN : NullProbability.ebgm(posterior, Math.toIntExact(a), expected));
    }
}
