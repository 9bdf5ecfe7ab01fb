package org.iago.stats.mgps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Data squashing for hyperparameter estimation (DuMouchel &amp; Pregibon 2001), as openEBGM's {@code squashData}
 * does it: the points whose actual count N equals a chosen count are sorted by expected count E; all but the
 * {@code keepPoints} points with the largest E are cut, in that order, into bins of {@code binSize} points (the
 * last bin takes the remainder), and each bin is replaced by one superpoint
 *
 * <pre>
 *   (N, Ē_bin, w = number of points in the bin),   Ē_bin = arithmetic mean of the bin's E
 * </pre>
 *
 * <p>The largest E are left unsquashed because they are the most variable. Points with another N pass unchanged.
 * Squashing is applied once per count, typically N = 1 and then N = 2; openEBGM's hyperparameter vignette, whose
 * result is the reference for CAERS, uses the defaults for N = 1 and then {@code binSize = 10, keepPoints = 50} for
 * N = 2. The fitted likelihood is then Σ w·log L(N, Ē).
 *
 * <p>Defaults are openEBGM 0.9.1's: {@code squashData(data, count = 1, bin_size = 50, keep_pts = 100,
 * min_bin = 50, min_pts = 500)}. As there, squashing refuses when it would squash too little to be worth it or
 * would "oversquash":
 * <ul>
 *   <li>fewer than {@code minPoints} points have the count;</li>
 *   <li>those points would make fewer than {@code minBins} bins (points / binSize &lt; minBins, real division);</li>
 *   <li>fewer than {@code binSize} points are left once the {@code keepPoints} largest E are set aside;</li>
 *   <li>a point with the count already has weight &gt; 1 (the count was squashed before).</li>
 * </ul>
 * The output keeps openEBGM's order: points with other counts first, then the superpoints by increasing E, then
 * the kept points by increasing E, all stably sorted by N.
 *
 * <p>{@link #autoSquash} squashes every count at once, as openEBGM's {@code autoSquash} does, so that the number of
 * points fitted hardly grows with the table; {@link #asInVignette} squashes N = 1 and N = 2 only.
 *
 * <p>References:
 * <ol>
 *   <li>DuMouchel W, Pregibon D (2001). Empirical Bayes screening for multi-item associations. <i>Proceedings of
 *       the 7th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining</i>, 67–76.
 *       doi:10.1145/502512.502526</li>
 *   <li>Canida T, Ihrie J (2017). openEBGM: an R implementation of the Gamma-Poisson Shrinker data mining model.
 *       <i>The R Journal</i> 9(2):499–519. doi:10.32614/RJ-2017-063 (function {@code squashData},
 *       R/f_dataSquashing.R of openEBGM 0.9.1)</li>
 * </ol>
 */
public final class Squashing {

    /** autoSquash's {@code keep_pts}: points left unsquashed for the 1st, 2nd, 3rd and every later count squashed. */
    private static final int[] AUTO_KEEP_POINTS = {100, 75, 50, 25};
    /** autoSquash's {@code cut_offs} on the number of points to squash, and {@code num_super_pts} below each. */
    private static final long[] AUTO_CUT_OFFS = {500, 1_000, 10_000, 100_000, 500_000, 1_000_000, 5_000_000};
    private static final int[] AUTO_SUPERPOINTS = {50, 75, 150, 500, 750, 1_000, 2_000, 5_000};
    /** {@link #forEstimation} fits the vignette's squashing when it leaves at most this many points. */
    public static final int VIGNETTE_SQUASHING_MAX_POINTS = 50_000;
    /** {@link #forEstimation}'s multiple of autoSquash's default keep_pts and num_super_pts. */
    private static final int FINER = 6;

    private static final Squashing DEFAULTS = new Squashing(50, 100, 50, 500);
    /** The vignette's squashing of N = 2: bins of 10, the 50 largest E kept. */
    private static final Squashing VIGNETTE_N2 = DEFAULTS.withBinSize(10).withKeepPoints(50);

    private final int binSize;
    private final int keepPoints;
    private final int minBins;
    private final int minPoints;

    private Squashing(int binSize, int keepPoints, int minBins, int minPoints) {
        if (binSize < 2) {
            throw new IllegalArgumentException("binSize must be >= 2, got " + binSize);
        }
        if (keepPoints < 0) {
            throw new IllegalArgumentException("keepPoints must be >= 0, got " + keepPoints);
        }
        if (minBins < 1 || minPoints < 1) {
            throw new IllegalArgumentException("minBins and minPoints must be >= 1, got " + minBins + ", " + minPoints);
        }
        this.binSize = binSize;
        this.keepPoints = keepPoints;
        this.minBins = minBins;
        this.minPoints = minPoints;
    }

    /**
     * openEBGM's defaults: bins of 50 points, the 100 largest E kept, at least 50 bins and 500 points.
     *
     * @return the default squashing
     */
    public static Squashing withDefaults() {
        return DEFAULTS;
    }

    /**
     * Squashes as openEBGM's hyperparameter vignette does: N = 1 with the defaults, then N = 2 in bins of 10 keeping
     * the 50 largest E; each count only where it has enough points for at least {@code minBins} bins of its bin size
     * (2,500 and 500 points), otherwise its points are fitted as they are.
     *
     * @param points one unsquashed point per pair
     * @return the points to fit
     */
    public static List<WeightedPoint> asInVignette(List<WeightedPoint> points) {
        List<WeightedPoint> squashed = DEFAULTS.squashIfEnough(points, 1);
        return VIGNETTE_N2.squashIfEnough(squashed, 2);
    }

    /**
     * The squashing the MGPS prior is fitted on: {@link #asInVignette} when it leaves at most
     * {@value #VIGNETTE_SQUASHING_MAX_POINTS} points, otherwise {@link #autoSquash(List, int[], long[], int[])} with
     * keep_pts and num_super_pts six times openEBGM's defaults (600, 450, 300, 150 points kept; 300 to 30,000
     * superpoints per count), which leaves about as many points at FAERS size.
     *
     * <p>Why: the vignette squashing leaves every pair with N ≥ 3 as its own point, about a sixth of the pairs of a
     * FAERS-like table (102,554 of 638,180 at 1M reports), so its fit grows with the table (354 s at 1M, 450 s at
     * 20M before issue 18). While it leaves no more points than the coarser squashing would, its fit costs no more
     * and is the closer to the fit on every pair: it is the squashing of openEBGM's CAERS reference result, which
     * stays as it is, and the real FAERS 2022Q3 table (111,118 pairs, 33,933 points) keeps its fit. Squashing every
     * count keeps the points to a few tens of thousands at any size, but openEBGM's defaults are too coarse for
     * these tables: on MgpsCostProbe's 630,000 synthetic pairs the prior fitted on its 12,789 points moves EBGM by
     * up to 6.4 % and EB05 by up to 10.7 % against the prior fitted on every pair, while the vignette squashing
     * (113,800 points) moves them by 0.09 % and 0.32 %; four times finer (34,272 points) by 0.52 % and 1.2 %, six
     * times finer (44,190 points) by 0.26 % and 0.57 %, eight times (52,468 points) by 0.17 % and 0.37 %.
     *
     * @param points one unsquashed point per pair
     * @return the points to fit
     */
    public static List<WeightedPoint> forEstimation(List<WeightedPoint> points) {
        // the vignette leaves every pair with N >= 3 as it is: no need to squash a table that has too many of them
        if (points.stream().filter(p -> p.actual() >= 3).count() <= VIGNETTE_SQUASHING_MAX_POINTS) {
            List<WeightedPoint> vignette = asInVignette(points);
            if (vignette.size() <= VIGNETTE_SQUASHING_MAX_POINTS) {
                return vignette;
            }
        }
        int[] keep = new int[AUTO_KEEP_POINTS.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = FINER * AUTO_KEEP_POINTS[i];
        }
        int[] superpoints = new int[AUTO_SUPERPOINTS.length];
        for (int i = 0; i < superpoints.length; i++) {
            superpoints[i] = FINER * AUTO_SUPERPOINTS[i];
        }
        return autoSquash(points, keep, AUTO_CUT_OFFS, superpoints);
    }

    /**
     * Squashes every count N as openEBGM 0.9.1's {@code autoSquash(data)} does with its defaults ({@code keep_pts =
     * c(100, 75, 50, 25)}, {@code cut_offs = c(500, 1e3, 1e4, 1e5, 5e5, 1e6, 5e6)}, {@code num_super_pts = c(50, 75,
     * 150, 500, 750, 1e3, 2e3, 5e3)}). Only counts with more than 101 points (the largest keep_pts + 1) are squashed;
     * the i-th of those counts, in increasing N, keeps its keep_pts[i] largest E (the last value for i &gt; 4), and
     * the m points left to squash go into bins of max(⌊m / s⌋, 2) points, s being the num_super_pts entry of the
     * first cut-off above m (5,000 when m ≥ 5·10<sup>6</sup>); the bins are made as {@link #squash} makes them with
     * minBins = minPoints = 1. A table of any size becomes at most a few thousand points per count.
     *
     * <p>The output is openEBGM's: sorted by N (stably); within a squashed count the superpoints by increasing E and
     * then the kept points by increasing E; the points of an unsquashed count in their input order.
     *
     * @param points one unsquashed point per pair (every weight 1)
     * @return the points to fit
     * @throws IllegalArgumentException if a point already has weight &gt; 1 (autoSquash refuses squashed data)
     */
    public static List<WeightedPoint> autoSquash(List<WeightedPoint> points) {
        return autoSquash(points, AUTO_KEEP_POINTS, AUTO_CUT_OFFS, AUTO_SUPERPOINTS);
    }

    /**
     * openEBGM's {@code autoSquash(data, keep_pts, cut_offs, num_super_pts)} with other arguments than the defaults
     * (see {@link #autoSquash(List)}).
     *
     * @param points       one unsquashed point per pair
     * @param keepPoints   keep_pts: points left unsquashed for the 1st, 2nd, … count squashed, the last for the rest
     * @param cutOffs      cut_offs, increasing
     * @param superpoints  num_super_pts, one more than cut-offs
     * @return the points to fit
     * @throws IllegalArgumentException if a point already has weight &gt; 1 or the arguments do not fit together
     */
    public static List<WeightedPoint> autoSquash(List<WeightedPoint> points, int[] keepPoints, long[] cutOffs,
            int[] superpoints) {
        if (keepPoints.length < 1 || superpoints.length != cutOffs.length + 1) {
            throw new IllegalArgumentException("keepPoints must not be empty and superpoints must have one more entry"
                    + " than cutOffs");
        }
        TreeMap<Integer, List<WeightedPoint>> byCount = new TreeMap<>();
        for (WeightedPoint point : points) {
            if (point.weight() > 1) {
                throw new IllegalArgumentException("the data have already been squashed: " + point);
            }
            byCount.computeIfAbsent(point.actual(), n -> new ArrayList<>()).add(point);
        }
        int largestKeep = keepPoints[0];
        for (int keep : keepPoints) {
            largestKeep = Math.max(largestKeep, keep);
        }
        List<WeightedPoint> result = new ArrayList<>(points.size());
        int position = 0;                                 // among the counts squashed, as autoSquash's i_position
        for (Map.Entry<Integer, List<WeightedPoint>> count : byCount.entrySet()) {
            List<WeightedPoint> withCount = count.getValue();
            int n = withCount.size();
            if (n <= largestKeep + 1) {
                result.addAll(withCount);
                continue;
            }
            int keep = keepPoints[Math.min(position, keepPoints.length - 1)];
            position++;
            int toSquash = n - keep;
            int target = superpoints[superpoints.length - 1];
            for (int i = 0; i < cutOffs.length; i++) {
                if (toSquash < cutOffs[i]) {
                    target = superpoints[i];
                    break;
                }
            }
            Squashing squashing = new Squashing(Math.max(toSquash / target, 2), keep, 1, 1);
            result.addAll(squashing.squash(withCount, count.getKey()));
        }
        return List.copyOf(result);
    }

    private List<WeightedPoint> squashIfEnough(List<WeightedPoint> points, int count) {
        long withCount = points.stream().filter(p -> p.actual() == count).count();
        return withCount >= (long) binSize * minBins ? squash(points, count) : points;
    }

    /**
     * @param binSize number of points per superpoint, ≥ 2
     * @return a copy with this bin size
     * @throws IllegalArgumentException if binSize &lt; 2
     */
    public Squashing withBinSize(int binSize) {
        return new Squashing(binSize, keepPoints, minBins, minPoints);
    }

    /**
     * @param keepPoints number of points with the largest E left unsquashed, ≥ 0
     * @return a copy with this number of kept points
     * @throws IllegalArgumentException if keepPoints &lt; 0
     */
    public Squashing withKeepPoints(int keepPoints) {
        return new Squashing(binSize, keepPoints, minBins, minPoints);
    }

    /**
     * @param minBins smallest number of bins worth squashing, ≥ 1
     * @return a copy with this minimum
     * @throws IllegalArgumentException if minBins &lt; 1
     */
    public Squashing withMinBins(int minBins) {
        return new Squashing(binSize, keepPoints, minBins, minPoints);
    }

    /**
     * @param minPoints smallest number of points with the count worth squashing, ≥ 1
     * @return a copy with this minimum
     * @throws IllegalArgumentException if minPoints &lt; 1
     */
    public Squashing withMinPoints(int minPoints) {
        return new Squashing(binSize, keepPoints, minBins, minPoints);
    }

    /**
     * Squashes the points whose actual count is {@code count}.
     *
     * @param points the data, unsquashed or already squashed for other counts
     * @param count  the actual count N whose points are binned, ≥ 0
     * @return a new list: other points unchanged, the squashed points, the kept points, stably sorted by N
     * @throws IllegalArgumentException if count &lt; 0, or if the points with this count were already squashed, are
     *                                  fewer than {@code minPoints}, make fewer than {@code minBins} bins, or leave
     *                                  fewer than {@code binSize} points to squash after {@code keepPoints}
     */
    public List<WeightedPoint> squash(List<WeightedPoint> points, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        List<WeightedPoint> others = new ArrayList<>();
        List<WeightedPoint> candidates = new ArrayList<>();
        for (WeightedPoint point : points) {
            (point.actual() == count ? candidates : others).add(point);
        }
        checkWorthSquashing(candidates, count);

        candidates.sort(Comparator.comparingDouble(WeightedPoint::expected)); // stable, as data.table's setorder
        int toSquash = candidates.size() - keepPoints;
        List<WeightedPoint> result = new ArrayList<>(others);
        for (int start = 0; start < toSquash; start += binSize) {
            int end = Math.min(start + binSize, toSquash);
            double sum = 0;
            for (int i = start; i < end; i++) {
                sum += candidates.get(i).expected();
            }
            result.add(new WeightedPoint(count, sum / (end - start), end - start));
        }
        result.addAll(candidates.subList(toSquash, candidates.size()));
        result.sort(Comparator.comparingInt(WeightedPoint::actual));
        return List.copyOf(result);
    }

    private void checkWorthSquashing(List<WeightedPoint> candidates, int count) {
        if (candidates.stream().anyMatch(p -> p.weight() > 1)) {
            throw new IllegalArgumentException("the points with N = " + count + " have already been squashed");
        }
        int n = candidates.size();
        if (n < minPoints) {
            throw new IllegalArgumentException("not enough points for squashing: " + n + " with N = " + count
                    + ", minPoints = " + minPoints);
        }
        if ((double) n / binSize < minBins) {
            throw new IllegalArgumentException("not enough bins: " + n + " points with N = " + count + " in bins of "
                    + binSize + " make fewer than minBins = " + minBins + "; reduce binSize");
        }
        if (n - keepPoints < binSize) {
            throw new IllegalArgumentException("only " + (n - keepPoints) + " points with N = " + count
                    + " left to squash after keeping " + keepPoints + "; reduce binSize or keepPoints");
        }
    }
}
