package org.iago.tte.registry;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.SparkSession;
import org.iago.lake.Lake;

/**
 * A seeded random registry that obeys the extract's validation rules (every event within follow-up, last follow-up
 * at or before death, prophylaxis from lymphodepletion on), written as a lake and kept as plain values so that a test
 * can work out independently what the job must find.
 */
final class RegistryTteRandomRegistry {

    private static final String[][] PRODUCTS = {{"Yescarta", "CD19"}, {"Kymriah", "CD19"}, {"Abecma", "BCMA"},
        {"Carvykti", "BCMA"}};
    private static final String[] PATHOGENS = {"BACTERIAL", "VIRAL", "FUNGAL", "OTHER"};
    private static final String[] SETTINGS = {"INPATIENT", "OUTPATIENT", null};
    private static final String[] FLAGS = {"Y", "N", null};
    private static final String[] NEOPLASMS = {"T_CELL_LYMPHOMA", "MDS", "SOLID", "SKIN"};

    /**
     * One patient as the job should see it.
     *
     * @param relapse the earlier of relapse and next therapy, days since infusion; null if neither
     * @param firstDays the first day of each event (toxicity categories, INFECTION, T_CELL_MALIGNANCY, ANY_NEOPLASM)
     * @param episodes onset days of every toxicity episode and infection, by event
     */
    record Patient(String id, String target, String product, boolean hasOutcome, int end, boolean died,
            Integer relapse, Map<String, Integer> firstDays, Map<String, List<Integer>> episodes) {

        int atRiskEnd(boolean censorAtRelapse) {
            return censorAtRelapse && relapse != null ? Math.min(end, relapse) : end;
        }

        List<AnalysisGroup> groups() {
            return AnalysisGroup.of(target, product);
        }
    }

    private final List<Patient> patients;
    private final RegistryTteLake lake;

    private RegistryTteRandomRegistry(List<Patient> patients, RegistryTteLake lake) {
        this.patients = patients;
        this.lake = lake;
    }

    static RegistryTteRandomRegistry generate(long seed, int count) {
        Random random = new Random(seed);
        RegistryTteLake lake = new RegistryTteLake();
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("R%04d", i);
            String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
            lake.patient(id, product[0], product[1], LocalDate.of(2022, 1, 1).plusDays(random.nextInt(700)));
            boolean hasOutcome = random.nextDouble() >= 0.05;
            int end = random.nextInt(4) == 0 ? random.nextInt(31) : random.nextInt(900);
            boolean died = random.nextDouble() < 0.3;
            Integer relapse = random.nextDouble() < 0.35 ? random.nextInt(end + 1) : null;
            Integer nextTherapy = random.nextDouble() < 0.2 ? random.nextInt(end + 1) : null;
            if (hasOutcome) {
                lake.outcome(id, relapse, nextTherapy, died ? end : null,
                        died ? end - random.nextInt(Math.min(end, 30) + 1) : end);
            }
            Map<String, List<Integer>> episodes = new HashMap<>();
            Map<String, Integer> firstDays = new HashMap<>();
            if (random.nextDouble() < 0.7) {
                toxicity(lake, episodes, id, "CRS", random.nextInt(Math.min(end, 14) + 1));
            }
            if (random.nextDouble() < 0.1) {
                toxicity(lake, episodes, id, "CRS", random.nextInt(end + 1));
            }
            if (random.nextDouble() < 0.3) {
                toxicity(lake, episodes, id, "ICANS", random.nextInt(Math.min(end, 21) + 1));
            }
            int parkinsonism = 14 + random.nextInt(80);
            if (product[1].equals("BCMA") && random.nextDouble() < 0.15 && parkinsonism <= end) {
                toxicity(lake, episodes, id, "PARKINSONISM", parkinsonism);
            }
            boolean hypogammaglobulinaemia = random.nextDouble() < 0.4;
            if (hypogammaglobulinaemia) {
                toxicity(lake, episodes, id, "HYPOGAMMAGLOBULINAEMIA", random.nextInt(Math.min(end, 90) + 1));
            }
            for (int k = random.nextInt(5); k > 0; k--) {
                int day = random.nextInt(end + 1);
                episodes.computeIfAbsent(RegistryFollowUp.INFECTION, e -> new ArrayList<>()).add(day);
                lake.infection(id, day, PATHOGENS[random.nextInt(PATHOGENS.length)],
                        random.nextDouble() < 0.1 ? null : 1L + random.nextInt(5),
                        SETTINGS[random.nextInt(SETTINGS.length)], FLAGS[random.nextInt(FLAGS.length)]);
            }
            if (random.nextBoolean()) {
                int start = -random.nextInt(31);
                lake.management(id, "ANTIBACTERIAL_PROPHYLAXIS", start,
                        random.nextBoolean() ? start + random.nextInt(150) : null);
            }
            if (random.nextDouble() < 0.6) {
                int start = -random.nextInt(11);
                lake.management(id, "ANTIVIRAL_PROPHYLAXIS", start,
                        random.nextBoolean() ? start + random.nextInt(400) : null);
            }
            if (random.nextDouble() < 0.2) {
                int start = random.nextInt(end + 1);
                lake.management(id, "ANTIFUNGAL_PROPHYLAXIS", start, start + random.nextInt(60));
            }
            if (hypogammaglobulinaemia && random.nextBoolean()) {
                int start = random.nextInt(end + 1);
                lake.management(id, "IVIG", start, start);
            }
            if (random.nextDouble() < 0.08) {
                int day = random.nextInt(end + 1);
                String type = NEOPLASMS[random.nextInt(NEOPLASMS.length)];
                lake.neoplasm(id, day, type);
                firstDays.merge(RegistryFollowUp.ANY_NEOPLASM, day, Math::min);
                if (type.equals("T_CELL_LYMPHOMA")) {
                    firstDays.merge(RegistryFollowUp.T_CELL_MALIGNANCY, day, Math::min);
                }
            }
            episodes.forEach((event, days) -> days.forEach(d -> firstDays.merge(event, d, Math::min)));
            Integer relapseOrNext = relapse;
            if (nextTherapy != null && (relapse == null || nextTherapy < relapse)) {
                relapseOrNext = nextTherapy;
            }
            patients.add(new Patient(id, product[1], product[0], hasOutcome, end, died, relapseOrNext, firstDays,
                    episodes));
        }
        return new RegistryTteRandomRegistry(List.copyOf(patients), lake);
    }

    /** The patients with an outcome row: the cohort. */
    List<Patient> cohort() {
        return patients.stream().filter(Patient::hasOutcome).toList();
    }

    List<Patient> patients() {
        return patients;
    }

    Lake write(SparkSession spark, Path root) {
        return lake.write(spark, root);
    }

    private static void toxicity(RegistryTteLake lake, Map<String, List<Integer>> episodes, String id,
            String category, int day) {
        lake.toxicity(id, category, day);
        episodes.computeIfAbsent(category, e -> new ArrayList<>()).add(day);
    }
}
