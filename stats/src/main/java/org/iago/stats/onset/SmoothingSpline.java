package org.iago.stats.onset;

import java.util.Arrays;

/**
 * A cubic smoothing spline with a given {@code spar}, computed as R's {@code smooth.spline(x, y, spar = s)} (R 4.2,
 * unit weights, every distinct x a knot since there are fewer than 50) and evaluated as its {@code predict}: kSamples'
 * {@code ad.pval} interpolates Scholz and Stephens' table with two such splines, and its p-values are only reproduced
 * to 1e-10 by the same spline, not by an interpolating or a natural one.
 *
 * <p>The steps are those of R's {@code sbart} (C and Fortran behind {@code smooth.spline}), each in a method below:
 * <pre>
 *   (1)  x scaled to [0, 1]; knots: every scaled x, the two ends repeated to multiplicity 4; B_1 … B_{nk} the cubic
 *        B-splines on them (nk = distinct x + 2)
 *   (2)  Σ_ij = ∫ B_i''(t) B_j''(t) dt, B'' linear on each knot interval, integrated as R's sgram does: with 0.3330
 *        where the exact weight is 1/3 (R's constant, kept so that the numbers agree)
 *   (3)  X'X and X'y, X_ri = B_i(x_r)
 *   (4)  λ = r · 256^(3·spar − 1),  r = Σ_{i=3}^{nk−3} (X'X)_ii / Σ_{i=3}^{nk−3} Σ_ii
 *   (5)  coefficients c = (X'X + λΣ)⁻¹ X'y, by the banded Cholesky factorisation of LINPACK's dpbfa and dpbsl
 *   (6)  f(x) = Σ c_i B_i(x) inside the range of x (de Boor's BVALUE); outside it, the tangent at the nearer end
 * </pre>
 * B-spline values and second derivatives follow de Boor's BSPLVB and BSPLVD as R has them, operation for operation:
 * the banded system of (5) is ill-conditioned enough that other, equally exact, formulas move the coefficients by
 * 1e-13, and a slope extrapolated far (ad.pval at a T of 150) by 1e-9.
 *
 * <p>Immutable.
 *
 * <p>Reference: R Core Team. R 4.2: {@code src/library/stats/R/smspline.R} and {@code src/library/stats/src/sbart.c},
 * {@code sgram.f}, {@code stxwx.f}, {@code sslvrg.f}, {@code bsplvd.f}, {@code bvalue.f}; de Boor C. A Practical
 * Guide to Splines. Springer; 1978.
 */
final class SmoothingSpline {

    private static final int ORDER = 4;
    /** R's sgram: the weight of the product of two slopes (exactly 1/3). */
    private static final double SGRAM_THIRD = 0.3330;

    private final double min;
    private final double range;
    private final double[] knots;
    private final double[] coefficients;

    private SmoothingSpline(double min, double range, double[] knots, double[] coefficients) {
        this.min = min;
        this.range = range;
        this.knots = knots;
        this.coefficients = coefficients;
    }

