package org.iago.synth.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iago.grading.CrsGrade;
import org.iago.grading.IcahtGrade;
import org.iago.grading.IcahtGrade.AncMeasurement;
import org.iago.grading.IcansGrade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-grading the extract with the project's consensus graders ({@code org.iago.grading}) finds the grades the
 * manifest promises: CRS and ICANS discordant exactly as counted, ICAHT exactly as recorded.
 */
class RegistrySynthGradingTest {

    @TempDir
    static Path tmp;

    static RegistrySynthExtract extract;

    @BeforeAll
    static void generate() throws IOException {
        extract = RegistrySynthExtract.generate(tmp, 4000, 8, false);
    }

    @Test
    void rawParametersImplyTheRecordedGradeExceptForTheCountedDiscordantEpisodes() {
        Map<String, Integer> ages = new HashMap<>();
        extract.rows("patients.csv").forEach(p -> ages.put(p.get("patient_id"), Integer.parseInt(p.get("age_years"))));
        Map<String, int[]> counted = new HashMap<>(Map.of("CRS", new int[3], "ICANS", new int[3]));
        for (Map<String, String> t : extract.rows("toxicities.csv")) {
            int[] c = counted.get(t.get("category"));
            if (c == null) {
                continue;
            }
            c[0]++;
            boolean crs = t.get("category").equals("CRS");
            if (t.get(crs ? "max_temp_c" : "ice_score").isEmpty()) {
                continue;
            }
            int implied = crs ? crsGrade(t) : icansGrade(t, ages.get(t.get("patient_id")));
            int recorded = Integer.parseInt(t.get("grade"));
            assertTrue(Math.abs(implied - Math.min(recorded, 4)) <= 1, t.toString());
            c[1]++;
            c[2] += implied != Math.min(recorded, 4) ? 1 : 0;
        }
        int discordant = 0;
        for (JsonNode g : extract.manifest.get("realised").get("rawParameterGrading")) {
            int[] c = counted.get(g.get("category").asText());
            assertEquals(List.of(c[0], c[1], c[2]), List.of(g.get("episodes").asInt(),
                    g.get("withRawParameters").asInt(), g.get("discordant").asInt()), g.toString());
            double recordedShare = (double) c[1] / c[0];
            double discordantShare = (double) c[2] / c[1];
            assertTrue(recordedShare > 0.85 && recordedShare < 0.95, g + ": raw parameters " + recordedShare);
            assertTrue(discordantShare > 0.10 && discordantShare < 0.20, g + ": discordant " + discordantShare);
            discordant += c[2];
        }
        assertEquals(discordant, extract.manifest.get("discordantGrades").asInt());
    }

    @Test
    void icahtEpisodesAreTheGradesOfTheLabs() {
        Map<String, LocalDate> infusion = new HashMap<>();
        extract.rows("patients.csv").forEach(p -> infusion.put(p.get("patient_id"),
                LocalDate.parse(p.get("infusion_date"))));
        Map<String, List<AncMeasurement>> counts = new HashMap<>();
        for (Map<String, String> lab : extract.rows("labs.csv")) {
            counts.computeIfAbsent(lab.get("patient_id"), k -> new ArrayList<>()).add(new AncMeasurement(
                    Integer.parseInt(lab.get("day")), Double.parseDouble(lab.get("anc_per_ul"))));
        }
        Map<String, Integer> recorded = new HashMap<>();
        for (Map<String, String> t : extract.rows("toxicities.csv")) {
            if (t.get("category").startsWith("ICAHT")) {
                assertEquals("EHA2023", t.get("grading_system"));
                recorded.put(t.get("patient_id") + t.get("category"), Integer.parseInt(t.get("grade")));
            }
        }
        int[] early = new int[5];
        for (Map<String, String> o : extract.rows("outcomes.csv")) {
            String id = o.get("patient_id");
            String followUpEnd = o.get("death_date").isEmpty() ? o.get("last_follow_up_date") : o.get("death_date");
            int windowEnd = days(infusion.get(id), followUpEnd);
            for (String column : List.of("relapse_date", "next_therapy_date")) {
                if (!o.get(column).isEmpty()) {
                    windowEnd = Math.min(windowEnd, days(infusion.get(id), o.get(column)));
                }
            }
            int end = windowEnd;
            List<AncMeasurement> window = counts.get(id).stream().filter(m -> m.day() <= end).toList();
            int earlyGrade = IcahtGrade.withDefaults().early(window)
                    instanceof IcahtGrade.EarlyGraded g ? g.grade() : 0;
            int lateGrade = IcahtGrade.withDefaults().late(window, Math.min(100, end))
                    instanceof IcahtGrade.LateGraded g ? g.grade() : 0;
            assertEquals(earlyGrade, recorded.getOrDefault(id + "ICAHT_EARLY", 0), id + " early");
            assertEquals(lateGrade, recorded.getOrDefault(id + "ICAHT_LATE", 0), id + " late");
            early[earlyGrade]++;
        }
        for (int grade = 0; grade <= 4; grade++) {
            assertTrue(early[grade] > 100, "every early ICAHT grade occurs: " + Arrays.toString(early));
        }
    }

