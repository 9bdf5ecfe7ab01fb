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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known hazards can be recovered from 5,000 patients, as an analysis of the extract would recover them. */
class RegistrySynthHazardsTest {

    @TempDir
    static Path tmp;

    static RegistrySynthExtract extract;
    static final Map<String, String> PRODUCT = new HashMap<>();
    static final Map<String, LocalDate> INFUSION = new HashMap<>();
    static final Map<String, Integer> FOLLOW_UP_DAYS = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        extract = RegistrySynthExtract.generate(tmp, 5000, 3, false);
        for (Map<String, String> p : extract.rows("patients.csv")) {
            PRODUCT.put(p.get("patient_id"), p.get("product"));
            INFUSION.put(p.get("patient_id"), LocalDate.parse(p.get("infusion_date")));
        }
        for (Map<String, String> o : extract.rows("outcomes.csv")) {
            String end = o.get("death_date").isEmpty() ? o.get("last_follow_up_date") : o.get("death_date");
            FOLLOW_UP_DAYS.put(o.get("patient_id"), day(o.get("patient_id"), end));
        }
    }

    @Test
    void parkinsonismFollowsOnlyBcmaProductsMostlyInMonthsTwoToFour() {
        List<Integer> onsets = new ArrayList<>();
        for (Map<String, String> t : extract.rows("toxicities.csv")) {
            if (t.get("category").equals("PARKINSONISM")) {
                String product = PRODUCT.get(t.get("patient_id"));
                assertTrue(product.equals("CARVYKTI") || product.equals("ABECMA")
                        || product.startsWith("CILTA") || product.startsWith("IDE"), t.toString());
                onsets.add(day(t.get("patient_id"), t.get("onset_date")));
            }
        }
        assertTrue(onsets.size() >= 20, "parkinsonism episodes: " + onsets.size());
        onsets.sort(null);
        int median = onsets.get(onsets.size() / 2);
        assertTrue(median >= 60 && median <= 120, "median onset " + median);
    }

    @Test
    void infectionDensityFallsAcrossTheWindowsAndIsTheManifestsOwn() {
        long[] infections = new long[3];
        long[] patientDays = new long[3];
        int[] from = {0, 31, 101};
        for (Map<String, String> i : extract.rows("infections.csv")) {
            int day = day(i.get("patient_id"), i.get("onset_date"));
            infections[day >= 101 ? 2 : day >= 31 ? 1 : 0]++;
        }
        for (int end : FOLLOW_UP_DAYS.values()) {
            for (int w = 0; w < 3; w++) {
                patientDays[w] += Math.max(0, Math.min(end, w < 2 ? from[w + 1] : Integer.MAX_VALUE) - from[w]);
            }
        }
        double[] density = new double[3];
        for (int w = 0; w < 3; w++) {
            JsonNode realised = extract.manifest.get("realised").get("infectionDensity").get(w);
            assertEquals(infections[w], realised.get("infections").asLong());
            assertEquals(patientDays[w], realised.get("patientDays").asLong());
            density[w] = 100.0 * infections[w] / patientDays[w];
        }
        assertTrue(density[0] > density[1] && density[1] > density[2], Arrays.toString(density));
        assertTrue(density[0] > 0.7 && density[0] < 1.2, "days 0-30: " + density[0]);
    }

    /** Bacterial infections on days 0–20, when every antibacterial prophylaxis period runs: rate ratio ≈ 0.5. */
    @Test
    void antibacterialProphylaxisHalvesTheBacterialRate() {
        Set<String> onProphylaxis = new HashSet<>();
        for (Map<String, String> m : extract.rows("management.csv")) {
            if (m.get("treatment").equals("ANTIBACTERIAL_PROPHYLAXIS")) {
                onProphylaxis.add(m.get("patient_id"));
            }
        }
        double[] infections = new double[2];
        double[] days = new double[2];
        FOLLOW_UP_DAYS.forEach((id, end) -> days[onProphylaxis.contains(id) ? 1 : 0] += Math.min(end, 21));
        for (Map<String, String> i : extract.rows("infections.csv")) {
            if (i.get("pathogen_class").equals("BACTERIAL") && day(i.get("patient_id"), i.get("onset_date")) <= 20
                    && !i.get("ctcae_grade").equals("5")) {
                infections[onProphylaxis.contains(i.get("patient_id")) ? 1 : 0]++;
            }
        }
        double ratio = (infections[1] / days[1]) / (infections[0] / days[0]);
        double planted = extract.manifest.get("hazards").get("infections").get("prophylaxisBacterialRateRatio")
                .asDouble();
        assertTrue(Math.abs(ratio - planted) < 0.2, "rate ratio " + ratio + ", planted " + planted);
        assertTrue(onProphylaxis.size() > 2000 && onProphylaxis.size() < 3000, "share on prophylaxis");
    }

    @Test
    void crsIsCommonerAfterCd28ProductsAndBcmaIsAboutAThird() {
        Map<String, Integer> patients = new HashMap<>();
        Map<String, Integer> crs = new HashMap<>();
        PRODUCT.forEach((id, product) -> patients.merge(group(product), 1, Integer::sum));
        Set<String> seen = new HashSet<>();
        for (Map<String, String> t : extract.rows("toxicities.csv")) {
            if (t.get("category").equals("CRS") && seen.add(t.get("patient_id"))) {
                crs.merge(group(PRODUCT.get(t.get("patient_id"))), 1, Integer::sum);
            }
        }
        double cd28 = (double) crs.get("CD28") / patients.get("CD28");
        double other = (double) crs.get("CD19") / patients.get("CD19");
        assertTrue(cd28 > other + 0.2, "CRS " + cd28 + " after CD28 vs " + other);
        double bcma = (double) patients.get("BCMA") / PRODUCT.size();
        assertTrue(bcma > 0.25 && bcma < 0.35, "BCMA share " + bcma);
    }

    @Test
    void aboutFortyPercentRelapseWithinAYear() {
        int relapsed = 0;
        for (Map<String, String> o : extract.rows("outcomes.csv")) {
            if (!o.get("relapse_date").isEmpty() && day(o.get("patient_id"), o.get("relapse_date")) <= 365) {
                relapsed++;
            }
        }
        double share = relapsed / 5000.0;
        assertTrue(share > 0.3 && share < 0.45, "relapse within a year " + share);
    }

    private static String group(String product) {
        return switch (product) {
            case "YESCARTA", "TECARTUS", "AXICABTAGENE CILOLEUCEL", "BREXUCABTAGENE AUTOLEUCEL", "AXI-CEL",
                 "BREXU-CEL" -> "CD28";
            case "ABECMA", "CARVYKTI", "IDECABTAGENE VICLEUCEL", "CILTACABTAGENE AUTOLEUCEL", "IDE-CEL",
                 "CILTA-CEL" -> "BCMA";
            default -> "CD19";
        };
    }

    private static int day(String id, String date) {
        return (int) ChronoUnit.DAYS.between(INFUSION.get(id), LocalDate.parse(date));
    }
}
