package org.iago.stats.mgps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Scoring with θ pinned, so these tests do not depend on estimation. θ is openEBGM 0.9.1's autoHyper estimate on the
 * squashed CAERS data (reference/statistics.md).
 */
class MgpsPosteriorTest {

    static final MgpsPrior CAERS_SQUASHED_THETA =
            new MgpsPrior(3.25379356, 0.39988854, 2.02612692, 1.90807970, 0.06534557);

    private final MgpsPosterior posterior = new MgpsPosterior(CAERS_SQUASHED_THETA);

    @Test
    void scoresReumofanPlusWeightIncreasedAsOpenEbgm() {
        // openEBGM 0.9.1 ebScores on caers: N = 16, E = 0.40643623, EBGM 23.26, QUANT_05 15.68, QUANT_95 33.48.
        // EBGM is an exact value rounded to 2 dp. The quantiles come from quantBisect(digits = 2), which stops once the
        // half-width of its bracket is below 0.005 (bracket width 99999/2^24 ≈ 0.006 here) and rounds the midpoint,
        // so they can be off by up to 0.003 + 0.005 from the exact quantile: exact EB05 is 15.6857 (bracket
        // [15.6806, 15.6866], midpoint 15.6836 → 15.68).
        MgpsScore score = posterior.score(16, 0.40643623);
        assertEquals(23.26, round2(score.ebgm()), 1e-9, "EBGM to 2 dp");
        assertEquals(15.68, score.eb05(), 0.008, "EB05 within quantBisect's precision");
        assertEquals(33.48, score.eb95(), 0.008, "EB95 within quantBisect's precision");
        assertEquals(15.6857, score.eb05(), 5e-5, "EB05 exact, 4 dp");
        assertEquals(33.4773, score.eb95(), 5e-5, "EB95 exact, 4 dp");
    }

    @Test
    void scoresPhenylalanineHeartRateIncreasedAsOpenEbgm() {
        // openEBGM 0.9.1 on caers: N = 1, E = 0.0360548272, EBGM 2.23 (QUANT_05 0.49, QUANT_95 13.85); exact EB95 is
        // 13.8561, which quantBisect's bracket [13.8508, 13.8567] turns into 13.85
        MgpsScore score = posterior.score(1, 0.0360548272);
        assertEquals(2.23, round2(score.ebgm()), 1e-9, "EBGM to 2 dp");
        assertEquals(0.49, round2(score.eb05()), 1e-9, "EB05 to 2 dp");
        assertEquals(13.85, score.eb95(), 0.008, "EB95 within quantBisect's precision");
    }

    @Test
    void qnIsEquation6WithTheNegativeBinomialDensities() {
        // direct evaluation of Eq. 5 with Γ, independent of the log-scale code
        int n = 3;
        double e = 0.7;
        double f1 = negativeBinomial(n, 3.25379356, 0.39988854, e);
        double f2 = negativeBinomial(n, 2.02612692, 1.90807970, e);
        double p = 0.06534557;
        assertEquals(p * f1 / (p * f1 + (1 - p) * f2), posterior.qn(n, e), 1e-13);
    }

    @Test
    void equalComponentsGiveTheSingleGammaPosterior() {
        // with α1 = α2 and β1 = β2 the posterior is Γ(α + N, β + E): compare with commons-math's gamma distribution
        MgpsPosterior single = new MgpsPosterior(new MgpsPrior(2.5, 1.5, 2.5, 1.5, 0.3));
        int n = 7;
        double e = 2.25;
        GammaDistribution gamma = new GammaDistribution(2.5 + n, 1 / (1.5 + e), 1e-14);
        for (double q : new double[] {0.001, 0.05, 0.5, 0.95, 0.999}) {
            assertEquals(gamma.inverseCumulativeProbability(q), single.quantile(n, e, q),
                    1e-8 * gamma.inverseCumulativeProbability(q), "quantile " + q);
        }
        assertEquals(Math.exp(Gamma.digamma(2.5 + n) - Math.log(1.5 + e)), single.ebgm(n, e), 1e-12);
    }

    @Test
    void quantilesSolveTheMixtureCdfToBetterThan1e9() {
        for (int n : new int[] {0, 1, 2, 5, 20, 200}) {
            for (double e : new double[] {1e-4, 0.036, 0.5, 3, 40}) {
                double qn = posterior.qn(n, e);
                for (double q : new double[] {0.05, 0.5, 0.95}) {
                    double x = posterior.quantile(n, e, q);
                    double below = mixtureCdf(x * (1 - 1e-9), n, e, qn);
                    double above = mixtureCdf(x * (1 + 1e-9), n, e, qn);
                    assertTrue(below <= q && q <= above, "N=" + n + " E=" + e + " q=" + q + ": x=" + x);
                }
            }
        }
    }

