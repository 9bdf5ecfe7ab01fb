package org.iago.synth.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.iago.synth.registry.PatientRecord.Episode;
import org.iago.synth.registry.PatientRecord.Treatment;

/**
 * Treatment periods: antimicrobial prophylaxis from lymphodepletion (antibacterial for about half the patients, so
 * that its effect on bacterial infections can be estimated), tocilizumab and steroids for CRS and ICANS (started on
 * or after onset), rarely anakinra, G-CSF for prolonged neutropenia and IVIG for part of the patients with
 * hypogammaglobulinaemia. No period starts after follow-up end, none ends after it.
 */
final class ManagementModel {

    static final double ANTIBACTERIAL_SHARE = 0.5;
    static final int[] ANTIBACTERIAL_DAYS = {-5, -1, 21, 35};
    static final double ANTIVIRAL_SHARE = 0.85;
    static final int[] ANTIVIRAL_DAYS = {-5, -1, 180, 365};
    static final double ANTIFUNGAL_SHARE = 0.15;
    /** Antifungal prophylaxis share when early ICAHT is grade 3–4 (EHA/EBMT recommendation). */
    static final double ANTIFUNGAL_SHARE_ICAHT_3 = 0.5;
    static final int[] ANTIFUNGAL_DAYS = {0, 7, 30, 100};
    static final double IVIG_SHARE = 0.5;
    static final int IVIG_MAX_DELAY = 30;

    private static final String[] ANTIBACTERIALS = {"LEVOFLOXACIN", "CIPROFLOXACIN"};
    private static final String[] ANTIVIRALS = {"ACICLOVIR", "VALACICLOVIR"};
    private static final String[] ANTIFUNGALS = {"POSACONAZOLE", "FLUCONAZOLE", "MICAFUNGIN"};

    private ManagementModel() {
    }

    /** The patient's periods, in start order, given the toxicity episodes that call for treatment. */
    static List<Treatment> plan(List<Episode> episodes, int followUpEnd, SplittableRandom rng) {
        List<Treatment> plan = new ArrayList<>();
        Periods periods = new Periods(plan, followUpEnd, rng);
        if (Draw.chance(ANTIBACTERIAL_SHARE, rng)) {
            periods.prophylaxis("ANTIBACTERIAL_PROPHYLAXIS", ANTIBACTERIAL_DAYS,
                    ANTIBACTERIALS[rng.nextInt(5) < 4 ? 0 : 1]);
        }
        if (Draw.chance(ANTIVIRAL_SHARE, rng)) {
            periods.prophylaxis("ANTIVIRAL_PROPHYLAXIS", ANTIVIRAL_DAYS, ANTIVIRALS[rng.nextInt(5) < 4 ? 0 : 1]);
        }
        boolean icaht3 = episodes.stream().anyMatch(e -> e.category().equals("ICAHT_EARLY") && e.grade() >= 3);
        if (Draw.chance(icaht3 ? ANTIFUNGAL_SHARE_ICAHT_3 : ANTIFUNGAL_SHARE, rng)) {
            periods.prophylaxis("ANTIFUNGAL_PROPHYLAXIS", ANTIFUNGAL_DAYS,
                    ANTIFUNGALS[Draw.weighted(new int[]{50, 35, 15}, rng)]);
        }
        for (Episode e : episodes) {
            int g = e.grade();
            int onset = e.onsetDay();
            switch (e.category()) {
                case "CRS" -> {
                    periods.maybe(g >= 2 ? 0.85 : 0.2, "TOCILIZUMAB", onset, 0, 1, 0, 1, "CRS");
                    periods.maybe(g >= 3 ? 0.7 : 0, "STEROIDS", onset, 0, 2, 3, 10, "CRS");
                }
                case "ICANS" -> {
                    periods.maybe(g >= 2 ? 0.85 : 0.15, "STEROIDS", onset, 0, 2, 3, 10, "ICANS");
                    periods.maybe(g >= 3 ? 0.1 : 0, "ANAKINRA", onset, 1, 3, 5, 14, "ICANS");
                }
                case "IEC_HS" -> {
                    periods.maybe(0.9, "STEROIDS", onset, 0, 2, 5, 14, "IEC_HS");
                    periods.maybe(0.6, "ANAKINRA", onset, 1, 3, 5, 14, "IEC_HS");
                }
                case "ICAHT_EARLY" -> {
                    if (g >= 2 && Draw.chance(0.6, rng)) {
                        int start = onset + Draw.between(2, 6, rng);
                        int end = e.resolutionDay() >= start ? e.resolutionDay() : start + Draw.between(7, 14, rng);
                        periods.add("G_CSF", start, end, "ICAHT");
                    }
                }
                case "HYPOGAMMAGLOBULINAEMIA" -> {
                    if (Draw.chance(IVIG_SHARE, rng)) {
                        periods.add("IVIG", onset + Draw.between(0, IVIG_MAX_DELAY, rng), followUpEnd,
                                "HYPOGAMMAGLOBULINAEMIA");
                    }
                }
                default -> {
                }
            }
        }
        plan.sort(Comparator.comparingInt(Treatment::startDay).thenComparing(Treatment::treatment)
                .thenComparingInt(Treatment::endDay));
        return plan;
    }

    /** The periods being planned, each cut at follow-up end. */
    private record Periods(List<Treatment> plan, int followUpEnd, SplittableRandom rng) {

        void prophylaxis(String treatment, int[] days, String agent) {
            add(treatment, Draw.between(days[0], days[1], rng), Draw.between(days[2], days[3], rng), "PROPHYLAXIS",
                    agent);
        }

        /** With probability p, a period starting 0–n days after onset and lasting a drawn number of days. */
        void maybe(double p, String treatment, int onset, int minDelay, int maxDelay, int minDays, int maxDays,
                   String indication) {
            if (p > 0 && Draw.chance(p, rng)) {
                int start = onset + Draw.between(minDelay, maxDelay, rng);
                add(treatment, start, start + Draw.between(minDays, maxDays, rng), indication);
            }
        }

        void add(String treatment, int start, int end, String indication) {
            add(treatment, start, end, indication, null);
        }

        private void add(String treatment, int start, int end, String indication, String agent) {
            if (start <= followUpEnd) {
                plan.add(new Treatment(treatment, start, Math.min(end, followUpEnd), indication, agent));
            }
        }
    }
}
