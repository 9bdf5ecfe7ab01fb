package org.iago.synth.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest's {@code hazards}: every parameter the extract was drawn with, read from the model classes
 * themselves so that the manifest cannot drift from the data. Onset distributions are lists of day segments with
 * their probabilities; grade weights are for grades 1, 2, 3, 4.
 */
final class Hazards {

    private Hazards() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> hazards = new LinkedHashMap<>();
        hazards.put("products", products());
        hazards.put("toxicities", toxicities());
        hazards.put("legacyGradingShareByInfusionYear", ordered("2018", ToxicityHazard.legacyShare(2018),
                "2019", ToxicityHazard.legacyShare(2019), "2020", ToxicityHazard.legacyShare(2020)));
        hazards.put("rawParameters", ordered("recordedShare", AstctParameters.RECORDED_SHARE,
                "concordantShare", AstctParameters.CONCORDANT_SHARE,
                "rule", "discordant parameters imply the recorded grade plus or minus 1; "
                        + "grade 5 has grade-4 parameters"));
        hazards.put("icaht", ordered("gradingSystem", "EHA2023",
                "grader", "org.iago.grading.IcahtGrade on the labs up to relapse, next therapy or follow-up end; "
                        + "late window to day min(100, that day)",
                "severityWeights", ordered("CD19_4_1BB", NeutrophilCourse.CD19_4_1BB_SEVERITY,
                        "CD28", NeutrophilCourse.CD28_SEVERITY, "BCMA", NeutrophilCourse.BCMA_SEVERITY),
                "biphasicShare", NeutrophilCourse.BIPHASIC_SHARE,
                "biphasicShareBcma", NeutrophilCourse.BIPHASIC_SHARE_BCMA,
                "lateCytopeniaShareBySeverity", NeutrophilCourse.LATE_CYTOPENIA_SHARE));
        hazards.put("infections", infections());
        hazards.put("management", ordered(
                "antibacterialProphylaxisShare", ManagementModel.ANTIBACTERIAL_SHARE,
                "antibacterialProphylaxisDays", ManagementModel.ANTIBACTERIAL_DAYS,
                "antiviralProphylaxisShare", ManagementModel.ANTIVIRAL_SHARE,
                "antiviralProphylaxisDays", ManagementModel.ANTIVIRAL_DAYS,
                "antifungalProphylaxisShare", ManagementModel.ANTIFUNGAL_SHARE,
                "antifungalProphylaxisShareEarlyIcaht3", ManagementModel.ANTIFUNGAL_SHARE_ICAHT_3,
                "antifungalProphylaxisDays", ManagementModel.ANTIFUNGAL_DAYS,
                "daysNote", "start drawn from [0]..[1], end from [2]..[3], days from infusion",
                "ivigShareOfHypogammaglobulinaemia", ManagementModel.IVIG_SHARE,
                "ivigStartDaysAfterOnset", new int[]{0, ManagementModel.IVIG_MAX_DELAY}));
        hazards.put("outcomes", outcomes());
        hazards.put("neoplasms", neoplasms());
        return hazards;
    }

    private static List<Object> products() {
        List<Object> products = new ArrayList<>();
        for (Product p : Product.values()) {
            products.add(ordered("brand", p.name(), "target", p.target(), "costimulation", p.costimulation(),
                    "approved", p.approved().toString(), "weight", p.weight(), "diseases", p.diseases()));
        }
        return products;
    }

    private static List<Object> toxicities() {
        List<Object> toxicities = new ArrayList<>();
        for (ToxicityHazard h : ToxicityHazard.ALL) {
            toxicities.add(ordered("category", h.category(), "gradingSystem", h.system(),
                    "legacyGradingSystem", h.legacySystem(), "incidence", h.incidenceByProduct(),
                    "onsetDays", h.onset().segments(), "gradeWeights", h.gradeWeights(),
                    "gradeWeightsCd28", h.cd28GradeWeights(), "fatalShareOfGrade4", h.fatalShareOfGrade4(),
                    "resolvedShare", h.resolvedShare(), "durationDays", new int[]{h.minDuration(), h.maxDuration()}));
        }
        return toxicities;
    }

    private static Map<String, Object> infections() {
        List<Object> windows = new ArrayList<>();
        int[] from = InfectionModel.WINDOW_FROM;
        for (int w = 0; w < from.length; w++) {
            Map<String, Double> mix = new LinkedHashMap<>();
            for (int c = 0; c < InfectionModel.CLASSES.length; c++) {
                mix.put(InfectionModel.CLASSES[c], InfectionModel.CLASS_MIX[w][c]);
            }
            windows.add(ordered("fromDay", from[w], "toDay", w + 1 < from.length ? from[w + 1] - 1 : null,
                    "ratePer100PatientDays", InfectionModel.RATE_PER_100_DAYS[w], "classMix", mix,
                    "inpatientShare", InfectionModel.INPATIENT_SHARE[w]));
        }
        return ordered("windows", windows,
                "prophylaxisBacterialRateRatio", InfectionModel.PROPHYLAXIS_BACTERIAL_RATE_RATIO,
                "ivigRateRatio", InfectionModel.IVIG_RATE_RATIO,
                "gradeWeights", InfectionModel.GRADE_WEIGHTS,
                "onProphylaxis", "Y when a prophylaxis period against the infection's class (antibacterial, antiviral,"
                        + " antifungal) covers the onset day; OTHER is never on prophylaxis",
                "fatal", "a death from INFECTION adds a grade-5 infection 0-"
                        + OutcomeModel.FATAL_INFECTION_MAX_DAYS + " days before death; no other grade 5");
    }

    private static Map<String, Object> outcomes() {
        Map<String, Double> relapse = new LinkedHashMap<>();
        for (Product p : Product.values()) {
            relapse.put(p.name(), OutcomeModel.RELAPSE_FIRST_YEAR[p.ordinal()]);
        }
        return ordered("lostToFollowUpShare", OutcomeModel.LOST_SHARE,
                "lostDays", new int[]{OutcomeModel.LOST_FROM_DAY, OutcomeModel.LOST_TO_DAY},
                "relapseFirstYear", relapse,
                "relapseFirstYearOnsetDays", OutcomeModel.RELAPSE_FIRST_YEAR_ONSET.segments(),
                "lateRelapsePerYear", ordered("CD19", OutcomeModel.LATE_RELAPSE_PER_YEAR_CD19,
                        "BCMA", OutcomeModel.LATE_RELAPSE_PER_YEAR_BCMA),
                "nextTherapyShareAfterRelapse", OutcomeModel.NEXT_THERAPY_SHARE,
                "nextTherapyDelayDays", new int[]{OutcomeModel.NEXT_THERAPY_MIN_DELAY,
                        OutcomeModel.NEXT_THERAPY_MAX_DELAY},
                "relapseDeathMedianDays", ordered("CD19", OutcomeModel.RELAPSE_DEATH_MEDIAN_DAYS_CD19,
                        "BCMA", OutcomeModel.RELAPSE_DEATH_MEDIAN_DAYS_BCMA),
                "earlyInfectionDeath", ordered("CD19", OutcomeModel.EARLY_INFECTION_DEATH_CD19,
                        "BCMA", OutcomeModel.EARLY_INFECTION_DEATH_BCMA),
                "earlyInfectionDeathDays", new int[]{OutcomeModel.EARLY_INFECTION_DEATH_FROM,
                        OutcomeModel.EARLY_INFECTION_DEATH_TO},
                "lateDeathPerYearFromDay" + OutcomeModel.LATE_DEATH_FROM, ordered(
                        "INFECTION", OutcomeModel.LATE_INFECTION_DEATH_PER_YEAR,
                        "CARDIOVASCULAR", OutcomeModel.CARDIOVASCULAR_DEATH_PER_YEAR,
                        "OTHER", OutcomeModel.OTHER_DEATH_PER_YEAR),
                "spmDeathShare", OutcomeModel.SPM_DEATH_SHARE,
                "toxicityDeathDaysAfterOnset", OutcomeModel.TOXICITY_DEATH_DAYS,
                "lastFollowUpDaysBeforeDeath", new int[]{0, OutcomeModel.LAST_FOLLOW_UP_MAX_DAYS_BEFORE_DEATH});
    }

    private static List<Object> neoplasms() {
        List<Object> neoplasms = new ArrayList<>();
        for (NeoplasmHazard n : NeoplasmHazard.ALL) {
            neoplasms.add(ordered("type", n.type(), "incidence", n.incidence(), "onsetDays", n.onset().segments(),
                    "transgeneDetectedWeightsYNU", n.transgeneWeightsYNU(), "canBeFatal", n.canBeFatal()));
        }
        return neoplasms;
    }

    /** A map keeping the order of its alternating keys and values. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