    /**
     * Halley's method (since issue 18) against the solver it replaced, Brent's method bracketed from RR = 1 to 1e-10
     * relative, on 20,000 random pairs (N geometric from 1 with mean 4, log10 E uniform on [−4, 2]) under the CAERS θ.
     * The two differ within the old solver's tolerance: by 5.1e-11 relative at most, over these pairs as over the
     * 630,000 pairs of MgpsCostProbe.
     */
    @Test
    void quantilesAgreeWithTheBrentSolverTheyReplaced() {
        SplittableRandom random = new SplittableRandom(18);
        double largest = 0;
        for (int i = 0; i < 20_000; i++) {
            int n = 1 + (int) (Math.log(random.nextDouble()) / Math.log(0.75));
            double e = Math.pow(10, -4 + 6 * random.nextDouble());
            double qn = posterior.qn(n, e);
            for (double q : new double[] {0.05, 0.95}) {
                double brent = brentQuantile(n, e, qn, q);
                double halley = posterior.quantile(n, e, q);
                largest = Math.max(largest, Math.abs(halley - brent) / brent);
                assertEquals(brent, halley, 2e-10 * brent, "N=" + n + " E=" + e + " q=" + q);
            }
        }
        assertTrue(largest > 0, "the solvers differ in the last digits, so the comparison compared something");
    }

    /** The quantile solver before issue 18: bracket by doubling or halving from RR = 1, then Brent to 1e-10. */
    private double brentQuantile(int n, double e, double qn, double q) {
        double low;
        double high;
        if (mixtureCdf(1, n, e, qn) < q) {
            low = 1;
            high = 2;
            while (mixtureCdf(high, n, e, qn) < q) {
                low = high;
                high *= 2;
            }
        } else {
            high = 1;
            low = 0.5;
            while (mixtureCdf(low, n, e, qn) >= q) {
                high = low;
                low /= 2;
            }
        }
        return new BrentSolver(0.5e-10, Double.MIN_NORMAL).solve(200, x -> mixtureCdf(x, n, e, qn) - q, low, high);
    }

    @Test
    void credibleIntervalContainsEbgmAndQnIsAProbabilityOnAGrid() {
        for (int n = 0; n <= 60; n += n < 10 ? 1 : 10) {
            for (double e = 1e-4; e < 200; e *= 3) {
                MgpsScore score = posterior.score(n, e);
                String pair = "N=" + n + " E=" + e + ": " + score;
                assertTrue(score.eb05() > 0 && score.eb05() <= score.ebgm() && score.ebgm() <= score.eb95(), pair);
                assertTrue(score.qn() >= 0 && score.qn() <= 1, pair);
            }
        }
    }

    @Test
    void acceptsNoReportsButRejectsNoExpectation() {
        // N = 0: a pair never reported together is shrunk below 1; E = 0 has no Poisson model
        MgpsScore zero = posterior.score(0, 0.5);
        assertTrue(zero.ebgm() < 1, zero.toString());
        assertThrows(IllegalArgumentException.class, () -> posterior.score(1, 0));
        assertThrows(IllegalArgumentException.class, () -> posterior.score(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> posterior.score(-1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> posterior.quantile(1, 0.5, 1));
    }

    @Test
    void priorRejectsValuesOutsideTheParameterSpace() {
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(0, 1, 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(1, -1, 1, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(1, 1, Double.POSITIVE_INFINITY, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(1, 1, 1, Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(1, 1, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MgpsPrior(1, 1, 1, 1, 1));
    }

    private double mixtureCdf(double x, int n, double e, double qn) {
        MgpsPrior t = CAERS_SQUASHED_THETA;
        return qn * Gamma.regularizedGammaP(t.alpha1() + n, (t.beta1() + e) * x)
                + (1 - qn) * Gamma.regularizedGammaP(t.alpha2() + n, (t.beta2() + e) * x);
    }

    /** Eq. 5 evaluated directly: Γ(α + n) / (Γ(α) n!) · p^α (1 − p)^n with p = β / (β + E). */
    static double negativeBinomial(int n, double alpha, double beta, double e) {
        double p = beta / (beta + e);
        return Gamma.gamma(alpha + n) / (Gamma.gamma(alpha) * Gamma.gamma(n + 1.0))
                * Math.pow(p, alpha) * Math.pow(1 - p, n);
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