    /**
     * @param x at least four distinct values, none repeated (R averages the y of repeated x; no caller repeats one)
     * @param y the values to smooth, one per x
     * @param spar R's smoothing parameter
     * @return the fitted spline
     */
    static SmoothingSpline fit(double[] x, double[] y, double spar) {
        int n = x.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double min = x[order[0]];
        double range = x[order[n - 1]] - min;
        double[] scaled = new double[n];
        double[] ys = new double[n];
        for (int r = 0; r < n; r++) {
            scaled[r] = (x[order[r]] - min) / range;                                    // (1)
            ys[r] = y[order[r]];
            if (r > 0 && !(scaled[r] > scaled[r - 1])) {
                throw new IllegalArgumentException("x repeats a value");
            }
        }
        int nk = n + 2;
        double[] knots = new double[nk + ORDER];
        Arrays.fill(knots, 0, 3, scaled[0]);
        System.arraycopy(scaled, 0, knots, 3, n);
        Arrays.fill(knots, n + 3, nk + ORDER, scaled[n - 1]);

        double[][] sigma = penaltyGram(knots, nk);                                    // (2)
        double[][] gram = new double[ORDER][nk];                                       // (3) X'X by diagonals
        double[] xy = new double[nk];
        for (int r = 0; r < n; r++) {
            int l = interval(knots, nk, scaled[r]);
            double[] b = basis(knots, l, scaled[r], ORDER);
            int j = l - 3;
            for (int a = 0; a < ORDER; a++) {
                xy[j + a] += ys[r] * b[a];
                for (int d = 0; a + d < ORDER; d++) {
                    gram[d][j + a] += b[a] * b[a + d];
                }
            }
        }
        double t1 = 0;
        double t2 = 0;
        for (int i = 2; i < nk - 3; i++) {                                             // (4)
            t1 += gram[0][i];
            t2 += sigma[0][i];
        }
        double lambda = t1 / t2 * Math.pow(16, spar * 6 - 2);
        double[][] band = new double[ORDER][nk];                                       // LINPACK's abd, m = 3
        for (int d = 0; d < ORDER; d++) {
            for (int i = 0; i + d < nk; i++) {
                band[3 - d][i + d] = gram[d][i] + lambda * sigma[d][i];
            }
        }
        factor(band, nk);                                                               // (5)
        return new SmoothingSpline(min, range, knots, solve(band, nk, xy));
    }

    /** @return the spline at x, by (6), as R's predict.smooth.spline.fit */
    double predict(double x) {
        double s = (x - min) / range;
        if (s >= 0 && s <= 1) {
            return bvalue(s, 0);
        }
        double end = s < 0 ? 0 : (min + range - min) / range;             // R recomputes the end from its range
        double slope = bvalue(end, 1) / range * range;
        return bvalue(end, 0) + slope * (s - (s < 0 ? 0 : 1));
    }

    /**
     * de Boor's BVALUE as R has it: the value or first derivative at s in [0, 1] (the spline continuous from the
     * right, the right end in the last interval), by differencing and then combining the four coefficients of s's
     * interval.
     */
    private double bvalue(double s, int derivative) {
        int nk = coefficients.length;
        int l = interval(knots, nk, s);
        double[] dm = new double[ORDER];
        double[] dp = new double[ORDER];
        double[] aj = new double[ORDER];
        for (int j = 1; j < ORDER; j++) {
            dm[j] = s - knots[l + 1 - j];
            dp[j] = knots[l + j] - s;
        }
        for (int j = 0; j < ORDER; j++) {
            aj[j] = coefficients[l - 3 + j];
        }
        for (int j = 1; j <= derivative; j++) {
            int kmj = ORDER - j;
            for (int jj = 0, ilo = kmj; jj < kmj; jj++, ilo--) {
                aj[jj] = ((aj[jj + 1] - aj[jj]) / (dm[ilo] + dp[jj + 1])) * kmj;
            }
        }
        for (int j = derivative + 1; j < ORDER; j++) {
            int kmj = ORDER - j;
            for (int jj = 0, ilo = kmj; jj < kmj; jj++, ilo--) {
                aj[jj] = (aj[jj + 1] * dm[ilo] + aj[jj] * dp[jj + 1]) / (dm[ilo] + dp[jj + 1]);
            }
        }
        return aj[0];
    }

    /** (2), as R's sgram: Σ by its four upper diagonals (index 0 the main one). */
    private static double[][] penaltyGram(double[] knots, int nk) {
        double[][] sigma = new double[ORDER][nk];
        for (int l = 3; l < nk; l++) {
            double width = knots[l + 1] - knots[l];
            if (width <= 0) {
                continue;
            }
            double[] left = secondDerivatives(knots, l, knots[l]);
            double[] right = secondDerivatives(knots, l, knots[l + 1]);
            double[] slope = new double[ORDER];
            for (int a = 0; a < ORDER; a++) {
                slope[a] = right[a] - left[a];
            }
            for (int a = 0; a < ORDER; a++) {
                for (int d = 0; a + d < ORDER; d++) {
                    int b = a + d;
                    sigma[d][l - 3 + a] += width * (left[a] * left[b] + (slope[a] * left[b] + slope[b] * left[a]) * 0.5
                            + slope[a] * slope[b] * SGRAM_THIRD);
                }
            }
        }
        return sigma;
    }

