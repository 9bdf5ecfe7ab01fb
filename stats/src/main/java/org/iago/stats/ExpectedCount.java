package org.iago.stats;

/**
 * The expected number of reports of a drug–event pair under independence, the baseline of the IC and of MGPS.
 * <p>
 * Unstratified: \( E = n_{1\cdot} n_{\cdot 1} / N \) [1, Eq. 3]. Stratified over strata \(s\) (the cross product of the
 * strata columns): \( E = \sum_s n_{1\cdot}(s)\, n_{\cdot 1}(s) / N(s) \) [1, §3.1; 2], so that reporting differences
 * between, say, age groups are not mistaken for a drug–event association. Strata where the drug or the event does not
 * occur contribute nothing and may be omitted.
 * <p>
 * Special cases: \(N = 0\) (or \(N(s) = 0\)) has no expected count and is refused; a zero marginal gives \(E = 0\).
 * <p>
 * References:
 * <ol>
 * <li>DuMouchel W. Bayesian data mining in large frequency tables, with an application to the FDA spontaneous
 * reporting system. Am Stat 1999;53(3):177–190. doi:10.1080/00031305.1999.10474456</li>
 * <li>Canida T, Ihrie J. openEBGM: An R implementation of the Gamma-Poisson Shrinker data mining model. R J
 * 2017;9(2):499–519. doi:10.32614/RJ-2017-063 ({@code processRaw(stratify = TRUE)})</li>
 * </ol>
 */
public final class ExpectedCount {

    private ExpectedCount() {
    }

    /** @throws IllegalArgumentException if {@code n} is not positive or a marginal is negative or exceeds it */
    public static double unstratified(long nDrug, long nEvent, long n) {
        check(nDrug, nEvent, n);
        return (double) nDrug * nEvent / n; // Eq. 3 (DuMouchel 1999)
    }

    /**
     * @param nDrug  per stratum, reports with the drug
     * @param nEvent per stratum, reports with the event
     * @param n      per stratum, all reports
     */
    public static double stratified(long[] nDrug, long[] nEvent, long[] n) {
        if (nDrug.length != nEvent.length || nDrug.length != n.length) {
            throw new IllegalArgumentException("strata arrays differ in length: " + nDrug.length + ", "
                    + nEvent.length + ", " + n.length);
        }
        double e = 0;
        for (int s = 0; s < n.length; s++) {
            e += unstratified(nDrug[s], nEvent[s], n[s]); // sum over strata (DuMouchel 1999 §3.1)
        }
        return e;
    }

    private static void check(long nDrug, long nEvent, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("no expected count without reports: N = " + n);
        }
        if (nDrug < 0 || nEvent < 0 || nDrug > n || nEvent > n) {
            throw new IllegalArgumentException("marginals must lie within [0, N]: n1. = " + nDrug + ", n.1 = "
                    + nEvent + ", N = " + n);
        }
    }
}