    private static int days(LocalDate infusion, String date) {
        return (int) ChronoUnit.DAYS.between(infusion, LocalDate.parse(date));
    }

    private static int crsGrade(Map<String, String> t) {
        CrsGrade.Findings findings = new CrsGrade.Findings(
                Double.parseDouble(t.get("max_temp_c")) >= 38 ? CrsGrade.Fever.PRESENT : CrsGrade.Fever.ABSENT,
                CrsGrade.FeverMaskingTherapy.NOT_GIVEN,
                switch (t.get("hypotension")) {
                    case "NONE" -> CrsGrade.Hypotension.none();
                    case "FLUIDS" -> CrsGrade.Hypotension.fluidsOnly();
                    case "ONE_VASOPRESSOR" -> CrsGrade.Hypotension.onVasopressors(1, false);
                    default -> CrsGrade.Hypotension.onVasopressors(2, false);
                },
                switch (t.get("oxygen")) {
                    case "NONE" -> CrsGrade.OxygenSupport.none();
                    case "LOW_FLOW" -> CrsGrade.OxygenSupport.nasalCannula(4);
                    case "HIGH_FLOW" -> CrsGrade.OxygenSupport.nasalCannula(30);
                    default -> CrsGrade.OxygenSupport.by(CrsGrade.OxygenSupport.Device.CPAP);
                },
                CrsGrade.DeathDueToCrs.NO);
        return ((CrsGrade.Graded) CrsGrade.withDefaults().grade(findings)).grade();
    }

    private static int icansGrade(Map<String, String> t, int age) {
        int ice = Integer.parseInt(t.get("ice_score"));
        IcansGrade.Findings findings = new IcansGrade.Findings(age,
                ice == 0 && t.get("consciousness").equals("UNAROUSABLE") ? IcansGrade.Ice.unarousable()
                        : IcansGrade.Ice.score(ice),
                switch (t.get("consciousness")) {
                    case "NORMAL" -> IcansGrade.Consciousness.NOT_DEPRESSED;
                    case "AWAKENS_SPONTANEOUSLY" -> IcansGrade.Consciousness.AWAKENS_SPONTANEOUSLY;
                    case "TO_VOICE" -> IcansGrade.Consciousness.AWAKENS_TO_VOICE;
                    case "TO_TOUCH" -> IcansGrade.Consciousness.AWAKENS_ONLY_TO_TACTILE_STIMULUS;
                    default -> IcansGrade.Consciousness.UNAROUSABLE_STUPOR_OR_COMA;
                },
                switch (t.get("seizure")) {
                    case "NONE" -> IcansGrade.Seizure.NONE;
                    case "RESOLVING" -> IcansGrade.Seizure.RESOLVING_RAPIDLY;
                    default -> IcansGrade.Seizure.PROLONGED_OR_REPETITIVE;
                },
                t.get("motor_weakness").equals("Y") ? IcansGrade.MotorFindings.DEEP_FOCAL_WEAKNESS
                        : IcansGrade.MotorFindings.NONE,
                switch (t.get("cerebral_oedema")) {
                    case "NONE" -> IcansGrade.RaisedIcp.NONE;
                    case "FOCAL" -> IcansGrade.RaisedIcp.FOCAL_OEDEMA;
                    default -> IcansGrade.RaisedIcp.DIFFUSE_OEDEMA_OR_SIGNS;
                });
        return ((IcansGrade.Graded) IcansGrade.withDefaults().grade(findings)).grade();
    }
}