    /** The knot interval [t_l, t_{l+1}) holding s, the last non-empty one for the right end. */
    private static int interval(double[] knots, int nk, double s) {
        int l = 3;
        while (l < nk - 1 && knots[l + 1] <= s) {
            l++;
        }
        return l;
    }

    /** de Boor's BSPLVB: the B-splines of the given order non-zero on interval l, at s, from order 1 up. */
    private static double[] basis(double[] t, int l, double s, int order) {
        double[] b = new double[ORDER];
        double[] right = new double[ORDER];
        double[] left = new double[ORDER];
        b[0] = 1;
        for (int j = 0; j < order - 1; j++) {
            right[j] = t[l + j + 1] - s;
            left[j] = s - t[l - j];
            double saved = 0;
            for (int i = 0; i <= j; i++) {
                double term = b[i] / (right[i] + left[j - i]);
                b[i] = saved + right[i] * term;
                saved = left[j - i] * term;
            }
            b[j + 1] = saved;
        }
        return b;
    }

    /**
     * de Boor's BSPLVD as R's sgram calls it: the second derivatives of the four cubic B-splines non-zero on interval
     * l, at s. The B-coefficients of the derivatives are differenced twice from the identity and combined with the
     * order-2 B-splines, in BSPLVD's order of operations.
     */
    private static double[] secondDerivatives(double[] t, int l, double s) {
        double[] orderTwo = basis(t, l, s, 2);
        double[][] a = new double[ORDER][ORDER];                            // a[j][i]: coefficient j of B_i
        for (int i = 0; i < ORDER; i++) {
            a[i][i] = 1;
        }
        for (int m = 2; m <= 3; m++) {
            int kp1mm = ORDER + 1 - m;
            int il = l;
            int i = ORDER - 1;
            for (int step = 0; step < kp1mm; step++) {
                double factor = kp1mm / (t[il + kp1mm] - t[il]);
                for (int j = 0; j <= i; j++) {
                    a[i][j] = (a[i][j] - a[i - 1][j]) * factor;
                }
                il--;
                i--;
            }
        }
        double[] second = new double[ORDER];
        for (int i = 0; i < ORDER; i++) {
            double sum = 0;
            for (int j = Math.max(i, 2); j < ORDER; j++) {
                sum = a[j][i] * orderTwo[j - 2] + sum;
            }
            second[i] = sum;
        }
        return second;
    }

    /** LINPACK dpbfa: the Cholesky factor R'R of the banded matrix in place (band[3] the diagonal). */
    private static void factor(double[][] band, int n) {
        int m = 3;
        for (int j = 0; j < n; j++) {
            double s = 0;
            int ik = m;
            int jk = Math.max(j - m, 0);
            int mu = Math.max(m - j, 0);
            for (int k = mu; k < m; k++) {
                double t = band[k][j];
                for (int q = 0; q < k - mu; q++) {
                    t -= band[ik + q][jk] * band[mu + q][j];
                }
                t /= band[m][jk];
                band[k][j] = t;
                s += t * t;
                ik--;
                jk++;
            }
            s = band[m][j] - s;
            if (s <= 0) {
                throw new ArithmeticException("the smoothing spline's matrix is not positive definite");
            }
            band[m][j] = Math.sqrt(s);
        }
    }

    /** LINPACK dpbsl: solves R'R c = b with the factor of {@link #factor}. */
    private static double[] solve(double[][] band, int n, double[] b) {
        int m = 3;
        double[] c = b.clone();
        for (int k = 0; k < n; k++) {
            int lm = Math.min(k, m);
            double t = 0;
            for (int q = 0; q < lm; q++) {
                t += band[m - lm + q][k] * c[k - lm + q];
            }
            c[k] = (c[k] - t) / band[m][k];
        }
        for (int k = n - 1; k >= 0; k--) {
            int lm = Math.min(k, m);
            c[k] /= band[m][k];
            double t = -c[k];
            for (int q = 0; q < lm; q++) {
                c[k - lm + q] += t * band[m - lm + q][k];
            }
        }
        return c;
    }
}
