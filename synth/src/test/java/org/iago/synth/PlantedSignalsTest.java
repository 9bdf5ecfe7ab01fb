package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each planted pair is detectable the way the pipeline detects it: counting distinct reports (primaryids) from the
 * files, with products matched by drugname or prod_ai against brand, generic and code names.
 */
class PlantedSignalsTest {

    /** Names per brand as in cart-toxicities.md, upper-cased. */
    static final Map<String, Set<String>> NAMES = Map.of(
            "KYMRIAH", Set.of("KYMRIAH", "TISAGENLECLEUCEL", "CTL019", "TISA-CEL"),
            "YESCARTA", Set.of("YESCARTA", "AXICABTAGENE CILOLEUCEL", "KTE-C19", "AXI-CEL"),
            "TECARTUS", Set.of("TECARTUS", "BREXUCABTAGENE AUTOLEUCEL", "KTE-X19", "BREXU-CEL"),
            "BREYANZI", Set.of("BREYANZI", "LISOCABTAGENE MARALEUCEL", "JCAR017", "LISO-CEL"),
            "ABECMA", Set.of("ABECMA", "IDECABTAGENE VICLEUCEL", "BB2121", "IDE-CEL"),
            "CARVYKTI", Set.of("CARVYKTI", "CILTACABTAGENE AUTOLEUCEL", "JNJ-68284528", "JNJ-4528", "LCAR-B38M",
                    "CILTA-CEL"),
            "AUCATZYL", Set.of("AUCATZYL", "OBECABTAGENE AUTOLEUCEL", "AUTO1", "OBE-CEL"));
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    static Path out;
    static GeneratedExtract extract;
    /** Per quarter: primaryid to brands among its drugs, to PTs, to event_dt, and the start_dt of its PS drug. */
    static List<Map<String, Set<String>>> brandsByQuarter;
    static List<Map<String, Set<String>>> ptsByQuarter;
    static List<Map<String, String>> eventDtByQuarter;
    static List<Map<String, String>> infusionByQuarter;

