package org.iago.synth.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.iago.synth.registry.PatientRecord.Infection;
import org.iago.synth.registry.PatientRecord.Treatment;

/**
 * Infections as a Poisson process per pathogen class over the days at risk, from infusion to follow-up end, with
 * piecewise-constant rates (Hill et al. 2018: dense in the first month, thinning out after day 100). Two management
 * effects are planted so that an analysis can recover them: antibacterial prophylaxis multiplies the bacterial rate
 * by {@link #PROPHYLAXIS_BACTERIAL_RATE_RATIO} while it runs, and IVIG multiplies every rate by
 * {@link #IVIG_RATE_RATIO} from its start on. Time is continuous; an infection on day t is recorded on day ⌊t⌋, so a
 * patient followed up to day F has F days at risk.
 */
final class InfectionModel {

    static final String[] CLASSES = {"BACTERIAL", "VIRAL", "FUNGAL", "OTHER"};
    /** First day of each window; the rates and mixes below are per window. */
    static final int[] WINDOW_FROM = {0, 31, 101};
    static final double[] RATE_PER_100_DAYS = {1.2, 0.5, 0.15};
    /** Shares of BACTERIAL, VIRAL, FUNGAL, OTHER per window: bacterial early, viral later. */
    static final double[][] CLASS_MIX = {{0.55, 0.30, 0.10, 0.05}, {0.35, 0.50, 0.10, 0.05}, {0.30, 0.60, 0.05, 0.05}};
    static final double[] INPATIENT_SHARE = {0.75, 0.5, 0.35};
    static final double PROPHYLAXIS_BACTERIAL_RATE_RATIO = 0.5;
    static final double IVIG_RATE_RATIO = 0.6;
    /** CTCAE grades 1–4 of non-fatal infections; grade 3 and above are always treated as inpatients. */
    static final int[] GRADE_WEIGHTS = {10, 45, 38, 7};

    private static final String[][] ORGANISMS = {
            {"ESCHERICHIA_COLI", "KLEBSIELLA_PNEUMONIAE", "PSEUDOMONAS_AERUGINOSA", "STAPHYLOCOCCUS_AUREUS",
                    "COAGULASE_NEGATIVE_STAPHYLOCOCCI", "ENTEROCOCCUS_FAECIUM", "CLOSTRIDIOIDES_DIFFICILE",
                    "STREPTOCOCCUS_PNEUMONIAE", "HAEMOPHILUS_INFLUENZAE"},
            {"SARS_COV_2", "CYTOMEGALOVIRUS", "RESPIRATORY_SYNCYTIAL_VIRUS", "INFLUENZA_VIRUS", "RHINOVIRUS",
                    "VARICELLA_ZOSTER_VIRUS", "HERPES_SIMPLEX_VIRUS", "HUMAN_HERPESVIRUS_6", "ADENOVIRUS",
                    "PARAINFLUENZA_VIRUS", "BK_POLYOMAVIRUS", "JC_POLYOMAVIRUS"},
            {"ASPERGILLUS", "CANDIDA", "PNEUMOCYSTIS_JIROVECII", "MUCORALES"},
            {"TOXOPLASMA_GONDII", ""}};
    private static final int[][] ORGANISM_WEIGHTS = {
            {20, 12, 10, 12, 14, 8, 10, 8, 6}, {22, 15, 10, 10, 12, 8, 6, 5, 4, 4, 3, 1}, {40, 35, 20, 5}, {10, 90}};
    private static final String[] PROPHYLAXIS_BY_CLASS =
            {"ANTIBACTERIAL_PROPHYLAXIS", "ANTIVIRAL_PROPHYLAXIS", "ANTIFUNGAL_PROPHYLAXIS", null};

    private InfectionModel() {
    }

    /**
     * The infections of days 0 to {@code followUpEnd} − 1, plus on request the one that killed the patient
     * ({@code fatalDay}, grade 5), in day order.
     */
    static List<Infection> draw(int followUpEnd, List<Treatment> treatments, int ivigStart, int fatalDay,
                                SplittableRandom rng) {
        Treatment antibacterial = find(treatments, "ANTIBACTERIAL_PROPHYLAXIS");
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, followUpEnd));
        for (int from : WINDOW_FROM) {
            cuts.add(from);
        }
        if (antibacterial != null) {
            cuts.add(Math.max(0, antibacterial.startDay()));
            cuts.add(antibacterial.endDay() + 1);
        }
        if (ivigStart != PatientRecord.NONE) {
            cuts.add(ivigStart);
        }
        int[] bounds = cuts.headSet(followUpEnd, true).stream().mapToInt(Integer::intValue).toArray();
        List<Infection> infections = new ArrayList<>();
        for (int k = 1; k < bounds.length; k++) {
            int from = bounds[k - 1];
            int to = bounds[k];
            int window = window(from);
            boolean prophylaxis = antibacterial != null && antibacterial.covers(from);
            double ivig = ivigStart != PatientRecord.NONE && from >= ivigStart ? IVIG_RATE_RATIO : 1;
            for (int c = 0; c < CLASSES.length; c++) {
                double rate = RATE_PER_100_DAYS[window] / 100 * CLASS_MIX[window][c] * ivig
                        * (c == 0 && prophylaxis ? PROPHYLAXIS_BACTERIAL_RATE_RATIO : 1);
                int n = Draw.poisson(rate * (to - from), rng);
                for (int i = 0; i < n; i++) {
                    int day = from + (int) (rng.nextDouble() * (to - from));
                    infections.add(infection(day, c, 1 + Draw.weighted(GRADE_WEIGHTS, rng), treatments, rng));
                }
            }
        }
        if (fatalDay != PatientRecord.NONE) {
            int c = Draw.weighted(new int[]{50, 25, 25, 0}, rng);
            infections.add(infection(fatalDay, c, 5, treatments, rng));
        }
        infections.sort(Comparator.comparingInt(Infection::day).thenComparing(Infection::pathogenClass)
                .thenComparing(Infection::organism));
        return infections;
    }

    static int window(int day) {
        return day >= WINDOW_FROM[2] ? 2 : day >= WINDOW_FROM[1] ? 1 : 0;
    }

    private static Infection infection(int day, int c, int grade, List<Treatment> treatments,
                                       SplittableRandom rng) {
        String organism = ORGANISMS[c][Draw.weighted(ORGANISM_WEIGHTS[c], rng)];
        boolean inpatient = grade >= 3 || Draw.chance(INPATIENT_SHARE[window(day)], rng);
        Treatment prophylaxis = PROPHYLAXIS_BY_CLASS[c] == null ? null : find(treatments, PROPHYLAXIS_BY_CLASS[c]);
        String agent = prophylaxis != null && prophylaxis.covers(day) ? prophylaxis.agent() : null;
        return new Infection(day, CLASSES[c], organism, grade, inpatient, agent);
    }

    private static Treatment find(List<Treatment> treatments, String code) {
        for (Treatment t : treatments) {
            if (t.treatment().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
