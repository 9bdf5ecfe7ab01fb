package org.iago.stats;

/**
 * The 95% confidence interval of a ratio estimated on the log scale, Eq. (3) of both {@link ProportionalReportingRatio}
 * and {@link ReportingOddsRatio}: lower, upper = exp(ln r ∓ z·SE), z = Φ⁻¹(0.975), the exact normal quantile as R's
 * {@code qnorm(0.975)}, not the rounded 1.96. Their special cases (a NaN ratio, an infinite SE) are theirs to handle.
 *
 * @param lower lower 95% confidence bound
 * @param upper upper 95% confidence bound
 */
record LogRatioInterval(double lower, double upper) {

    /** Φ⁻¹(0.975), R {@code qnorm(0.975)}. */
    static final double Z = 1.959963984540054;

    /**
     * @param ratio a finite, positive ratio
     * @param se    the standard error of its logarithm
     */
    static LogRatioInterval around(double ratio, double se) {
        return new LogRatioInterval(Math.exp(Math.log(ratio) - Z * se), Math.exp(Math.log(ratio) + Z * se));
    }
}
