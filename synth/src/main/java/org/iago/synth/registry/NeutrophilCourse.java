package org.iago.synth.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iago.grading.IcahtGrade;
import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.synth.registry.PatientRecord.Episode;
import org.iago.synth.registry.PatientRecord.Lab;

/**
 * A patient's neutrophil and platelet counts from lymphodepletion on, drawn as a severity class (0 = no ANC ≤ 500,
 * 1–4 = neutropenia of growing depth and length, roughly the early ICAHT grade), sometimes with a second dip after
 * recovery (biphasic) or a late cytopenia after day 30, and measured on a clinical schedule with 10% noise. The
 * ICAHT episodes are then graded from the measured counts with {@link IcahtGrade}, so the recorded grades are
 * exactly what re-grading the extract's labs gives.
 */
final class NeutrophilCourse {

    /** Weights of severity classes 0–4 for CD19 4-1BB, CD28 and BCMA products (EHA/EBMT: more ICAHT with the last). */
    static final int[] CD19_4_1BB_SEVERITY = {30, 35, 20, 11, 4};
    static final int[] CD28_SEVERITY = {15, 30, 27, 20, 8};
    static final int[] BCMA_SEVERITY = {15, 30, 27, 20, 8};
    static final double BIPHASIC_SHARE = 0.2;
    static final double BIPHASIC_SHARE_BCMA = 0.3;
    /** Chance of a late cytopenia (ANC 250–1400 from day 31 to day 100–180), by severity class. */
    static final double[] LATE_CYTOPENIA_SHARE = {0.03, 0.08, 0.15, 0.30, 0.50};

    private static final int DAILY = 101;
    private static final int[][] DURATION = {{0, 0}, {2, 6}, {7, 13}, {14, 24}, {28, 45}};
    private static final int[][] NADIR = {{600, 1400}, {150, 450}, {100, 400}, {150, 300}, {10, 90}};
    private static final int[][] PLATELET_NADIR = {{70, 150}, {40, 100}, {25, 70}, {10, 40}, {5, 25}};

    private final double[] anc = new double[DAILY];
    private final double baselineAnc;
    private final double recoveredAnc;
    private final double baselinePlatelets;
    private final double plateletNadir;
    private final int stretchStart;
    private final int stretchEnd;
    private final int severity;
    private double lateAnc = -1;
    private int lateEnd = 30;

    NeutrophilCourse(Product product, SplittableRandom rng) {
        int[] weights = product.bcma() ? BCMA_SEVERITY : product.cd28() ? CD28_SEVERITY : CD19_4_1BB_SEVERITY;
        severity = Draw.weighted(weights, rng);
        baselineAnc = Math.min(12_000, Math.max(1000, 3200 * StrictMath.exp(0.35 * Draw.gaussian(rng))));
        recoveredAnc = Draw.between(1800, 4300, rng);
        baselinePlatelets = Math.min(450_000, Math.max(60_000, 180_000 * StrictMath.exp(0.35 * Draw.gaussian(rng))));
        plateletNadir = 1000.0 * Draw.between(PLATELET_NADIR[severity][0], PLATELET_NADIR[severity][1], rng);
        double nadir = Draw.between(NADIR[severity][0], NADIR[severity][1], rng);
        anc[0] = 0.8 * baselineAnc;
        if (severity == 0) {
            stretchStart = Draw.between(4, 7, rng);
            stretchEnd = stretchStart;
            ramp(0, anc[0], stretchStart, nadir);
            ramp(stretchStart, nadir, stretchStart + 7, recoveredAnc);
            fill(stretchStart + 7, DAILY - 1, recoveredAnc);
        } else {
            stretchStart = Draw.between(2, 5, rng);
            stretchEnd = stretchStart + Draw.between(DURATION[severity][0], DURATION[severity][1], rng) - 1;
            int profound = severity == 3 && rng.nextBoolean()
                    ? Draw.between(7, Math.min(12, stretchEnd - stretchStart - 1), rng) : 0;
            double profoundLevel = Draw.between(20, 90, rng);
            ramp(0, anc[0], stretchStart - 1, 700);
            for (int d = stretchStart; d <= Math.min(stretchEnd, DAILY - 1); d++) {
                boolean edge = d == stretchStart || d == stretchEnd;
                anc[d] = d - stretchStart >= 1 && d - stretchStart <= profound ? profoundLevel
                        : edge ? Math.max(nadir, 430) : nadir;
            }
            ramp(stretchEnd + 1, 600, stretchEnd + 7, recoveredAnc);
            fill(stretchEnd + 7, DAILY - 1, recoveredAnc);
            if (Draw.chance(product.bcma() ? BIPHASIC_SHARE_BCMA : BIPHASIC_SHARE, rng)) {
                int start = stretchEnd + Draw.between(6, 12, rng);
                int end = start + Draw.between(3, 12, rng) - 1;
                fill(start - 1, start - 1, 650);
                fill(start, end, Draw.between(150, 480, rng));
                fill(end + 1, end + 1, 650);
            }
        }
        if (Draw.chance(LATE_CYTOPENIA_SHARE[severity], rng)) {
            lateAnc = Draw.between(250, 1400, rng);
            lateEnd = Draw.between(100, 180, rng);
            fill(Math.max(31, stretchEnd + 8), DAILY - 1, lateAnc);
        }
    }

