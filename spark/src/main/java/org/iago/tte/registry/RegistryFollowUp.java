package org.iago.tte.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.iago.lake.RegistryTable;

/**
 * The follow-up of {@link RegistryTteJob}, derived on the driver from the {@link RegistryExtract}: every patient's
 * days since infusion, at-risk follow-up split into patient-days with their window and exposures, and the per-group
 * arrays and counts that the statistics need. Nothing here estimates anything.
 *
 * <p>Days. Day d of a patient is {@code infusion_date + d}; follow-up runs from day 0 to its end day, death if the
 * patient died, else last follow-up. Patients without an outcome row have no follow-up and are left out (counted).
 * At-risk time for rates is every day from 0 to the end day, both included, so a patient followed to day D has D + 1
 * patient-days; with {@link RegistryTteOptions#censorAtRelapse()} it ends at the day of relapse or next therapy if
 * earlier, that day still at risk. An infection or toxicity episode counts in a rate when its onset day is an at-risk
 * day, in that day's window and exposure. Events dated outside follow-up (never, in an extract that passed
 * ingestion) enter no time-to-event estimate and no rate.
 *
 * <p>Order. Groups, events and follow-up arrays come sorted as the tables print them (text in code-unit order; the
 * registry's codes and product names are ASCII), so the same extract gives the same outputs whatever order its rows
 * were read in.
 */
final class RegistryFollowUp {

    static final String INFECTION = "INFECTION";
    static final String T_CELL_MALIGNANCY = "T_CELL_MALIGNANCY";
    static final String ANY_NEOPLASM = "ANY_NEOPLASM";

    private static final String T_CELL_LYMPHOMA = "T_CELL_LYMPHOMA";
    private static final String HYPOGAMMAGLOBULINAEMIA = "HYPOGAMMAGLOBULINAEMIA";
    private static final String IVIG = "IVIG";
    /** The management codes of the prophylaxis exposures, in {@link Exposure}'s order. */
    private static final List<String> PROPHYLAXES = List.of("antibacterial_prophylaxis", "antiviral_prophylaxis",
            "antifungal_prophylaxis").stream().map(p -> p.toUpperCase(Locale.ROOT)).toList();
    /** The exposure bits of a patient-day: one per prophylaxis, then hypogammaglobulinaemia and IVIG. */
    private static final int HYPOGAMMAGLOBULINAEMIA_BIT = 1 << 3;
    private static final int IVIG_BIT = 1 << 4;
    private static final int EXPOSURE_CODES = 1 << 5;
    private static final String UNKNOWN = "UNKNOWN";
    /** Follow-up pairs (day, cause or death) by day, then the second number, as Spark's {@code sort_array} did. */
    private static final Comparator<int[]> PAIRS = Comparator.<int[]>comparingInt(a -> a[0])
            .thenComparingInt(a -> a[1]);

    /**
     * A registered patient; the days are null without an outcome row.
     *
     * @param endDay death, else last follow-up
     * @param relapseDay relapse or next therapy, whichever came first
     * @param atRiskEnd the last at-risk day of the rates
     */
    private record Patient(String id, String target, String product, LocalDate infusion, boolean hasOutcome,
            Integer endDay, boolean died, Integer relapseDay, Integer atRiskEnd) {
    }

    /** An infection or toxicity episode of a cohort patient; the infection attributes are null for an episode. */
    private record Episode(Patient patient, String event, Integer day, String pathogenClass, Long ctcaeGrade,
            String setting, String onProphylaxis) {
    }

    /** What held on each at-risk day of one patient. */
    private static final class PatientDays {
        private final int[] prophylaxis;
        private Integer hypogammaglobulinaemiaDay;
        private Integer ivigDay;

        PatientDays(int atRiskEnd) {
            prophylaxis = new int[atRiskEnd + 1];
        }

