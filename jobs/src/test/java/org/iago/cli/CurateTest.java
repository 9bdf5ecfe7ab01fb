package org.iago.cli;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationSummary;
import org.iago.curate.MeddraHierarchy;
import org.iago.dictionary.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.disproportionality.PairCounts;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.CuratedTable;
import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.spark.LakeTables;
import org.iago.synth.SynthManifest;
import org.iago.testing.Samples;
import org.iago.tte.OnsetJob;
import org.iago.tte.OnsetTimes;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

/**
 * Curation of the committed samples (three synthetic quarters with follow-ups and deleted cases, plus the two real
 * FDA samples): the counts of each rule agree with the generator's manifest, and CAR-T names collapse to products.
 */
class CurateTest {

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    @TempDir
    static Path work;
    static Lake lake;
    static CurationSummary summary;
    static SynthManifest manifest;
    /** The onset job's output folder once {@link #onset()} has run it. */
    static Path onsetOut;

    @BeforeAll
    static void ingestAndCurate() throws Exception {
        lake = new Lake(work.resolve("lake"));
        Path synthetic = Samples.root().resolve("faers/synthetic");
        manifest = SynthManifest.read(synthetic.resolve(SynthManifest.FILE_NAME));
        for (SynthManifest.QuarterEntry q : manifest.quarters()) {
            Cli.run("ingest", "faers", "--input", synthetic.resolve("faers_ascii_"
                    + q.quarter().toLowerCase(Locale.ROOT) + ".zip").toString(), "--lake", lake.root().toString());
        }
        Cli.run("ingest", "faers", "--input", Samples.faers2017q2().toString(), "--lake", lake.root().toString());
        Cli.run("ingest", "faers", "--input", Samples.laers2004q1().toString(), "--lake", lake.root().toString());
        Path conf = Samples.root().resolveSibling("conf");
        summary = new CurateJob(SharedSpark.session(), lake, ProductDictionary.load(conf.resolve("products.yaml")),
                TermGroups.load(conf.resolve("term-groups.yaml"))).run();
    }

    @Test
    void oneReportPerCaseAndDeletedCasesDropped() {
        long newCases = manifest.quarters().stream().mapToLong(SynthManifest.QuarterEntry::newCases).sum();
        long followUps = manifest.quarters().stream().mapToLong(SynthManifest.QuarterEntry::followUpVersions).sum();
        long deleted = manifest.quarters().stream().mapToLong(SynthManifest.QuarterEntry::deletedIds).sum();
        assertEquals(9_000 + 200, summary.demoRows());
        assertEquals(followUps, summary.olderVersions(), "every follow-up supersedes an older version");
        assertEquals("caseid", summary.deletedIdsKind());
        assertEquals(deleted, summary.deletedReports());
        assertEquals(newCases + 200 - deleted, summary.reports());
        assertEquals(summary.reports(), table(CuratedTable.REPORTS).count());
        assertEquals(summary.reports(), table(CuratedTable.REPORTS).select("report_id").distinct().count());
    }

    /** The keys each report carries are those of report_drugs and report_events, distinct, sorted, never null. */
    @Test
    void reportsCarryTheirDrugAndEventKeys() {
        Dataset<Row> reports = table(CuratedTable.REPORTS);
        Dataset<Row> drugKeys = null;
        for (String role : FaersTable.ROLE_CODS) {
            Dataset<Row> inRole = reports.select(col("report_id"),
                    explode(col(CuratedTable.drugKeys(role))).as("drug_key"), lit(role).as("role_cod"));
            drugKeys = drugKeys == null ? inRole : drugKeys.union(inRole);
        }
        Dataset<Row> reportDrugs = table(CuratedTable.REPORT_DRUGS)
                .where(col("role_cod").isin(FaersTable.ROLE_CODS.toArray()))
                .select("report_id", "drug_key", "role_cod").distinct();
        assertEquals(reportDrugs.count(), drugKeys.count(), "one element per distinct (drug_key, role_cod)");
        assertEquals(0L, drugKeys.except(reportDrugs).count());
        assertEquals(0L, reportDrugs.except(drugKeys).count());

        Dataset<Row> eventKeys = reports.select(col("report_id"), explode(col(CuratedTable.EVENT_KEYS)).as("event_key"));
        Dataset<Row> reportEvents = table(CuratedTable.REPORT_EVENTS).select("report_id", "event_key");
        assertEquals(reportEvents.count(), eventKeys.count(), "one element per distinct event_key");
        assertEquals(0L, eventKeys.except(reportEvents).count());
        assertEquals(0L, reportEvents.except(eventKeys).count());

        for (String array : CuratedTable.KEY_COLUMNS) {
            assertEquals(0L, reports.where(col(array).isNull()).count(), array + ": empty, never null");
            assertEquals(0L, reports.where(not(col(array).equalTo(array_sort(col(array))))).count(),
                    array + ": sorted, so the same input gives the same lake");
        }
        assertTrue(reports.where(size(col(CuratedTable.drugKeys("SS"))).gt(0)).count() > 0,
                "some secondary suspects");
    }