    /** Measured counts on days −5 to {@code lastDay}: every 1–3 days to day 30, weekly to day 100, then sparse. */
    List<Lab> labs(int lastDay, SplittableRandom rng) {
        List<Lab> labs = new ArrayList<>();
        labs.add(measure(-5, rng));
        int step = severity >= 3 ? 2 : 3;
        for (int day = 0; day <= Math.min(30, lastDay); day += Draw.between(1, step, rng)) {
            labs.add(measure(day, rng));
        }
        for (int week = 1; week <= 10; week++) {
            int day = 30 + 7 * week + Draw.between(-1, 1, rng);
            if (day <= Math.min(100, lastDay)) {
                labs.add(measure(day, rng));
            }
        }
        for (int day : new int[]{120, 150, 180, 270, 365}) {
            if (day <= lastDay) {
                labs.add(measure(day, rng));
            }
        }
        for (int day = 545; day <= lastDay; day += 365) {
            labs.add(measure(day, rng));
        }
        return labs;
    }

    /**
     * The early and late ICAHT episodes (EHA2023) of the counts up to {@code windowEnd}, the earliest of relapse,
     * next therapy and follow-up end; the late window ends at day 100 or earlier at {@code windowEnd}. An episode
     * starts on the first day of the neutropenia that decided the grade and resolves on the first later count
     * above 500 (early) or 1500 (late).
     */
    static List<Episode> icaht(List<Lab> labs, int windowEnd) {
        List<AncMeasurement> counts = new ArrayList<>();
        for (Lab lab : labs) {
            if (lab.day() <= windowEnd) {
                counts.add(new AncMeasurement(lab.day(), lab.anc()));
            }
        }
        List<Episode> episodes = new ArrayList<>();
        if (IcahtGrade.withDefaults().early(counts) instanceof IcahtGrade.EarlyGraded early && early.grade() > 0) {
            IcahtGrade.Stretch stretch = early.longestAtOrBelow500().orElseThrow();
            episodes.add(episode("ICAHT_EARLY", stretch.firstDay(), firstAbove(labs, stretch.lastDay(), 500),
                    early.grade()));
        }
        int lateWindowEnd = Math.min(100, windowEnd);
        if (IcahtGrade.withDefaults().late(counts, lateWindowEnd) instanceof IcahtGrade.LateGraded late
                && late.grade() > 0) {
            int onset = PatientRecord.NONE;
            int lastLow = PatientRecord.NONE;
            for (Lab lab : labs) {
                if (lab.day() >= 31 && lab.day() <= lateWindowEnd && lab.anc() <= 1500) {
                    onset = onset == PatientRecord.NONE ? lab.day() : onset;
                    lastLow = lab.day();
                }
            }
            episodes.add(episode("ICAHT_LATE", onset, firstAbove(labs, lastLow, 1500), late.grade()));
        }
        return episodes;
    }

    private static Episode episode(String category, int onset, int resolution, int grade) {
        return new Episode(category, onset, resolution, grade, "EHA2023", AstctParameters.unknown());
    }

    private static int firstAbove(List<Lab> labs, int after, int threshold) {
        for (Lab lab : labs) {
            if (lab.day() > after && lab.anc() > threshold) {
                return lab.day();
            }
        }
        return PatientRecord.NONE;
    }

    private Lab measure(int day, SplittableRandom rng) {
        double noise = 0.9 + 0.2 * rng.nextDouble();
        double plateletNoise = 0.9 + 0.2 * rng.nextDouble();
        long count = Math.round(ancOn(day) * noise / 10) * 10;
        long platelets = Math.round(plateletsOn(day) * plateletNoise / 1000) * 1000;
        return new Lab(day, (int) count, (int) platelets);
    }

    private double ancOn(int day) {
        if (day < 0) {
            return baselineAnc;
        }
        if (day < DAILY) {
            return anc[day];
        }
        return day <= lateEnd && lateAnc >= 0 ? lateAnc : recoveredAnc;
    }

    /** Platelets fall to their nadir with the neutrophils, stay there 3 days longer and recover over 10 days. */
    private double plateletsOn(int day) {
        double recovered = 0.85 * baselinePlatelets;
        int nadirEnd = stretchEnd + 3;
        if (day < 0) {
            return baselinePlatelets;
        }
        if (day <= stretchStart) {
            return baselinePlatelets + (plateletNadir - baselinePlatelets) * day / stretchStart;
        }
        if (day <= nadirEnd) {
            return plateletNadir;
        }
        if (day <= nadirEnd + 10) {
            return plateletNadir + (recovered - plateletNadir) * (day - nadirEnd) / 10;
        }
        return lateAnc >= 0 && day >= 31 && day <= lateEnd ? 0.6 * recovered : recovered;
    }

    private void ramp(int fromDay, double from, int toDay, double to) {
        for (int d = Math.max(fromDay, 0); d <= Math.min(toDay, DAILY - 1); d++) {
            anc[d] = toDay == fromDay ? to : from + (to - from) * (d - fromDay) / (toDay - fromDay);
        }
    }

    private void fill(int fromDay, int toDay, double value) {
        for (int d = Math.max(fromDay, 0); d <= Math.min(toDay, DAILY - 1); d++) {
            anc[d] = value;
        }
    }
}
