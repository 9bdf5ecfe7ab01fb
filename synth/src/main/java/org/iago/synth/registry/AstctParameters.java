package org.iago.synth.registry;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The raw parameters of a CRS or ICANS episode (the eight columns {@code max_temp_c} .. {@code cerebral_oedema}), drawn
 * so that the ASTCT grade they imply is known: recorded for {@link #RECORDED_SHARE} of the episodes, implying the
 * recorded grade for {@link #CONCORDANT_SHARE} of those and one grade more or less otherwise, as when a centre's
 * grade and its documented findings disagree. Re-grading from the parameters must find exactly the discordant
 * episodes the manifest counts. A grade-5 (fatal) episode has grade-4 parameters and counts as concordant.
 */
final class AstctParameters {

    static final double RECORDED_SHARE = 0.9;
    static final double CONCORDANT_SHARE = 0.85;
    static final int COLUMNS = 8;

    private static final List<String> HYPOTENSION =
            List.of("NONE", "FLUIDS", "ONE_VASOPRESSOR", "MULTIPLE_VASOPRESSORS");
    private static final List<String> OXYGEN = List.of("NONE", "LOW_FLOW", "HIGH_FLOW", "POSITIVE_PRESSURE");
    private static final List<String> CONSCIOUSNESS =
            List.of("NORMAL", "AWAKENS_SPONTANEOUSLY", "TO_VOICE", "TO_TOUCH", "UNAROUSABLE");
    private static final String[] UNKNOWN = new String[COLUMNS];

    static {
        Arrays.fill(UNKNOWN, "");
    }

    private AstctParameters() {
    }

    /** No parameters recorded: every column empty. */
    static String[] unknown() {
        return UNKNOWN.clone();
    }

    /** Parameters of an episode of the recorded grade (1–5): absent, concordant or one grade off. */
    static String[] draw(ToxicityHazard kind, int recordedGrade, SplittableRandom rng) {
        if (!Draw.chance(RECORDED_SHARE, rng)) {
            return unknown();
        }
        int implied = Math.min(recordedGrade, 4);
        if (recordedGrade < 5 && !Draw.chance(CONCORDANT_SHARE, rng)) {
            implied = implied == 1 ? 2 : implied == 4 ? 3 : implied + (rng.nextBoolean() ? 1 : -1);
        }
        return kind == ToxicityHazard.CRS ? crs(implied, rng) : icans(implied, rng);
    }

    /** ASTCT CRS: fever ≥ 38 °C, then the worse of hypotension and oxygen, each NONE = 1 .. 4. */
    private static String[] crs(int grade, SplittableRandom rng) {
        int tenths = grade == 1 ? Draw.between(380, 394, rng) : Draw.between(383, 408, rng);
        int hypotension = 1;
        int oxygen = 1;
        if (grade > 1) {
            int decider = rng.nextInt(10);   // 0-3 hypotension, 4-6 oxygen, 7-9 both
            hypotension = decider < 4 || decider >= 7 ? grade : Draw.between(1, grade - 1, rng);
            oxygen = decider >= 4 ? grade : Draw.between(1, grade - 1, rng);
        }
        String[] raw = unknown();
        raw[0] = tenths / 10 + "." + tenths % 10;
        raw[1] = HYPOTENSION.get(hypotension - 1);
        raw[2] = OXYGEN.get(oxygen - 1);
        return raw;
    }

    /**
     * ASTCT ICANS: one domain decides the grade (ICE score or consciousness for grades 1–2; also seizure or focal
     * oedema for 3; consciousness, prolonged seizure, diffuse oedema or motor weakness for 4), the others are at
     * that grade or milder.
     */
    private static String[] icans(int grade, SplittableRandom rng) {
        int x = rng.nextInt(100);
        String decider = switch (grade) {
            case 1, 2 -> x < 70 ? "ice" : "consciousness";
            case 3 -> x < 45 ? "ice" : x < 70 ? "consciousness" : x < 90 ? "seizure" : "oedema";
            default -> x < 45 ? "consciousness" : x < 75 ? "seizure" : x < 90 ? "oedema" : "motor";
        };
        int iceGrade = decider.equals("ice") ? grade : Math.min(3, Math.max(0, grade - rng.nextInt(2)));
        int consciousness = decider.equals("consciousness") ? grade : Draw.between(0, Math.min(grade, 3), rng);
        String[] raw = unknown();
        raw[3] = consciousness == 4 ? "0" : Integer.toString(iceScore(iceGrade, rng));
        raw[4] = CONSCIOUSNESS.get(consciousness);
        raw[5] = decider.equals("seizure") ? (grade == 4 ? "PROLONGED" : "RESOLVING")
                : grade >= 3 && Draw.chance(0.1, rng) ? "RESOLVING" : "NONE";
        raw[6] = decider.equals("motor") ? "Y" : "N";
        raw[7] = decider.equals("oedema") ? (grade == 4 ? "DIFFUSE" : "FOCAL")
                : grade >= 3 && Draw.chance(0.1, rng) ? "FOCAL" : "NONE";
        return raw;
    }

    private static int iceScore(int iceGrade, SplittableRandom rng) {
        return switch (iceGrade) {
            case 0 -> 10;
            case 1 -> Draw.between(7, 9, rng);
            case 2 -> Draw.between(3, 6, rng);
            default -> Draw.between(0, 2, rng);
        };
    }

    /** The ASTCT grade the parameters imply (1–4), or -1 when none are recorded. */
    static int impliedGrade(String category, String[] raw) {
        if (category.equals("CRS")) {
            if (raw[0].isEmpty()) {
                return -1;
            }
            if (Double.parseDouble(raw[0]) < 38) {
                return 0;
            }
            return Math.max(1, Math.max(HYPOTENSION.indexOf(raw[1]), OXYGEN.indexOf(raw[2])) + 1);
        }
        if (raw[3].isEmpty()) {
            return -1;
        }
        int ice = Integer.parseInt(raw[3]);
        int grade = ice == 10 ? 0 : ice >= 7 ? 1 : ice >= 3 ? 2 : 3;
        grade = Math.max(grade, CONSCIOUSNESS.indexOf(raw[4]));
        grade = Math.max(grade, raw[5].equals("PROLONGED") ? 4 : raw[5].equals("RESOLVING") ? 3 : 0);
        grade = Math.max(grade, raw[6].equals("Y") ? 4 : 0);
        return Math.max(grade, raw[7].equals("DIFFUSE") ? 4 : raw[7].equals("FOCAL") ? 3 : 0);
    }
}
