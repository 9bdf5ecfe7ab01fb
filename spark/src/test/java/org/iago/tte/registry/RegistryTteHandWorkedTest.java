package org.iago.tte.registry;

import static org.iago.tte.registry.RegistryTteCsv.integer;
import static org.iago.tte.registry.RegistryTteCsv.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.stats.onset.WeibullShapeTest;
import org.iago.stats.rates.IncidenceRate;
import org.iago.stats.rates.PersonTimeCount;
import org.iago.stats.rates.RateRatio;
import org.iago.stats.rates.StratifiedRateRatio;
import org.iago.stats.tte.GraysTest;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seven patients whose every number can be worked out on paper (days are since each patient's infusion):
 * <pre>
 * patient product  target end  death  relapse/next  toxicities               infections (class grade setting flag)
 * P1      Yescarta CD19   45   -      -             CRS 1, 35; HYPOGAMMA 20  5 BACT 3 IN Y; 40 VIRAL 2 OUT Y
 * P2      Yescarta CD19   10   10     -             -                        10 BACT 5 IN N
 * P3      Yescarta CD19   200  -      -             -                        150 BACT 4 IN Y; T-cell lymphoma 180
 * P4      Carvykti BCMA   120  120    -             CRS 3; PARK 60; HYPO 40  100 FUNGAL 5 IN Y
 * P5      Carvykti BCMA   30   -      -             CRS 0                    -
 * P6      Carvykti BCMA   no outcome row: excluded  CRS 2                    3 BACT
 * P7      Carvykti BCMA   80   -      20 / 25       ICANS 20                 50 BACT 2 OUT -; skin neoplasm 60
 * </pre>
 * Management: P1 antibacterial prophylaxis days −5..14 and antiviral 0..(open); P3 antibacterial 0..30; P4
 * antibacterial 90..110 and IVIG on day 70.
 * <p>
 * Patient-days (day 0 to the end day, both included): 0-30: 31+11+31+31+31+31 = 166; 31-100: 15+0+70+70+0+50 = 205;
 * >100: 100+20 = 120; 491 = Σ (end + 1).
 */
class RegistryTteHandWorkedTest {

    private static final double EXACT = 1e-12;

    @TempDir
    static Path work;
    static RegistryTteSummary summary;
    static RegistryTteSummary censoredSummary;
    static Path out;
    static Path censoredOut;

    @BeforeAll
    static void run() throws IOException {
        Lake lake = new RegistryTteLake()
                .patient("P1", "Yescarta", "CD19", LocalDate.of(2024, 1, 10))
                .patient("P2", "Yescarta", "CD19", LocalDate.of(2024, 2, 1))
                .patient("P3", "Yescarta", "CD19", LocalDate.of(2024, 3, 15))
                .patient("P4", "Carvykti", "BCMA", LocalDate.of(2024, 1, 20))
                .patient("P5", "Carvykti", "BCMA", LocalDate.of(2024, 4, 1))
                .patient("P6", "Carvykti", "BCMA", LocalDate.of(2024, 4, 2))
                .patient("P7", "Carvykti", "BCMA", LocalDate.of(2024, 5, 1))
                .outcome("P1", null, null, null, 45)
                .outcome("P2", null, null, 10, 10)
                .outcome("P3", null, null, null, 200)
                .outcome("P4", null, null, 120, 110)
                .outcome("P5", null, null, null, 30)
                .outcome("P7", 20, 25, null, 80)
                .toxicity("P1", "CRS", 1).toxicity("P1", "CRS", 35).toxicity("P1", "HYPOGAMMAGLOBULINAEMIA", 20)
                .toxicity("P4", "CRS", 3).toxicity("P4", "PARKINSONISM", 60)
                .toxicity("P4", "HYPOGAMMAGLOBULINAEMIA", 40)
                .toxicity("P5", "CRS", 0)
                .toxicity("P6", "CRS", 2)
                .toxicity("P7", "ICANS", 20)
                .infection("P1", 5, "BACTERIAL", 3L, "INPATIENT", "Y")
                .infection("P1", 40, "VIRAL", 2L, "OUTPATIENT", "Y")
                .infection("P2", 10, "BACTERIAL", 5L, "INPATIENT", "N")
                .infection("P3", 150, "BACTERIAL", 4L, "INPATIENT", "Y")
                .infection("P4", 100, "FUNGAL", 5L, "INPATIENT", "Y")
                .infection("P6", 3, "BACTERIAL", 3L, "INPATIENT", "N")
                .infection("P7", 50, "BACTERIAL", 2L, "OUTPATIENT", null)
                .management("P1", "ANTIBACTERIAL_PROPHYLAXIS", -5, 14)
                .management("P1", "ANTIVIRAL_PROPHYLAXIS", 0, null)
                .management("P3", "ANTIBACTERIAL_PROPHYLAXIS", 0, 30)
                .management("P4", "ANTIBACTERIAL_PROPHYLAXIS", 90, 110)
                .management("P4", "IVIG", 70, 70)
                .neoplasm("P3", 180, "T_CELL_LYMPHOMA")
                .neoplasm("P7", 60, "SKIN")
                .write(SharedSpark.session(), work.resolve("lake"));
        RegistryTteJob job = new RegistryTteJob(SharedSpark.session());
        out = work.resolve("out");
        summary = job.run(lake, LakePaths.location(out), RegistryTteOptions.defaults());
        censoredOut = work.resolve("censored");
        censoredSummary = job.run(lake, LakePaths.location(censoredOut),
                RegistryTteOptions.defaults().withCensorAtRelapse(true).withCompetingRelapse(true));
    }

    @Test
    void summaryCountsPatientsAndPatientDays() {
        assertEquals(6, summary.patients());
        assertEquals(1, summary.excludedNoOutcome());
        assertEquals(491, summary.followUpPatientDays());
        assertEquals(491, summary.atRiskPatientDays());
        assertEquals(Map.of(FollowUpWindow.DAYS_0_30, 166L, FollowUpWindow.DAYS_31_100, 205L,
                FollowUpWindow.AFTER_DAY_100, 120L), summary.windowPatientDays());
        assertTrue(summary.windowsAddUp());
        assertEquals(6, summary.infections());
        assertEquals(6, summary.infectionsAtRisk());
        assertEquals(8, summary.toxicityEpisodes());
        // flagged on prophylaxis but not covered against their class: P3's bacterial infection on day 150 (no
        // period), P4's fungal one on day 100 (antibacterial only); P1's viral one on day 40 is (antiviral, open)
        assertEquals(2, summary.prophylaxisFlagDisagreements());
    }

    @Test
    void censoringAtRelapseEndsPatientSevensAtRiskTimeOnDayTwenty() {
        // P7: days 0..20 instead of 0..80, its infection on day 50 no longer at risk
        assertEquals(491, censoredSummary.followUpPatientDays());
        assertEquals(431, censoredSummary.atRiskPatientDays());
        assertEquals(Map.of(FollowUpWindow.DAYS_0_30, 156L, FollowUpWindow.DAYS_31_100, 155L,
                FollowUpWindow.AFTER_DAY_100, 120L), censoredSummary.windowPatientDays());
        assertTrue(censoredSummary.windowsAddUp());
        assertEquals(6, censoredSummary.infections());
        assertEquals(5, censoredSummary.infectionsAtRisk());
    }

    @Test
    void kaplanMeierOverallSurvival() throws IOException {
        RegistryTteCsv survival = csv(out, "survival");
        List<Map<String, String>> all = survival.where("group_by", "all", "group", "all");
        assertEquals(List.of("10", "30", "45", "80", "120", "200"), all.stream().map(r -> r.get("time")).toList());
        assertEquals(List.of("6", "5", "4", "3", "2", "1"), all.stream().map(r -> r.get("at_risk")).toList());
        assertEquals(5.0 / 6, number(all.get(0), "survival"), EXACT);
        assertEquals(5.0 / 6, number(all.get(3), "survival"), EXACT);
        assertEquals(5.0 / 12, number(all.get(4), "survival"), EXACT);
        // Greenwood: 1/(6·5) + 1/(2·1)
        assertEquals(Math.sqrt(1.0 / 30 + 1.0 / 2), number(all.get(4), "std_error"), EXACT);
        assertEquals(1, integer(all.get(5), "censored"));

        Map<String, String> bcma = survival.one("group_by", "target", "group", "BCMA", "time", "120");
        assertEquals(0.0, number(bcma, "survival"), EXACT);
        assertEquals("", bcma.get("lower"), "no interval once survival is 0");

        RegistryTteCsv summaries = csv(out, "survival_summary");
        Map<String, String> overall = summaries.one("group_by", "all", "group", "all");
        assertEquals(6, integer(overall, "patients"));
        assertEquals(2, integer(overall, "deaths"));
        assertEquals(120, number(overall, "median"), EXACT);
        assertEquals(5.0 / 6, number(overall, "survival_100d"), EXACT);
        assertEquals("", overall.get("survival_1y"), "day 365 is beyond the last follow-up, day 200");
        assertEquals(2.0 / 3, number(summaries.one("group_by", "product", "group", "Yescarta"), "survival_100d"),
                EXACT);
    }

    @Test
    void cumulativeIncidenceOfCrsWithDeathCompeting() throws IOException {
        RegistryTteCsv cif = csv(out, "cumulative_incidence");
        // first CRS on days 0 (P5), 1 (P1), 3 (P4); P2 dies on day 10 without CRS; P7, P3 censored at 80, 200
        List<Map<String, String>> crs = cif.where("event", "CRS", "group_by", "all", "cause", "event");
        assertEquals(List.of("0", "1", "3", "10", "80", "200"), crs.stream().map(r -> r.get("time")).toList());
        assertEquals(1.0 / 6, number(crs.get(0), "estimate"), EXACT);
        assertEquals(1.0 / 36, number(crs.get(0), "variance"), EXACT);
        assertEquals(1.0 / 3, number(crs.get(1), "estimate"), EXACT);
        assertEquals(1.0 / 2, number(crs.get(2), "estimate"), EXACT);
        assertEquals(1.0 / 2, number(crs.get(5), "estimate"), EXACT);
        Map<String, String> death = cif.one("event", "CRS", "group_by", "all", "cause", "death", "time", "10");
        assertEquals(3, integer(death, "at_risk"));
        assertEquals(1, integer(death, "events"));
        // Ŝ(3) · 1/3 = 1/2 · 1/3
        assertEquals(1.0 / 6, number(death, "estimate"), EXACT);

        Map<String, String> summary = csv(out, "cumulative_incidence_summary")
                .one("event", "CRS", "group_by", "all", "group", "all");
        assertEquals(6, integer(summary, "patients"));
        assertEquals(3, integer(summary, "events"));
        assertEquals(1, integer(summary, "competing_deaths"));
        assertEquals(0.5, number(summary, "cif_30d"), EXACT);
        assertEquals("", summary.get("cif_365d"));

        // the first T-cell lymphoma, P3 on day 180, after deaths on days 10 and 120: Ŝ = 5/6 · 1/2, one at risk
        Map<String, String> lymphoma = cif.one("event", "T_CELL_MALIGNANCY", "group_by", "all", "cause", "event",
                "time", "180");
        assertEquals(5.0 / 12, number(lymphoma, "estimate"), EXACT);
    }

    @Test
    void relapseCompetesWhenAsked() throws IOException {
        RegistryTteCsv cif = csv(censoredOut, "cumulative_incidence");
        // P7 relapses on day 20 without CRS: Ŝ(10) = 1/3, two at risk
        Map<String, String> relapse = cif.one("event", "CRS", "group_by", "all", "cause",
                "relapse_or_next_therapy", "time", "20");
        assertEquals(1.0 / 6, number(relapse, "estimate"), EXACT);
        assertEquals(0.5, number(cif.one("event", "CRS", "group_by", "all", "cause", "event", "time", "20"),
                "estimate"), EXACT);
        // P7's ICANS on the day of its relapse counts as ICANS
        Map<String, String> icans = csv(censoredOut, "cumulative_incidence_summary")
                .one("event", "ICANS", "group_by", "all", "group", "all");
        assertEquals(1, integer(icans, "events"));
        assertEquals(0, integer(icans, "competing_relapses"));
        // P7's skin neoplasm on day 60 follows its relapse: a competing event, not a neoplasm
        Map<String, String> neoplasm = csv(censoredOut, "cumulative_incidence_summary")
                .one("event", "ANY_NEOPLASM", "group_by", "all", "group", "all");
        assertEquals(1, integer(neoplasm, "events"));
        assertEquals(1, integer(neoplasm, "competing_relapses"));
    }

    @Test
    void graysTestGetsTheArraysWorkedOutByHand() throws IOException {
        Map<String, String> row = csv(out, "grays_test").one("event", "CRS", "group_by", "target");
        GraysTest.Result expected = GraysTest.withDefaults().test(new double[] {1, 10, 200, 3, 0, 80},
                new int[] {1, 2, 0, 1, 1, 0}, new String[] {"CD19", "CD19", "CD19", "BCMA", "BCMA", "BCMA"}, 1);
        assertEquals("BCMA;CD19", row.get("group_labels"));
        assertEquals(2, integer(row, "groups"));
        assertEquals(1, integer(row, "df"));
        assertEquals(expected.statistic(), number(row, "statistic"), EXACT);
        assertEquals(expected.pValue(), number(row, "p_value"), EXACT);
    }

    @Test
    void onsetOfFirstEpisodes() throws IOException {
        RegistryTteCsv onset = csv(out, "onset");
        // first CRS on days 0, 1, 3 (P1's second episode on day 35 and excluded P6 do not count)
        Map<String, String> crs = onset.one("event", "CRS", "group_by", "all", "group", "all");
        assertEquals(3, integer(crs, "onsets"));
        assertEquals(1, number(crs, "onset_median"), EXACT);
        assertEquals(0.5, number(crs, "onset_q1"), EXACT);
        assertEquals(2, number(crs, "onset_q3"), EXACT);
        WeibullShapeTest.Result fit = WeibullShapeTest.withDefaults().test(new double[] {0, 1, 3});
        assertEquals(fit.shape(), number(crs, "weibull_shape"), EXACT);
        assertEquals(fit.hazard().name(), crs.get("hazard"));
        Map<String, String> parkinsonism = onset.one("event", "PARKINSONISM", "group_by", "target", "group", "BCMA");
        assertEquals(1, integer(parkinsonism, "onsets"));
        assertEquals("too few onsets for a fit", parkinsonism.get("note"));
    }

    @Test
    void onsetDaysListEachPatientsFirstOnset() throws IOException {
        // P1's second CRS (day 35) and excluded P6 are left out; P3's T-cell lymphoma is both neoplasm events
        assertEquals(List.of("event,product,target,onset_day", "ANY_NEOPLASM,Carvykti,BCMA,60",
                "ANY_NEOPLASM,Yescarta,CD19,180", "CRS,Carvykti,BCMA,0", "CRS,Carvykti,BCMA,3", "CRS,Yescarta,CD19,1",
                "HYPOGAMMAGLOBULINAEMIA,Carvykti,BCMA,40", "HYPOGAMMAGLOBULINAEMIA,Yescarta,CD19,20",
                "ICANS,Carvykti,BCMA,20", "INFECTION,Carvykti,BCMA,50", "INFECTION,Carvykti,BCMA,100",
                "INFECTION,Yescarta,CD19,5", "INFECTION,Yescarta,CD19,10", "INFECTION,Yescarta,CD19,150",
                "PARKINSONISM,Carvykti,BCMA,60", "T_CELL_MALIGNANCY,Yescarta,CD19,180"),
                Files.readAllLines(out.resolve("tte").resolve("onset_days.csv")));
    }

    @Test
    void infectionDensityByWindow() throws IOException {
        RegistryTteCsv rates = csv(out, "incidence_rates");
        long[] events = {2, 3, 1};
        long[] days = {166, 205, 120};
        for (FollowUpWindow w : FollowUpWindow.values()) {
            Map<String, String> r = rates.one("event", "INFECTION", "dimension", "all", "group_by", "all",
                    "window", w.label());
            assertEquals(events[w.ordinal()], integer(r, "events"), w.label());
            assertEquals(days[w.ordinal()], integer(r, "patient_days"), w.label());
            IncidenceRate.Result expected = IncidenceRate.withDefaults().compute(events[w.ordinal()],
                    days[w.ordinal()]);
            assertEquals(100.0 * events[w.ordinal()] / days[w.ordinal()], number(r, "rate"), EXACT);
            assertEquals(expected.upper(), number(r, "upper"), EXACT);
        }
        // an attribute splits events only: bacterial infections over every patient-day
        Map<String, String> bacterial = rates.one("event", "INFECTION", "dimension", "pathogen_class", "level",
                "BACTERIAL", "group_by", "all", "window", "0-30");
        assertEquals(2, integer(bacterial, "events"));
        assertEquals(166, integer(bacterial, "patient_days"));
        Map<String, String> fungalLate = rates.one("event", "INFECTION", "dimension", "pathogen_class", "level",
                "FUNGAL", "group_by", "all", "window", ">100");
        assertEquals(0, integer(fungalLate, "events"), "every level is reported in every window");
        assertEquals(1, integer(rates.one("event", "INFECTION", "dimension", "severity", "level", "4-5",
                "group_by", "all", "window", ">100"), "events"), "P3's grade 4");
        assertEquals(1, integer(rates.one("event", "INFECTION", "dimension", "setting", "level", "OUTPATIENT",
                "group_by", "product", "group", "Carvykti", "window", "31-100"), "events"), "P7's");
    }

    @Test
    void prophylaxisSplitsPatientDaysAndInfectionsAlike() throws IOException {
        RegistryTteCsv rates = csv(out, "incidence_rates");
        // any prophylaxis: P1 days 0..45 (antiviral still open at the end of follow-up), P3 0..30, P4 90..110
        assertRate(rates, "prophylaxis", "ON", "0-30", 1, 62);
        assertRate(rates, "prophylaxis", "OFF", "0-30", 1, 104);
        assertRate(rates, "prophylaxis", "ON", "31-100", 2, 26);
        assertRate(rates, "prophylaxis", "OFF", "31-100", 1, 179);
        assertRate(rates, "prophylaxis", "ON", ">100", 0, 10);
        assertRate(rates, "prophylaxis", "OFF", ">100", 1, 110);
        // antibacterial: P1 days 0..14 (started before infusion), P3 0..30, P4 90..110
        assertRate(rates, "antibacterial_prophylaxis", "ON", "0-30", 1, 46);
        assertRate(rates, "antibacterial_prophylaxis", "OFF", "0-30", 1, 120);
        assertRate(rates, "antibacterial_prophylaxis", "ON", ">100", 0, 10);
    }

    @Test
    void toxicityEpisodesEachCount() throws IOException {
        RegistryTteCsv rates = csv(out, "incidence_rates");
        Map<String, String> early = rates.one("event", "CRS", "group_by", "all", "window", "0-30");
        assertEquals(3, integer(early, "events"));
        assertEquals(166, integer(early, "patient_days"));
        assertEquals(1, integer(rates.one("event", "CRS", "group_by", "all", "window", "31-100"), "events"),
                "P1's second episode");
        assertEquals(1, integer(rates.one("event", "PARKINSONISM", "group_by", "target", "group", "BCMA",
                "window", "31-100"), "events"));
        assertEquals(List.of("all"), rates.where("event", "CRS").stream().map(r -> r.get("dimension")).distinct()
                .toList());
    }

    @Test
    void bacterialInfectionsOnVersusOffAntibacterialProphylaxis() throws IOException {
        RegistryTteCsv ratios = csv(out, "rate_ratios");
        String comparison = RateComparison.ANTIBACTERIAL_PROPHYLAXIS.label();
        Map<String, String> early = ratios.one("comparison", comparison, "group_by", "all", "window", "0-30");
        // P1's day-5 infection on prophylaxis over 46 days, P2's day-10 one off it over 120 days
        assertEquals(List.of(1L, 46L, 1L, 120L), counts(early));
        assertEquals(120.0 / 46, number(early, "rate_ratio"), EXACT);
        RateRatio.Result exact = RateRatio.withDefaults().compute(new PersonTimeCount(1, 46),
                new PersonTimeCount(1, 120));
        assertEquals(exact.lower(), number(early, "lower"), EXACT);
        assertEquals(exact.pValue(), number(early, "p_value"), EXACT);
        assertEquals(List.of(0L, 11L, 1L, 194L), counts(ratios.one("comparison", comparison, "group_by", "all",
                "window", "31-100")));

        Map<String, String> stratified = ratios.one("comparison", comparison, "group_by", "all", "window",
                "stratified");
        assertEquals(List.of(1L, 67L, 3L, 424L), counts(stratified));
        StratifiedRateRatio.Result mh = StratifiedRateRatio.withDefaults().compute(List.of(
                stratum(1, 46, 1, 120), stratum(0, 11, 1, 194), stratum(0, 10, 1, 110)));
        // Mantel–Haenszel: (1·120/166) / (1·46/166 + 1·11/205 + 1·10/120)
        assertEquals((120.0 / 166) / (46.0 / 166 + 11.0 / 205 + 10.0 / 120), number(stratified, "rate_ratio"),
                EXACT);
        assertEquals(mh.upper(), number(stratified, "upper"), EXACT);
        assertEquals(mh.pValue(), number(stratified, "p_value"), EXACT);
    }

    @Test
    void infectionsAfterIvigInHypogammaglobulinaemia() throws IOException {
        RegistryTteCsv ratios = csv(out, "rate_ratios");
        String comparison = RateComparison.IVIG_IN_HYPOGAMMAGLOBULINAEMIA.label();
        // P1 from day 20 (no IVIG), P4 from day 40, IVIG from day 70: P1's day-40 and P4's day-100 infections
        Map<String, String> middle = ratios.one("comparison", comparison, "group_by", "all", "window", "31-100");
        assertEquals(List.of(1L, 31L, 1L, 45L), counts(middle));
        assertEquals(45.0 / 31, number(middle, "rate_ratio"), EXACT);
        Map<String, String> early = ratios.one("comparison", comparison, "group_by", "all", "window", "0-30");
        assertEquals(List.of(0L, 0L, 0L, 11L), counts(early));
        assertEquals("", early.get("rate_ratio"), "no IVIG days in the window");
        assertEquals(List.of(1L, 51L, 1L, 56L), counts(ratios.one("comparison", comparison, "group_by", "all",
                "window", "stratified")));
    }

    private static void assertRate(RegistryTteCsv rates, String dimension, String level, String window, long events,
            long days) {
        Map<String, String> r = rates.one("event", "INFECTION", "dimension", dimension, "level", level,
                "group_by", "all", "window", window);
        assertEquals(List.of(events, days), List.of(integer(r, "events"), integer(r, "patient_days")),
                dimension + " " + level + " " + window);
    }

    private static List<Long> counts(Map<String, String> ratio) {
        return List.of(integer(ratio, "index_events"), integer(ratio, "index_patient_days"),
                integer(ratio, "reference_events"), integer(ratio, "reference_patient_days"));
    }

    private static StratifiedRateRatio.Stratum stratum(long x1, long t1, long x2, long t2) {
        return new StratifiedRateRatio.Stratum(new PersonTimeCount(x1, t1), new PersonTimeCount(x2, t2));
    }

    private static RegistryTteCsv csv(Path output, String name) throws IOException {
        return RegistryTteCsv.read(output.resolve("tte").resolve(name + ".csv"));
    }
}