    @Test
    void latestVersionIsKept() {
        Dataset<Row> newest = new LakeTables(SharedSpark.session(), lake).faers(FaersTable.DEMO)
                .groupBy("caseid").agg(max(col("primaryid").cast("decimal(38,0)")).as("newest"));
        Dataset<Row> kept = table(CuratedTable.REPORTS).join(newest, "caseid");
        assertEquals(0L, kept.where(col("primaryid").cast("decimal(38,0)").notEqual(col("newest"))).count(),
                "every kept report is its case's latest version (the generator's fda_dt grows with the version)");
        assertTrue(kept.where(col("primaryid").endsWith("2")).count() > 0, "some kept reports are follow-ups");
    }

    @Test
    void cartNamesCollapseToProductsWithTheirTarget() {
        List<Row> cart = table(CuratedTable.DRUGS).where("target IS NOT NULL").orderBy("product")
                .select("product", "ingredient", "target").collectAsList();
        assertTrue(cart.stream().anyMatch(r -> r.getString(0).equals("CARVYKTI")
                && r.getString(1).equals("CILTACABTAGENE AUTOLEUCEL") && r.getString(2).equals("BCMA")), cart::toString);
        assertEquals(0L, table(CuratedTable.DRUGS).where("product IN ('JNJ-68284528', 'CILTA-CEL', 'CILTACABTAGENE"
                + " AUTOLEUCEL', 'KTE-C19', 'AXI-CEL')").count(), "code and generic names are not separate drugs");
        assertTrue(summary.cartReports() > 0);
    }

    @Test
    void plantedPtsFallInTheirGroups() {
        List<String> groups = table(CuratedTable.EVENT_GROUPS).join(table(CuratedTable.EVENTS), "event_key")
                .where("pt = 'Parkinsonism'").select("term_group").as(Encoders.STRING())
                .collectAsList();
        assertEquals(List.of("Parkinsonism and movement/neurocognitive toxicity"), groups);
    }

    /**
     * Curated again with MedDRA, over a copy of the curated lake: the other tests read the lake as curated without it,
     * and copying costs less than curating it back.
     */
    @Test
    void meddraRollUpFollowsThePrimarySocAndRenamesLlts() throws Exception {
        Path meddra = Path.of(CurateTest.class.getResource("/meddra-fixture/mdhier.asc").toURI()).getParent();
        Path conf = Samples.root().resolveSibling("conf");
        Lake meddraLake = new Lake(copy(lake.root(), work.resolve("lake-meddra")));
        CurationSummary withMeddra = CurateJob.fromConf(SharedSpark.session(), meddraLake, conf,
                MeddraHierarchy.in(meddra), null).run();
        assertMeddraRollUp(meddraLake, withMeddra);
    }

