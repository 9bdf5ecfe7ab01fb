package org.iago.synth.registry;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A piecewise-uniform distribution of whole days after infusion: each segment gets its share of the probability,
 * spread evenly over its days. Enough to give every toxicity its published time profile (CRS in the first week,
 * parkinsonism in months 2–4) while staying exactly describable in the manifest.
 *
 * @param segments consecutive or disjoint day ranges whose shares sum to 1
 */
record Onset(List<Segment> segments) {

    /**
     * Days {@code fromDay} to {@code toDay}, both included, with probability {@code share}.
     *
     * @param fromDay first day
     * @param toDay   last day
     * @param share   probability of the segment
     */
    record Segment(int fromDay, int toDay, double share) {
    }

    Onset {
        segments = List.copyOf(segments);
        double total = segments.stream().mapToDouble(Segment::share).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("shares sum to " + total);
        }
    }

    /** One segment covering {@code fromDay}..{@code toDay} uniformly. */
    static Onset uniform(int fromDay, int toDay) {
        return new Onset(List.of(new Segment(fromDay, toDay, 1)));
    }

    static Onset of(Segment... segments) {
        return new Onset(List.of(segments));
    }

    static Segment days(int fromDay, int toDay, double share) {
        return new Segment(fromDay, toDay, share);
    }

    int draw(SplittableRandom rng) {
        double x = rng.nextDouble();
        for (Segment s : segments) {
            x -= s.share;
            if (x < 0) {
                return Draw.between(s.fromDay, s.toDay, rng);
            }
        }
        Segment last = segments.get(segments.size() - 1);
        return Draw.between(last.fromDay, last.toDay, rng);
    }
}