        /** The exposure bits of an at-risk day. */
        int exposure(int day) {
            int code = prophylaxis[day];
            code |= hypogammaglobulinaemiaDay != null && day >= hypogammaglobulinaemiaDay ? HYPOGAMMAGLOBULINAEMIA_BIT
                    : 0;
            return code | (ivigDay != null && day >= ivigDay ? IVIG_BIT : 0);
        }
    }

    private record EventKey(String event, String target, String product, FollowUpWindow window, int exposure,
            InfectionKind kind) {
    }

    /** Patients and their follow-up in days. */
    record Totals(long patients, long excludedNoOutcome, long followUpPatientDays, long atRiskPatientDays) {
    }

    /**
     * Events on at-risk days, and how many there were in all.
     *
     * @param cells infections and toxicity episodes on at-risk patient-days
     * @param infections every infection of the patients
     * @param toxicityEpisodes every toxicity episode of the patients
     */
    record Events(List<EventCell> cells, long infections, long toxicityEpisodes) {
    }

    private final boolean competingRelapse;
    /** Every registered patient. */
    private final List<Patient> registered;
    /** The patients with an outcome row, by id. */
    private final Map<String, Patient> cohort;
    /** Every toxicity episode (event = category) and every infection (event = INFECTION) of the cohort. */
    private final List<Episode> episodes;
    /** The first day within follow-up of each event, by patient id. */
    private final Map<String, Map<String, Integer>> firstDays;
    /** The at-risk days of each cohort patient with an at-risk end, by patient id. */
    private final Map<String, PatientDays> patientDays;

    private RegistryFollowUp(boolean competingRelapse, List<Patient> registered, Map<String, Patient> cohort,
            List<Episode> episodes, Map<String, Map<String, Integer>> firstDays, Map<String, PatientDays> patientDays) {
        this.competingRelapse = competingRelapse;
        this.registered = registered;
        this.cohort = cohort;
        this.episodes = episodes;
        this.firstDays = firstDays;
        this.patientDays = patientDays;
    }

    static RegistryFollowUp prepare(RegistryExtract extract, RegistryTteOptions options) {
        Map<String, Row> outcomes = new HashMap<>();
        for (Row o : extract.rows(RegistryTable.OUTCOMES)) {
            outcomes.putIfAbsent(o.getAs("patient_id"), o);
        }
        List<Patient> registered = new ArrayList<>();
        Map<String, Patient> cohort = new LinkedHashMap<>();
        for (Row p : extract.rows(RegistryTable.PATIENTS)) {
            Patient patient = patient(p, outcomes.get(p.<String>getAs("patient_id")), options.censorAtRelapse());
            registered.add(patient);
            if (patient.hasOutcome()) {
                cohort.putIfAbsent(patient.id(), patient);
            }
        }

        List<Episode> episodes = new ArrayList<>();
        for (Row t : extract.rows(RegistryTable.TOXICITIES)) {
            Patient patient = cohort.get(t.<String>getAs("patient_id"));
            if (patient != null) {
                episodes.add(new Episode(patient, t.getAs("category"), day(patient, t, "onset_date"), null, null,
                        null, null));
            }
        }
        for (Row i : extract.rows(RegistryTable.INFECTIONS)) {
            Patient patient = cohort.get(i.<String>getAs("patient_id"));
            if (patient != null) {
                episodes.add(new Episode(patient, INFECTION, day(patient, i, "onset_date"), i.getAs("pathogen_class"),
                        i.getAs("ctcae_grade"), i.getAs("setting"), i.getAs("on_prophylaxis")));
            }
        }

        Map<String, Map<String, Integer>> firstDays = new HashMap<>();
        for (Episode e : episodes) {
            firstDay(firstDays, e.patient(), e.event(), e.day());
        }
        for (Row n : extract.rows(RegistryTable.NEOPLASMS)) {
            Patient patient = cohort.get(n.<String>getAs("patient_id"));
            if (patient != null) {
                Integer day = day(patient, n, "diagnosis_date");
                firstDay(firstDays, patient, ANY_NEOPLASM, day);
                if (T_CELL_LYMPHOMA.equals(n.getAs("type"))) {
                    firstDay(firstDays, patient, T_CELL_MALIGNANCY, day);
                }
            }
        }
        return new RegistryFollowUp(options.competingRelapse(), registered, cohort, episodes, firstDays,
                patientDays(extract, cohort, firstDays));
    }