    /**
     * Facial paralysis is a lowest-level term under Cranial nerve paralysis in the fixture, as a PT renamed or merged
     * by MedDRA is: its reports count under the current PT, and the HLT and SOC follow its primary path.
     */
    private static void assertMeddraRollUp(Lake meddraLake, CurationSummary withMeddra) {
        assertTrue(withMeddra.renamedPtRows() > 0, "the planted Facial paralysis reports are renamed");
        assertEquals(withMeddra.reports(), summary.reports(), "renaming PTs changes no report");

        List<Row> rolled = table(meddraLake, CuratedTable.EVENT_HIERARCHY)
                .join(table(meddraLake, CuratedTable.EVENTS), "event_key").orderBy("pt").select("pt", "hlt", "soc")
                .collectAsList();
        assertEquals(List.of(
                RowFactory.create("Cranial nerve paralysis", "Fixture HLT cranial nerve disorders",
                        "Fixture SOC nervous system"),
                RowFactory.create("Guillain-Barre syndrome", "Fixture HLT demyelinating neuropathies",
                        "Fixture SOC nervous system"),
                RowFactory.create("Parkinsonism", "Fixture HLT parkinsonism", "Fixture SOC nervous system")), rolled);

        SignalInput bySoc = SignalInput.faers(SharedSpark.session(), meddraLake, SignalInput.DrugLevel.TARGET,
                SignalInput.EventLevel.SOC, SignalInput.Roles.PS, List.of(), null, false);
        SignalInput byPt = SignalInput.faers(SharedSpark.session(), meddraLake, SignalInput.DrugLevel.TARGET,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);
        long soc = PairCounts.of(bySoc, false).where("drug = 'BCMA'").select("a").as(Encoders.LONG()).first();
        List<Long> pts = PairCounts.of(byPt, false).where("drug = 'BCMA' AND event IN ('Parkinsonism',"
                + " 'Cranial nerve paralysis', 'Guillain-Barre syndrome')")
                .select("a").as(Encoders.LONG()).collectAsList();
        assertTrue(soc >= pts.stream().mapToLong(Long::longValue).max().orElseThrow(), "a report counts once");
        assertTrue(soc <= pts.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void faersStrataPartitionTheCountedReports() {
        SignalInput bySexAndAge = SignalInput.faers(SharedSpark.session(), lake, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of("sex", "age_group"), null, false);
        List<String> strata = bySexAndAge.reports().select("stratum").distinct().as(Encoders.STRING())
                .collectAsList();
        assertTrue(strata.stream().allMatch(s -> s.matches("(M|F|UNK)\\|(<18|18-64|65-74|>=75|unknown)")),
                strata::toString);
        Row pair = PairCounts.of(bySexAndAge, true).orderBy(col("a").desc(), col("drug"), col("event")).first();
        List<Row> perStratum = pair.getList(pair.fieldIndex("strata"));
        assertTrue(perStratum.size() > 1, "the most reported pair spans several strata");
        assertTrue(perStratum.stream().mapToLong(s -> s.getLong(s.fieldIndex("n"))).sum() <= pair.getLong(
                pair.fieldIndex("n")), "strata partition the counted reports");
        assertTrue(perStratum.stream().mapToLong(s -> s.getLong(s.fieldIndex("n_drug"))).sum()
                <= pair.getLong(pair.fieldIndex("n_drug")), "a report of the drug is in one stratum at most");
    }

    /**
     * Onset from THER start to event date follows what the generator planted (docs/synthetic-data.md): BCMA
     * parkinsonism 60–120 days, CD19 T-cell lymphoma 150–700 days, CRS within days. FAERS has one event date per
     * report, so a report's events share its onset; medians are robust to that.
     */
    @Test
    void onsetTimesFollowThePlantedDistributions() {
        Map<String, Row> byPair = new HashMap<>();
        for (Row r : OnsetTimes.of(SharedSpark.session(), lake, true).where("drug IN ('BCMA', 'CD19')")
                .collectAsList()) {
            byPair.put(r.getString(0) + "|" + r.getString(1), r);
        }
        assertBetween(60, 120, median(byPair.get("BCMA|Parkinsonism and movement/neurocognitive toxicity")));
        assertBetween(150, 700, median(byPair.get("CD19|T-cell malignancy")));
        assertBetween(0, 15, median(byPair.get("CD19|CRS")));
        Row crs = byPair.get("CD19|CRS");
        assertEquals(crs.getLong(crs.fieldIndex("reports")), crs.getList(crs.fieldIndex("onset_days")).size()
                + crs.getLong(crs.fieldIndex("excluded_partial")) + crs.getLong(crs.fieldIndex("excluded_negative")),
                "every report is an onset or an exclusion");
        assertTrue(crs.getLong(crs.fieldIndex("excluded_partial")) > 0, "partial event dates are excluded");
    }

    /**
     * The Weibull shape test recovers the planted hazards: BCMA parkinsonism and CD19 T-cell malignancy late
     * (WEAR_OUT), CD19 CRS early (EARLY); too few onsets give no fit.
     */
    @Test
    void weibullShapeTestClassifiesThePlantedOnsets() throws Exception {
        Path out = onset();
        Map<String, String[]> rows = new HashMap<>();
        DelimitedLineTokenizer csv = new DelimitedLineTokenizer(",");
        List<String> lines = Files.readAllLines(out.resolve("onset.csv"));
        assertEquals(String.join(",", OnsetJob.COLUMNS), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = csv.tokenize(line).getValues();
            rows.put(f[0] + "|" + f[1], f);
        }
        int hazard = OnsetJob.COLUMNS.indexOf("hazard");
        assertEquals("WEAR_OUT", rows.get("BCMA|Parkinsonism and movement/neurocognitive toxicity")[hazard]);
        assertEquals("WEAR_OUT", rows.get("CD19|T-cell malignancy")[hazard]);
        assertEquals("EARLY", rows.get("CD19|CRS")[hazard]);
        assertEquals("too few onsets for a fit",
                rows.get("CD19|Parkinsonism and movement/neurocognitive toxicity")[OnsetJob.COLUMNS.indexOf("caveat")]);
    }

    /**
     * The onsets compared (two-sample Kolmogorov–Smirnov and Anderson–Darling) find the planted timing: CD19 T-cell
     * malignancy (150–700 days) differs from CD19's other groups (CRS within days) and from the same group under other
     * drugs; CD19 CRS differs from CD19's late groups.
     */
    @Test
    void onsetComparisonsFindThePlantedTiming() throws Exception {
        Path out = onset();
        Map<String, String[]> rows = new HashMap<>();
        DelimitedLineTokenizer csv = new DelimitedLineTokenizer(",");
        List<String> lines = Files.readAllLines(out.resolve("onset.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = csv.tokenize(line).getValues();
            rows.put(f[0] + "|" + f[1], f);
        }
        String[] malignancy = rows.get("CD19|T-cell malignancy");
        double otherEvents = Double.parseDouble(malignancy[OnsetJob.COLUMNS.indexOf("ks_other_events_p")]);
        assertTrue(otherEvents < 1e-3, "CD19 T-cell malignancy against CD19's other groups: p = " + otherEvents);
        assertTrue(Double.parseDouble(malignancy[OnsetJob.COLUMNS.indexOf("ks_other_events_d")]) > 0.5);
        String[] crs = rows.get("CD19|CRS");
        assertTrue(Double.parseDouble(crs[OnsetJob.COLUMNS.indexOf("ks_other_events_p")]) < 1e-3,
                "CD19 CRS against CD19's other groups");
        assertEquals("", rows.get("CD19|Parkinsonism and movement/neurocognitive toxicity")[
                OnsetJob.COLUMNS.indexOf("ks_other_drugs_p")], "fewer than 3 onsets: no test");

        double adOtherEvents = Double.parseDouble(malignancy[OnsetJob.COLUMNS.indexOf("ad_other_events_p")]);
        assertTrue(adOtherEvents < 1e-3, "Anderson–Darling, CD19 T-cell malignancy against CD19's other groups: p = "
                + adOtherEvents);
        // A²akN's mean under H0 is k − 1 = 1: far above it
        assertTrue(Double.parseDouble(malignancy[OnsetJob.COLUMNS.indexOf("ad_other_events_stat")]) > 10);
        // CD19's other groups hold 22 onsets besides CRS's: KS p ≈ 1e-4, A²akN ≈ 4.7, p ≈ 4e-3
        assertTrue(Double.parseDouble(crs[OnsetJob.COLUMNS.indexOf("ad_other_events_p")]) < 0.01,
                "Anderson–Darling, CD19 CRS against CD19's other groups");
        for (String column : List.of("ad_other_drugs_stat", "ad_other_drugs_p")) {
            assertEquals("", rows.get("CD19|Parkinsonism and movement/neurocognitive toxicity")[
                    OnsetJob.COLUMNS.indexOf(column)], "fewer than 3 onsets: no test");
        }
    }

    /**
     * onset_days.csv lists the onsets that onset.csv summarises, one row per report, sorted; the same lake gives the
     * same bytes whatever the number of shuffle partitions (collect_list order follows the partitions).
     */
    @Test
    void onsetDaysAreTheOnsetsThatOnsetCsvCounts() throws Exception {
        Path out = onset();
        DelimitedLineTokenizer csv = new DelimitedLineTokenizer(",");
        List<String> lines = Files.readAllLines(out.resolve("onset_days.csv"));
        assertEquals(String.join(",", OnsetJob.DAY_COLUMNS), lines.get(0));
        List<String[]> onsets = lines.subList(1, lines.size()).stream().map(l -> csv.tokenize(l).getValues())
                .toList();
        Comparator<String[]> order = Comparator.comparing((String[] f) -> f[0]).thenComparing(f -> f[1])
                .thenComparingInt(f -> Integer.parseInt(f[2]));
        assertEquals(onsets.stream().sorted(order).map(List::of).toList(), onsets.stream().map(List::of).toList(),
                "sorted by drug, event, onset_day");
        Map<String, List<Integer>> days = new HashMap<>();
        for (String[] f : onsets) {
            days.computeIfAbsent(f[0] + "|" + f[1], k -> new ArrayList<>()).add(Integer.parseInt(f[2]));
        }

        List<String> summary = Files.readAllLines(out.resolve("onset.csv"));
        long counted = 0;
        int medians = 0;
        for (String line : summary.subList(1, summary.size())) {
            String[] f = csv.tokenize(line).getValues();
            List<Integer> pair = days.getOrDefault(f[0] + "|" + f[1], List.of());
            long n = Long.parseLong(f[OnsetJob.COLUMNS.indexOf("onsets")]);
            assertEquals(n, pair.size(), line);
            counted += n;
            String median = f[OnsetJob.COLUMNS.indexOf("onset_median")];
            if (!median.isEmpty()) {
                assertEquals(Double.parseDouble(median), median(pair), 0, line);
                medians++;
            }
        }
        assertEquals(counted, onsets.size(), "no onset outside onset.csv");
        assertTrue(medians >= 3, "medians compared: " + medians);

        String partitions = SharedSpark.session().conf().get(SHUFFLE_PARTITIONS);
        try {
            SharedSpark.session().conf().set(SHUFFLE_PARTITIONS, "7");
            new OnsetJob(SharedSpark.session()).run(lake, true, work.resolve("onset-days-again"));
        } finally {
            SharedSpark.session().conf().set(SHUFFLE_PARTITIONS, partitions);
        }
        for (String file : List.of("onset.csv", "onset_days.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(file)),
                    Files.readAllBytes(work.resolve("onset-days-again").resolve(file)), file);
        }
    }

    /** The onset job's outputs for the lake, written once for the tests that read them. */
    private static synchronized Path onset() throws IOException {
        if (onsetOut == null) {
            Path out = work.resolve("onset");
            new OnsetJob(SharedSpark.session()).run(lake, true, out);
            onsetOut = out;
        }
        return onsetOut;
    }

    private static double median(Row pair) {
        return median(pair.getList(pair.fieldIndex("onset_days")));
    }

    private static double median(List<Integer> onsets) {
        List<Integer> days = new ArrayList<>(onsets);
        Collections.sort(days);
        int n = days.size();
        return n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
    }

    private static void assertBetween(double low, double high, double value) {
        assertTrue(value >= low && value <= high, value + " not within [" + low + ", " + high + "]");
    }

    private static Dataset<Row> table(CuratedTable name) {
        return table(lake, name);
    }

    private static Dataset<Row> table(Lake lake, CuratedTable name) {
        return SharedSpark.session().read().parquet(lake.curated(name).toString());
    }

    /** Copies the folder {@code from} with everything in it to {@code to}, which must not exist. */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }
}
