package org.iago.tte.registry;

import static org.iago.tte.registry.RegistryTteCsv.integer;
import static org.iago.tte.registry.RegistryTteCsv.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.stats.tte.KaplanMeier;
import org.iago.testing.SharedSpark;
import org.iago.tte.registry.RegistryTteRandomRegistry.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants on a seeded random registry of 400 patients, under the default options and with relapse both competing
 * and censoring: the cumulative incidences of all causes and the event-free survival, worked out here from the
 * generated values, add up to 1; every at-risk patient-day and every infection lands in exactly one window and one
 * level of every breakdown.
 */
class RegistryTteInvariantsTest {

    private static final double TOLERANCE = 1e-9;
    private static final List<String> BREAKDOWNS = List.of("pathogen_class", "severity", "setting", "prophylaxis",
            "antibacterial_prophylaxis");

    @TempDir
    static Path work;
    static RegistryTteRandomRegistry registry;
    static Map<Boolean, Path> outputs = new TreeMap<>();
    static Map<Boolean, RegistryTteSummary> summaries = new TreeMap<>();

    @BeforeAll
    static void run() throws IOException {
        registry = RegistryTteRandomRegistry.generate(20240601L, 400);
        Lake lake = registry.write(SharedSpark.session(), work.resolve("lake"));
        RegistryTteJob job = new RegistryTteJob(SharedSpark.session());
        for (boolean relapse : List.of(false, true)) {
            Path out = work.resolve("out-" + relapse);
            outputs.put(relapse, out);
            summaries.put(relapse, job.run(lake, LakePaths.location(out), RegistryTteOptions.defaults()
                    .withCompetingRelapse(relapse).withCensorAtRelapse(relapse)));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void cumulativeIncidencesAndEventFreeSurvivalAddUpToOne(boolean relapse) throws IOException {
        RegistryTteCsv cif = csv(relapse, "cumulative_incidence");
        List<String> causes = relapse ? List.of("event", "death", "relapse_or_next_therapy")
                : List.of("event", "death");
        List<String> events = cif.rows().stream().map(r -> r.get("event")).distinct().toList();
        assertEquals(List.of("ANY_NEOPLASM", "CRS", "HYPOGAMMAGLOBULINAEMIA", "ICANS", "INFECTION", "PARKINSONISM",
                "T_CELL_MALIGNANCY"), events);
        for (String event : events) {
            for (AnalysisGroup group : groups()) {
                List<Patient> patients = members(group);
                double[] times = new double[patients.size()];
                boolean[] ended = new boolean[patients.size()];
                long[] ends = new long[causes.size()];
                for (int i = 0; i < times.length; i++) {
                    Patient p = patients.get(i);
                    Integer first = p.firstDays().get(event);
                    Integer competing = relapse ? p.relapse() : null;
                    boolean eventFirst = first != null && (competing == null || first <= competing);
                    times[i] = eventFirst ? first : competing != null ? competing : p.end();
                    ended[i] = eventFirst || competing != null || p.died();
                    if (ended[i]) {
                        ends[eventFirst ? 0 : competing != null ? 2 : 1]++;
                    }
                }
                List<KaplanMeier.Step> eventFree = KaplanMeier.withDefaults().estimate(times, ended).steps();
                List<List<Map<String, String>>> byCause = new ArrayList<>();
                for (String cause : causes) {
                    byCause.add(cif.where("event", event, "group_by", group.groupBy(), "group", group.group(),
                            "cause", cause));
                }
                assertEquals(eventFree.stream().map(s -> (long) s.time()).toList(),
                        byCause.get(0).stream().map(r -> integer(r, "time")).toList(), event + " " + group);
                for (int k = 0; k < causes.size(); k++) {
                    assertEquals(ends[k], sum(byCause.get(k), "events"), event + " " + group + " " + causes.get(k));
                }
                for (List<Map<String, String>> curve : byCause) {
                    assertEquals(eventFree.size(), curve.size());
                    double previous = 0;
                    for (Map<String, String> step : curve) {
                        double estimate = number(step, "estimate");
                        assertTrue(estimate >= previous && estimate <= 1 + TOLERANCE, step::toString);
                        previous = estimate;
                    }
                }
                for (int j = 0; j < eventFree.size(); j++) {
                    double total = eventFree.get(j).survival();
                    for (List<Map<String, String>> curve : byCause) {
                        total += number(curve.get(j), "estimate");
                    }
                    assertEquals(1, total, TOLERANCE, event + " " + group + " day " + eventFree.get(j).time());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyPatientDayLandsInExactlyOneWindow(boolean relapse) throws IOException {
        RegistryTteSummary summary = summaries.get(relapse);
        assertEquals(registry.cohort().size(), summary.patients());
        assertEquals(registry.patients().size() - registry.cohort().size(), summary.excludedNoOutcome());
        assertEquals(registry.cohort().stream().mapToLong(p -> p.end() + 1L).sum(), summary.followUpPatientDays());
        assertTrue(summary.windowsAddUp());
        RegistryTteCsv rates = csv(relapse, "incidence_rates");
        for (AnalysisGroup group : groups()) {
            for (FollowUpWindow w : FollowUpWindow.values()) {
                long expected = 0;
                for (Patient p : members(group)) {
                    int last = Math.min(w.lastDay(), p.atRiskEnd(relapse));
                    expected += Math.max(0, last - w.firstDay() + 1);
                }
                Map<String, String> all = rates.one("event", "INFECTION", "dimension", "all", "group_by",
                        group.groupBy(), "group", group.group(), "window", w.label());
                assertEquals(expected, integer(all, "patient_days"), group + " " + w.label());
                if (group.groupBy().equals(AnalysisGroup.ALL)) {
                    assertEquals(expected, summary.windowPatientDays().get(w));
                }
            }
        }
        long atRisk = registry.cohort().stream().mapToLong(p -> p.atRiskEnd(relapse) + 1L).sum();
        assertEquals(atRisk, summary.atRiskPatientDays());
        assertEquals(atRisk, summary.windowPatientDaysTotal());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyInfectionAndEpisodeCountedOnce(boolean relapse) throws IOException {
        RegistryTteCsv rates = csv(relapse, "incidence_rates");
        for (String event : List.of("INFECTION", "CRS", "HYPOGAMMAGLOBULINAEMIA")) {
            long all = 0;
            for (Patient p : registry.cohort()) {
                int last = p.atRiskEnd(relapse);
                all += p.episodes().getOrDefault(event, List.of()).stream().filter(d -> d <= last).count();
            }
            assertEquals(all, sum(rates.where("event", event, "dimension", "all", "group_by", "all"), "events"),
                    event);
            assertEquals(all, sum(rates.where("event", event, "dimension", "all", "group_by", "product"), "events"),
                    event + ": the products partition the patients");
        }
        long infections = registry.cohort().stream()
                .mapToLong(p -> p.episodes().getOrDefault("INFECTION", List.of()).size()).sum();
        assertEquals(infections, summaries.get(relapse).infections());
        if (!relapse) {
            assertEquals(infections, summaries.get(relapse).infectionsAtRisk(), "all within follow-up");
        }

        for (AnalysisGroup group : groups()) {
            for (FollowUpWindow w : FollowUpWindow.values()) {
                Predicate<Map<String, String>> cell = r -> r.get("group_by").equals(group.groupBy())
                        && r.get("group").equals(group.group()) && r.get("window").equals(w.label())
                        && r.get("event").equals("INFECTION");
                List<Map<String, String>> rows = rates.rows().stream().filter(cell).toList();
                Map<String, String> all = rows.stream().filter(r -> r.get("dimension").equals("all")).findFirst()
                        .orElseThrow();
                for (String dimension : BREAKDOWNS) {
                    List<Map<String, String>> levels = rows.stream().filter(r -> r.get("dimension").equals(dimension))
                            .toList();
                    assertEquals(integer(all, "events"), sum(levels, "events"), dimension + " " + group + " " + w);
                    if (dimension.endsWith("prophylaxis")) {
                        assertEquals(integer(all, "patient_days"), sum(levels, "patient_days"), dimension);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rateRatioArmsPartitionTheirPatientDays(boolean relapse) throws IOException {
        RegistryTteCsv ratios = csv(relapse, "rate_ratios");
        RegistryTteCsv rates = csv(relapse, "incidence_rates");
        String comparison = RateComparison.ANTIBACTERIAL_PROPHYLAXIS.label();
        for (AnalysisGroup group : groups()) {
            long[] totals = new long[4];
            for (FollowUpWindow w : FollowUpWindow.values()) {
                Map<String, String> r = ratios.one("comparison", comparison, "group_by", group.groupBy(), "group",
                        group.group(), "window", w.label());
                Map<String, String> days = rates.one("event", "INFECTION", "dimension", "all", "group_by",
                        group.groupBy(), "group", group.group(), "window", w.label());
                Map<String, String> bacterial = rates.one("event", "INFECTION", "dimension", "pathogen_class",
                        "level", "BACTERIAL", "group_by", group.groupBy(), "group", group.group(), "window",
                        w.label());
                assertEquals(integer(days, "patient_days"),
                        integer(r, "index_patient_days") + integer(r, "reference_patient_days"));
                assertEquals(integer(bacterial, "events"), integer(r, "index_events") + integer(r, "reference_events"));
                String[] columns = {"index_events", "index_patient_days", "reference_events",
                    "reference_patient_days"};
                for (int i = 0; i < columns.length; i++) {
                    totals[i] += integer(r, columns[i]);
                }
            }
            Map<String, String> stratified = ratios.one("comparison", comparison, "group_by", group.groupBy(),
                    "group", group.group(), "window", "stratified");
            assertEquals(List.of(totals[0], totals[1], totals[2], totals[3]),
                    List.of(integer(stratified, "index_events"), integer(stratified, "index_patient_days"),
                            integer(stratified, "reference_events"), integer(stratified, "reference_patient_days")));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onsetDaysAreTheFirstOnsetsThatOnsetSummarises(boolean relapse) throws IOException {
        RegistryTteCsv days = csv(relapse, "onset_days");
        assertEquals(List.of("event", "product", "target", "onset_day"), days.header());
        RegistryTteCsv onset = csv(relapse, "onset");
        int medians = 0;
        for (Map<String, String> summary : onset.rows()) {
            String groupBy = summary.get("group_by");
            // the target and product groups are named after the columns that hold them
            List<Long> onsets = days.where("event", summary.get("event")).stream()
                    .filter(r -> groupBy.equals(AnalysisGroup.ALL) || r.get(groupBy).equals(summary.get("group")))
                    .map(r -> integer(r, "onset_day")).sorted().toList();
            assertEquals(integer(summary, "onsets"), onsets.size(), summary::toString);
            if (!summary.get("onset_median").isEmpty()) {
                int n = onsets.size();
                assertEquals(number(summary, "onset_median"), (onsets.get((n - 1) / 2) + onsets.get(n / 2)) / 2.0,
                        0, summary::toString);
                medians++;
            }
        }
        assertEquals(days.rows().size(), sum(onset.where("group_by", AnalysisGroup.ALL), "onsets"));
        assertTrue(medians > 0, "no median compared");

        Comparator<Map<String, String>> order = Comparator.comparing((Map<String, String> r) -> r.get("event"))
                .thenComparing(r -> r.get("product")).thenComparing(r -> r.get("target"))
                .thenComparingLong(r -> integer(r, "onset_day"));
        List<Map<String, String>> generated = new ArrayList<>();
        for (Patient p : registry.cohort()) {
            p.firstDays().forEach((event, day) -> generated.add(Map.of("event", event, "product", p.product(),
                    "target", p.target(), "onset_day", day.toString())));
        }
        assertEquals(generated.stream().sorted(order).toList(), days.rows());
    }

    private static List<AnalysisGroup> groups() {
        return registry.cohort().stream().flatMap(p -> p.groups().stream()).distinct().sorted().toList();
    }

    private static List<Patient> members(AnalysisGroup group) {
        return registry.cohort().stream().filter(p -> p.groups().contains(group)).toList();
    }

    private static long sum(List<Map<String, String>> rows, String column) {
        return rows.stream().mapToLong(r -> integer(r, column)).sum();
    }

    private static RegistryTteCsv csv(boolean relapse, String name) throws IOException {
        return RegistryTteCsv.read(outputs.get(relapse).resolve("tte").resolve(name + ".csv"));
    }
}