    private static Patient patient(Row p, Row outcome, boolean censorAtRelapse) {
        String target = p.getAs("target");
        String product = p.getAs("product");
        LocalDate infusion = RegistryExtract.date(p, "infusion_date");
        if (outcome == null) {
            return new Patient(p.getAs("patient_id"), target == null ? UNKNOWN : target,
                    product == null ? UNKNOWN : product, infusion, false, null, false, null, null);
        }
        LocalDate death = RegistryExtract.date(outcome, "death_date");
        LocalDate end = death != null ? death : RegistryExtract.date(outcome, "last_follow_up_date");
        Integer endDay = RegistryExtract.daysBetween(infusion, end);
        Integer relapseDay = RegistryExtract.least(
                RegistryExtract.daysBetween(infusion, RegistryExtract.date(outcome, "relapse_date")),
                RegistryExtract.daysBetween(infusion, RegistryExtract.date(outcome, "next_therapy_date")));
        return new Patient(p.getAs("patient_id"), target == null ? UNKNOWN : target,
                product == null ? UNKNOWN : product, infusion, true, endDay, death != null, relapseDay,
                censorAtRelapse ? RegistryExtract.least(endDay, relapseDay) : endDay);
    }

    /** The first occurrence of an event within follow-up (day 0 to the end day). */
    private static void firstDay(Map<String, Map<String, Integer>> firstDays, Patient patient, String event,
            Integer day) {
        if (day != null && patient.endDay() != null && day >= 0 && day <= patient.endDay()) {
            firstDays.computeIfAbsent(patient.id(), k -> new HashMap<>()).merge(event, day, Math::min);
        }
    }

    /**
     * What held on every at-risk day of each patient. Prophylaxis periods start no earlier than day 0
     * (lymphodepletion starts them before infusion) and, when their end is unknown, run to the end of at-risk time: a
     * period still open at the last report is taken as ongoing. Hypogammaglobulinaemia and IVIG hold from their first
     * onset or start on.
     */
    private static Map<String, PatientDays> patientDays(RegistryExtract extract, Map<String, Patient> cohort,
            Map<String, Map<String, Integer>> firstDays) {
        Map<String, PatientDays> days = new HashMap<>();
        for (Patient p : cohort.values()) {
            if (p.atRiskEnd() != null && p.atRiskEnd() >= 0) {
                PatientDays d = new PatientDays(p.atRiskEnd());
                d.hypogammaglobulinaemiaDay = firstDays.getOrDefault(p.id(), Map.of()).get(HYPOGAMMAGLOBULINAEMIA);
                days.put(p.id(), d);
            }
        }
        for (Row m : extract.rows(RegistryTable.MANAGEMENT)) {
            Patient patient = cohort.get(m.<String>getAs("patient_id"));
            PatientDays d = patient == null ? null : days.get(patient.id());
            if (d == null) {
                continue;
            }
            String treatment = m.getAs("treatment");
            Integer start = day(patient, m, "start_date");
            int prophylaxis = treatment == null ? -1 : PROPHYLAXES.indexOf(treatment);
            if (prophylaxis >= 0) {
                Integer end = day(patient, m, "end_date");
                int first = start == null ? 0 : Math.max(0, start);
                int last = end == null ? patient.atRiskEnd() : Math.min(end, patient.atRiskEnd());
                for (int day = first; day <= last; day++) {
                    d.prophylaxis[day] |= 1 << prophylaxis;
                }
            } else if (IVIG.equals(treatment) && start != null) {
                d.ivigDay = d.ivigDay == null ? start : Math.min(d.ivigDay, start);
            }
        }
        return days;
    }