    @BeforeAll
    static void generate() throws IOException {
        extract = GeneratedExtract.generate(out, "2023Q2..2023Q4", 3000, 2024, false, false);
        brandsByQuarter = new ArrayList<>();
        ptsByQuarter = new ArrayList<>();
        eventDtByQuarter = new ArrayList<>();
        infusionByQuarter = new ArrayList<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            Map<String, Set<String>> brands = new HashMap<>();
            Map<String, Set<String>> pts = new HashMap<>();
            Map<String, String> eventDt = new HashMap<>();
            Map<String, String> infusion = new HashMap<>();
            for (String[] demo : extract.records(k, "DEMO")) {
                brands.put(demo[0], new HashSet<>());
                pts.put(demo[0], new HashSet<>());
                eventDt.put(demo[0], demo[4]);
            }
            for (String[] drug : extract.records(k, "DRUG")) {
                String brand = brandOf(drug[4], drug[5]);
                if (brand != null) {
                    brands.get(drug[0]).add(brand);
                }
            }
            for (String[] reac : extract.records(k, "REAC")) {
                pts.get(reac[0]).add(reac[2]);
            }
            for (String[] ther : extract.records(k, "THER")) {
                if (ther[2].equals("1")) {
                    infusion.put(ther[0], ther[3]);
                }
            }
            brandsByQuarter.add(brands);
            ptsByQuarter.add(pts);
            eventDtByQuarter.add(eventDt);
            infusionByQuarter.add(infusion);
        }
    }

    @Test
    void everyPlantedPairHasAtLeastFiveReportsAndAPrrAboveTwo() {
        assertEquals(5, extract.manifest.plantedSignals().size());
        for (SynthManifest.PlantedSignalEntry signal : extract.manifest.plantedSignals()) {
            Set<String> products = Set.copyOf(signal.products());
            long withProductAndPt = 0;
            long withProduct = 0;
            long otherWithPt = 0;
            long other = 0;
            for (int k = 0; k < extract.quarterCount(); k++) {
                long a = 0;
                long c = 0;
                for (Map.Entry<String, Set<String>> report : brandsByQuarter.get(k).entrySet()) {
                    boolean exposed = report.getValue().stream().anyMatch(products::contains);
                    boolean event = ptsByQuarter.get(k).get(report.getKey()).contains(signal.pt());
                    if (exposed) {
                        withProduct++;
                        a += event ? 1 : 0;
                    } else {
                        other++;
                        c += event ? 1 : 0;
                    }
                }
                SynthManifest.PlantedCount planted = signal.perQuarter().get(k);
                assertEquals(planted.reports(), a, signal.id() + " reports in " + planted.quarter());
                assertEquals(planted.backgroundReports(), c, signal.id() + " background in " + planted.quarter());
                withProductAndPt += a;
                otherWithPt += c;
            }
            double prr = ((double) withProductAndPt / withProduct) / ((double) otherWithPt / other);
            String summary = signal.id() + ": a=" + withProductAndPt + " of " + withProduct + ", c=" + otherWithPt
                    + " of " + other + ", PRR=" + prr;
            assertTrue(withProductAndPt >= 5, summary);
            assertTrue(otherWithPt > 0, summary);
            assertTrue(prr > 2, summary);
        }
    }

    @Test
    void guillainBarreAfterCarvyktiEmergesOnlyInTheSecondQuarter() {
        SynthManifest.PlantedSignalEntry gbs = signal("carvykti-guillain-barre");
        assertEquals("emerging", gbs.kind());
        assertEquals(extract.quarter(1).toString(), gbs.firstQuarter());
        assertEquals(0, reportsWith(0, "CARVYKTI", "Guillain-Barre syndrome"));
        assertTrue(reportsWith(1, "CARVYKTI", "Guillain-Barre syndrome") > 0);
    }

    @Test
    void plantedReportsHaveTheirSignalsTimeToOnset() {
        Map<String, SynthManifest.PlantedSignalEntry> byPt = new HashMap<>();
        for (SynthManifest.PlantedSignalEntry signal : extract.manifest.plantedSignals()) {
            byPt.put(signal.pt(), signal);
        }
        int checked = 0;
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (Map.Entry<String, Set<String>> report : ptsByQuarter.get(k).entrySet()) {
                List<String> planted = report.getValue().stream().filter(byPt::containsKey).toList();
                boolean cart = !brandsByQuarter.get(k).get(report.getKey()).isEmpty();
                if (!cart || planted.size() != 1) {
                    continue;
                }
                SynthManifest.OnsetDays onset = byPt.get(planted.get(0)).onsetDays();
                LocalDate start = LocalDate.parse(infusionByQuarter.get(k).get(report.getKey()), YYYYMMDD);
                LocalDate event = LocalDate.parse(eventDtByQuarter.get(k).get(report.getKey()), YYYYMMDD);
                long days = ChronoUnit.DAYS.between(start, event);
                assertTrue(days >= onset.min() && days <= onset.max(),
                        planted.get(0) + " onset " + days + " in " + onset);
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    private static SynthManifest.PlantedSignalEntry signal(String id) {
        return extract.manifest.plantedSignals().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static long reportsWith(int k, String brand, String pt) {
        return brandsByQuarter.get(k).entrySet().stream()
                .filter(r -> r.getValue().contains(brand) && ptsByQuarter.get(k).get(r.getKey()).contains(pt))
                .count();
    }

    private static String brandOf(String drugname, String prodAi) {
        String name = drugname.trim().toUpperCase(Locale.ROOT);
        String ingredient = prodAi.trim().toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> product : NAMES.entrySet()) {
            if (product.getValue().contains(name) || product.getValue().contains(ingredient)) {
                return product.getKey();
            }
        }
        return null;
    }
}
