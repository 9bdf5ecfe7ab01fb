package org.iago.synth.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iago.synth.registry.PatientRecord.Episode;
import org.iago.synth.registry.PatientRecord.Infection;
import org.iago.synth.registry.PatientRecord.Neoplasm;
import org.iago.synth.registry.PatientRecord.Outcome;

/**
 * What the written extract holds, counted as it is written: the realised numbers an analysis of the extract should
 * reproduce exactly (infection density per window with its patient-days at risk, deaths by cause, episodes by
 * category, and the CRS and ICANS episodes whose raw parameters imply another grade than the recorded one).
 */
final class ExtractTally {

    private final Map<String, Integer> patientsByProduct = new LinkedHashMap<>();
    private final Map<String, Integer> episodesByCategory = new TreeMap<>();
    private final Map<String, Integer> deathsByCause = new TreeMap<>();
    private final Map<String, Integer> neoplasmsByType = new TreeMap<>();
    private final long[] infections = new long[InfectionModel.WINDOW_FROM.length];
    private final long[] patientDays = new long[InfectionModel.WINDOW_FROM.length];
    private final Map<String, int[]> grading = new LinkedHashMap<>();
    private int relapses;
    private int nextTherapies;
    private int lostToFollowUp;

    ExtractTally() {
        for (Product p : Product.values()) {
            patientsByProduct.put(p.name(), 0);
        }
        grading.put("CRS", new int[3]);
        grading.put("ICANS", new int[3]);
    }

    void count(PatientRecord p) {
        patientsByProduct.merge(p.product().name(), 1, Integer::sum);
        Outcome o = p.outcome();
        relapses += o.relapseDay() != PatientRecord.NONE ? 1 : 0;
        nextTherapies += o.nextTherapyDay() != PatientRecord.NONE ? 1 : 0;
        lostToFollowUp += o.lost() ? 1 : 0;
        if (o.deathCause() != null) {
            deathsByCause.merge(o.deathCause(), 1, Integer::sum);
        }
        for (Episode e : p.episodes()) {
            episodesByCategory.merge(e.category(), 1, Integer::sum);
            int[] g = grading.get(e.category());
            if (g != null) {
                int implied = AstctParameters.impliedGrade(e.category(), e.raw());
                g[0]++;
                g[1] += implied >= 0 ? 1 : 0;
                g[2] += implied >= 0 && implied != Math.min(e.grade(), 4) ? 1 : 0;
            }
        }
        for (Infection i : p.infections()) {
            infections[InfectionModel.window(i.day())]++;
        }
        int end = o.followUpEnd();
        int[] from = InfectionModel.WINDOW_FROM;
        for (int w = 0; w < from.length; w++) {
            int to = w + 1 < from.length ? from[w + 1] : Integer.MAX_VALUE;
            patientDays[w] += Math.max(0, Math.min(end, to) - from[w]);
        }
        for (Neoplasm n : p.neoplasms()) {
            neoplasmsByType.merge(n.type(), 1, Integer::sum);
        }
    }

    int discordantGrades() {
        return grading.values().stream().mapToInt(g -> g[2]).sum();
    }

    RegistryManifest.Realised realised() {
        List<RegistryManifest.InfectionWindow> windows = new ArrayList<>();
        int[] from = InfectionModel.WINDOW_FROM;
        for (int w = 0; w < from.length; w++) {
            windows.add(new RegistryManifest.InfectionWindow(from[w], w + 1 < from.length ? from[w + 1] - 1 : null,
                    infections[w], patientDays[w]));
        }
        List<RegistryManifest.GradingEntry> gradingEntries = new ArrayList<>();
        grading.forEach((category, g) ->
                gradingEntries.add(new RegistryManifest.GradingEntry(category, g[0], g[1], g[2])));
        return new RegistryManifest.Realised(patientsByProduct, episodesByCategory, deathsByCause, relapses,
                nextTherapies, lostToFollowUp, windows, neoplasmsByType, gradingEntries);
    }
}