    /** Overall survival follow-up of every group, sorted by group; each group's patients by day, deaths last. */
    List<GroupSurvival> survival() {
        Map<AnalysisGroup, List<int[]>> byGroup = new TreeMap<>();
        for (Patient p : cohort.values()) {
            for (AnalysisGroup g : AnalysisGroup.of(p.target(), p.product())) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(new int[] {p.endDay(), p.died() ? 1 : 0});
            }
        }
        List<GroupSurvival> groups = new ArrayList<>();
        byGroup.forEach((g, patients) -> {
            patients.sort(PAIRS);
            double[] days = new double[patients.size()];
            boolean[] died = new boolean[patients.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = patients.get(i)[0];
                died[i] = patients.get(i)[1] == 1;
            }
            groups.add(new GroupSurvival(g, days, died));
        });
        return groups;
    }

    /**
     * Competing-risks follow-up in every group of each event: {@code INFECTION}, {@code T_CELL_MALIGNANCY},
     * {@code ANY_NEOPLASM} and every toxicity category with an episode within follow-up. Follow-up ends at the first
     * occurrence of the event, at death without it, or (with {@code competingRelapse}) at relapse or next therapy
     * without it, else it is censored at its end. An event on the day of a competing event counts as the event: the
     * two cannot be ordered within the day, and the event may have caused the other. Sorted by event and group; the
     * follow-up by day, then cause; the onsets by day.
     */
    List<CompetingRisksSample> competingRisks() {
        Set<String> names = new TreeSet<>(List.of(INFECTION, T_CELL_MALIGNANCY, ANY_NEOPLASM));
        firstDays.values().forEach(events -> names.addAll(events.keySet()));
        List<CompetingRisksSample> samples = new ArrayList<>();
        for (String event : names) {
            Map<AnalysisGroup, List<int[]>> followUp = new TreeMap<>();
            Map<AnalysisGroup, List<Integer>> onsets = new HashMap<>();
            for (Patient p : cohort.values()) {
                Integer first = firstDays.getOrDefault(p.id(), Map.of()).get(event);
                Integer competing = competingRelapse ? p.relapseDay() : null;
                boolean eventFirst = first != null && (competing == null || first <= competing);
                int day = eventFirst ? first : competing != null ? competing : p.endDay();
                int cause = eventFirst ? CompetingCause.EVENT.code() : competing != null
                        ? CompetingCause.RELAPSE.code() : p.died() ? CompetingCause.DEATH.code() : 0;
                for (AnalysisGroup g : AnalysisGroup.of(p.target(), p.product())) {
                    followUp.computeIfAbsent(g, k -> new ArrayList<>()).add(new int[] {day, cause});
                    List<Integer> groupOnsets = onsets.computeIfAbsent(g, k -> new ArrayList<>());
                    if (first != null) {
                        groupOnsets.add(first);
                    }
                }
            }
            followUp.forEach((g, patients) -> {
                patients.sort(PAIRS);
                double[] days = new double[patients.size()];
                int[] causes = new int[patients.size()];
                for (int i = 0; i < days.length; i++) {
                    days[i] = patients.get(i)[0];
                    causes[i] = patients.get(i)[1];
                }
                samples.add(new CompetingRisksSample(event, g, days, causes,
                        onsets.get(g).stream().mapToDouble(Integer::doubleValue).sorted().toArray()));
            });
        }
        return samples;
    }

    /**
     * The first onset of each event of every patient who had it within follow-up: the onsets that
     * {@link #competingRisks()} collects per group, one per patient. Sorted by event, product, target and day.
     */
    List<FirstOnset> firstOnsets() {
        List<FirstOnset> onsets = new ArrayList<>();
        firstDays.forEach((id, events) -> {
            Patient p = cohort.get(id);
            events.forEach((event, day) -> onsets.add(new FirstOnset(event, p.product(), p.target(), day)));
        });
        onsets.sort(Comparator.comparing(FirstOnset::event).thenComparing(FirstOnset::product)
                .thenComparing(FirstOnset::target).thenComparingInt(FirstOnset::day));
        return onsets;
    }

    /** At-risk patient-days by product, window and exposure. */
    List<PersonTimeCell> personTime() {
        // per target and product: patient-days by window and exposure bits
        Map<List<String>, long[][]> counts = new HashMap<>();
        for (Patient p : cohort.values()) {
            PatientDays d = patientDays.get(p.id());
            if (d == null) {
                continue;
            }
            long[][] cells = counts.computeIfAbsent(List.of(p.target(), p.product()),
                    k -> new long[FollowUpWindow.values().length][EXPOSURE_CODES]);
            for (int day = 0; day <= p.atRiskEnd(); day++) {
                cells[window(day).ordinal()][d.exposure(day)]++;
            }
        }
        List<PersonTimeCell> cells = new ArrayList<>();
        counts.forEach((product, byWindow) -> {
            for (FollowUpWindow w : FollowUpWindow.values()) {
                for (int code = 0; code < EXPOSURE_CODES; code++) {
                    if (byWindow[w.ordinal()][code] > 0) {
                        cells.add(new PersonTimeCell(product.get(0), product.get(1), w, exposure(code),
                                byWindow[w.ordinal()][code]));
                    }
                }
            }
        });
        return cells;
    }

    /** Infections and toxicity episodes by the patient-day of their onset; those on no at-risk day only counted. */
    Events events() {
        Map<EventKey, Long> counts = new LinkedHashMap<>();
        long infectionCount = 0;
        long episodeCount = 0;
        for (Episode e : episodes) {
            boolean infection = INFECTION.equals(e.event());
            infectionCount += infection ? 1 : 0;
            episodeCount += infection ? 0 : 1;
            Patient p = e.patient();
            PatientDays d = patientDays.get(p.id());
            if (d != null && e.day() != null && e.day() >= 0 && e.day() <= p.atRiskEnd()) {
                InfectionKind kind = infection ? new InfectionKind(coalesceUnknown(e.pathogenClass()),
                        InfectionKind.severity(e.ctcaeGrade()), coalesceUnknown(e.setting()), e.onProphylaxis())
                        : null;
                counts.merge(new EventKey(e.event(), p.target(), p.product(), window(e.day()), d.exposure(e.day()),
                        kind), 1L, Long::sum);
            }
        }
        List<EventCell> cells = new ArrayList<>();
        counts.forEach((k, n) -> cells.add(new EventCell(k.event(), k.target(), k.product(), k.window(),
                exposure(k.exposure()), k.kind(), n)));
        return new Events(cells, infectionCount, episodeCount);
    }

    /** Patients, those left out without an outcome row, and the follow-up and at-risk patient-days (end day + 1). */
    Totals totals() {
        long followUp = 0;
        long atRisk = 0;
        for (Patient p : cohort.values()) {
            followUp += p.endDay() == null ? 0 : p.endDay() + 1L;
            atRisk += p.atRiskEnd() == null ? 0 : p.atRiskEnd() + 1L;
        }
        return new Totals(cohort.size(), registered.size() - cohort.size(), followUp, atRisk);
    }

    private static Exposure exposure(int code) {
        return new Exposure((code & 1) != 0, (code & 2) != 0, (code & 4) != 0,
                (code & HYPOGAMMAGLOBULINAEMIA_BIT) != 0, (code & IVIG_BIT) != 0);
    }

    /** The window of an at-risk day (≥ 0). */
    private static FollowUpWindow window(int day) {
        for (FollowUpWindow w : FollowUpWindow.values()) {
            if (day >= w.firstDay() && day <= w.lastDay()) {
                return w;
            }
        }
        throw new IllegalArgumentException("day " + day + " is in no follow-up window");
    }

    private static String coalesceUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }

    /** Days since the patient's infusion of a date column of a row. */
    private static Integer day(Patient patient, Row r, String dateColumn) {
        return RegistryExtract.daysBetween(patient.infusion(), RegistryExtract.date(r, dateColumn));
    }
}
