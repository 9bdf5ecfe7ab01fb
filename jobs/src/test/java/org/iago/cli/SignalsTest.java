package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.iago.curate.CurateJob;
import org.iago.dictionary.ProductDictionary;
import org.iago.curate.TermGroups;
import org.iago.disproportionality.CaseTable;
import org.iago.disproportionality.CuratedFaers;
import org.iago.disproportionality.DisproportionalityJob;
import org.iago.disproportionality.DriverInput;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.spark.ParquetTable;
import org.iago.stats.SignalThresholds;
import org.iago.stats.mgps.MgpsPrior;
import org.iago.synth.SynthManifest;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

/**
 * The whole disproportionality job on Spark: openEBGM 0.9.1's results on CAERS through the generic case-table path
 * (reference values from reference/statistics.md), byte-identical CSV on a rerun, and the synthetic generator's
 * planted CAR-T signals flagged by every method.
 */
class SignalsTest {

    @TempDir
    static Path work;
    static Lake lake;
    static SignalThresholds thresholds;

    @BeforeAll
    static void ingest() throws IOException {
        lake = new Lake(work.resolve("lake"));
        thresholds = SignalThresholds.load(conf().resolve("iago.yaml"));
        assertEquals(ExitCodes.OK, Cli.run("ingest", "cases", "--input", Samples.caers().toString(), "--lake",
                lake.root().toString(), "--source", "caers", "--id", "id", "--drug", "var1", "--event", "var2")
                .exitCode());
    }

    @Test
    void caersReproducesOpenEbgmAndRerunsByteForByte() throws IOException {
        Path out = work.resolve("caers");
        DisproportionalityJob.Result result = runCaers(out);

        assertEquals(17_189, result.pairs());
        // openEBGM autoHyper on squashed caers: 3.25379356, 0.39988854, 2.02612692, 1.90807970, 0.06534557
        MgpsPrior p = result.prior().fit().prior();
        assertArrayEquals(new double[] {3.25379356, 0.39988854, 2.02612692, 1.90807970, 0.06534557},
                new double[] {p.alpha1(), p.beta1(), p.alpha2(), p.beta2(), p.mixtureFraction()}, 1e-4);
        assertEquals(131L, result.signalsPerMethod().get("signal_ebgm"), "openEBGM: 131 pairs with QUANT_05 >= 2");

        Map<String, Map<String, String>> rows = csv(out.resolve("disproportionality.csv"));
        Map<String, String> reumofan = rows.get("REUMOFAN PLUS|WEIGHT INCREASED");
        assertEquals("16", reumofan.get("a"));
        assertEquals(0.40643623, Double.parseDouble(reumofan.get("expected")), 1e-8);
        // openEBGM prints EBGM 23.26, QUANT_05 15.68, QUANT_95 33.48 (quantBisect to 2 digits; exact 15.6857, 33.4773)
        assertEquals(23.26, Double.parseDouble(reumofan.get("ebgm")), 0.005);
        assertEquals(15.68, Double.parseDouble(reumofan.get("eb05")), 0.008);
        assertEquals(33.48, Double.parseDouble(reumofan.get("eb95")), 0.008);
        Map<String, String> phenylalanine = rows.get("1-PHENYLALANINE|HEART RATE INCREASED");
        assertEquals(27.96, Double.parseDouble(phenylalanine.get("prr")), 0.005);
        assertEquals(2.23, Double.parseDouble(phenylalanine.get("ebgm")), 0.005);
        long ebgmAbove3 = rows.values().stream()
                .filter(r -> Math.round(Double.parseDouble(r.get("ebgm")) * 100) / 100.0 > 3).count();
        assertEquals(556, ebgmAbove3, "openEBGM: 556 pairs with EBGM > 3 (EBGM rounded to 2 digits as it prints)");
        rows.values().forEach(r -> assertTrue(Double.parseDouble(r.get("eb05")) <= Double.parseDouble(r.get("ebgm"))
                && Double.parseDouble(r.get("ebgm")) <= Double.parseDouble(r.get("eb95")), r::toString));

        Path again = work.resolve("caers-again");
        runCaers(again);
        assertArrayEquals(Files.readAllBytes(out.resolve("disproportionality.csv")),
                Files.readAllBytes(again.resolve("disproportionality.csv")), "same input, same bytes");
    }

    @Test
    void plantedCarTSignalsAreFlaggedByEveryMethod() throws IOException {
        SynthManifest manifest = curatedSyntheticFaers();
        Path out = work.resolve("target");
        SignalInput input = SignalInput.faers(SharedSpark.session(), lake, SignalInput.DrugLevel.TARGET,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);
        DisproportionalityJob job = new DisproportionalityJob(SharedSpark.session(), thresholds);
        job.run(input, false, LakePaths.location(out));
        List<String> quarters = SignalInput.quarters(SharedSpark.session(), lake, null);
        job.emergence(input::through, quarters, false, LakePaths.location(out),
                SignalInput.cartDrugs(SharedSpark.session(), lake, SignalInput.DrugLevel.TARGET));

        Map<String, Map<String, String>> rows = csv(out.resolve("disproportionality.csv"));
        Map<String, Map<String, String>> firsts = csv(out.resolve("emergence.csv"), 7);
        List<String> priors = Files.readAllLines(out.resolve("emergence_priors.csv"));
        assertEquals(quarters.size() + 1, priors.size(), "one MGPS prior per quarter");
        priors.subList(1, priors.size()).forEach(line -> assertTrue(line.contains(",true,"), line));
        List<String[]> series = Files.readAllLines(out.resolve("emergence_series.csv")).stream().skip(1)
                .map(line -> line.split(",")).toList();
        assertTrue(series.stream().allMatch(f -> f[1].equals("BCMA") || f[1].equals("CD19")),
                "the CSV twin of the series holds the CAR-T targets only");
        for (SynthManifest.PlantedSignalEntry planted : manifest.plantedSignals()) {
            String pair = planted.target() + "|" + planted.pt();
            assertEquals(quarters.size() - quarters.indexOf(planted.firstQuarter()), series.stream()
                    .filter(f -> f[1].equals(planted.target()) && f[2].equals(planted.pt())).count(),
                    planted.id() + ": one row per quarter from its first on");
            for (String method : List.of("prr", "ror", "ic", "ebgm", "llr")) {
                assertEquals("true", rows.get(pair).get("signal_" + method), planted.id() + " " + method);
                // the LRT's Monte Carlo p is at least 1/(simulations + 1): with 999, no FDR of its can reach 5 %
                // among thousands of pairs (docs/signals.md)
                double fdr = Double.parseDouble(rows.get(pair).get(method + "_fdr"));
                assertTrue(method.equals("llr") || fdr <= 0.05, planted.id() + " " + method + " at 5 % FDR: " + fdr);
                String first = firsts.get(pair).get("first_" + method);
                if (planted.kind().equals("emerging")) {
                    assertEquals(planted.firstQuarter(), first, planted.id() + " emerges when it was planted");
                } else {
                    assertTrue(first.compareTo(planted.firstQuarter()) >= 0, planted.id() + " " + first);
                }
            }
        }
    }

    /**
     * A case table too small for the MGPS hyperparameters to converge: EBGM is left empty and never flags, the other
     * methods stand, and mgps_prior.json says why.
     */
    @Test
    void pairsAreScoredWithoutEbgmWhenNoPriorCanBeFitted() throws IOException {
        Path input = work.resolve("tiny.csv");
        // two pairs, (N, E) = (1, 1) and (2, 2): the starts end at different optima
        Files.writeString(input, "id,drug,event\nr1,DRUG A,NAUSEA\nr2,DRUG A,RASH\nr3,DRUG A,RASH\n");
        assertEquals(ExitCodes.OK, Cli.run("ingest", "cases", "--input", input.toString(), "--lake",
                lake.root().toString(), "--source", "tiny", "--id", "id", "--drug", "drug", "--event", "event")
                .exitCode());
        Path out = work.resolve("tiny");
        DisproportionalityJob.Result result = new DisproportionalityJob(SharedSpark.session(), thresholds)
                .run(SignalInput.cases(SharedSpark.session(), lake, "tiny", List.of()), false,
                        LakePaths.location(out));

        assertEquals(2, result.pairs());
        assertTrue(!result.prior().fitted() && !result.prior().failure().isBlank(), result.prior()::toString);
        assertEquals(0L, result.signalsPerMethod().get("signal_ebgm"));
        Map<String, Map<String, String>> rows = csv(out.resolve("disproportionality.csv"));
        Map<String, String> rash = rows.get("DRUG A|RASH");
        assertEquals("", rash.get("ebgm"));
        assertEquals("", rash.get("eb05"));
        assertEquals("2", rash.get("a"));
        assertTrue(!rash.get("ror").isEmpty() && !rash.get("ic025").isEmpty(), rash::toString);
        String prior = Files.readString(out.resolve("mgps_prior.json"));
        assertTrue(prior.contains("\"fitted\" : false") && prior.contains("\"failure\""), prior);
    }

    /**
     * CAERS (17,189 pairs) is tested and scored on the driver; forced through Spark, the same analysis writes the
     * same bytes: the two paths share every statistic, the event numbering of the tests and their seeds. Read and
     * counted without Spark ({@link CaseTable}), as {@code bin/iago signals} does a case table, it writes the driver
     * path's files, byte for byte.
     */
    @Test
    void theDriverAndSparkPathsWriteTheSameStatistics() throws IOException {
        Path driver = work.resolve("caers-driver");
        Path spark = work.resolve("caers-spark");
        Path withoutSpark = work.resolve("caers-without-spark");
        SignalInput input = SignalInput.cases(SharedSpark.session(), lake, "caers", List.of());
        DisproportionalityJob job = new DisproportionalityJob(SharedSpark.session(), thresholds);
        DisproportionalityJob.Result onDriver = job.run(input, false, LakePaths.location(driver));
        DisproportionalityJob.Result inSpark = job.withDriverPairs(0).run(input, false, LakePaths.location(spark));
        DisproportionalityJob.Result readOnDriver = DisproportionalityJob.runOnDriver(
                CaseTable.read(new Configuration(), lake, "caers", List.of()), thresholds, new Configuration(),
                LakePaths.location(withoutSpark));

        assertEquals(inSpark, onDriver);
        assertEquals(onDriver, readOnDriver);
        assertTrue(onDriver.signalsPerMethod().values().stream().allMatch(n -> n > 0), onDriver::toString);
        for (String file : List.of("disproportionality.csv", "mgps_prior.json")) {
            assertEquals(Files.readString(spark.resolve(file)), Files.readString(driver.resolve(file)), file);
            assertEquals(Files.readString(driver.resolve(file)), Files.readString(withoutSpark.resolve(file)), file);
        }
        assertEquals(parquetRows(spark), parquetRows(driver));
        String part = "disproportionality/" + ParquetTable.FILE;
        assertArrayEquals(Files.readAllBytes(driver.resolve(part)), Files.readAllBytes(withoutSpark.resolve(part)));
    }

    /**
     * With the PRR and EBGM deciding at 5 % FDR, the Spark path (FDRs and the flags they decide added as columns where
     * the rows are read) flags what the driver path flags, and only pairs within the FDR.
     */
    @Test
    void theSparkPathDecidesByFdrAsTheDriverDoes() throws IOException {
        SignalThresholds byFdr = new SignalThresholds(thresholds.prr(), thresholds.ror(), thresholds.ic(),
                thresholds.ebgm(), thresholds.llr(), new SignalThresholds.Fdr(0.05, null, null, 0.05, null));
        Path driver = work.resolve("caers-fdr-driver");
        Path spark = work.resolve("caers-fdr-spark");
        SignalInput input = SignalInput.cases(SharedSpark.session(), lake, "caers", List.of());
        DisproportionalityJob job = new DisproportionalityJob(SharedSpark.session(), byFdr);
        DisproportionalityJob.Result onDriver = job.run(input, false, LakePaths.location(driver));
        DisproportionalityJob.Result inSpark = job.withDriverPairs(0).run(input, false, LakePaths.location(spark));

        assertEquals(onDriver, inSpark);
        assertEquals(Files.readString(driver.resolve("disproportionality.csv")),
                Files.readString(spark.resolve("disproportionality.csv")));
        for (String method : List.of("prr", "ebgm")) {
            List<Map<String, String>> flagged = csv(spark.resolve("disproportionality.csv")).values().stream()
                    .filter(r -> r.get("signal_" + method).equals("true")).toList();
            assertFalse(flagged.isEmpty(), method);
            flagged.forEach(r -> assertTrue(Double.parseDouble(r.get(method + "_fdr")) <= 0.05, r::toString));
        }
    }

    /**
     * A stratified case table with repeated ids, a report in two strata, unknown stratum values, ids sharing names
     * and a name differing only by case: counted and written without Spark, the same CSV as {@link SignalInput#cases}
     * counted by Spark.
     */
    @Test
    void aStratifiedCaseTableReadWithoutSparkCountsAsSparkDoes() throws IOException {
        StringBuilder lines = new StringBuilder("id,drug,event,sex,age_group\n");
        String[] drugs = {"ALPHA", "BETA", "GAMMA", "alpha", "DELTA"};
        String[] events = {"NAUSEA", "RASH", "CRS", "ICANS", "FEVER", "rash"};
        String[] sexes = {"F", "M", ""};
        String[] ages = {"18-64", "65+", ""};
        for (int i = 0; i < 400; i++) {
            String id = "c" + (i % 170);      // most ids have two or three rows, sometimes in other strata
            lines.append(id).append(',').append(drugs[(i * 7) % drugs.length]).append(',')
                    .append(events[(i * 11 + i / 5) % events.length]).append(',')
                    .append(sexes[(i / 3) % sexes.length]).append(',').append(ages[(i * 5) % ages.length])
                    .append('\n');
        }
        Path input = work.resolve("strata.csv");
        Files.writeString(input, lines);
        assertEquals(ExitCodes.OK, Cli.run("ingest", "cases", "--input", input.toString(), "--lake",
                lake.root().toString(), "--source", "strata", "--id", "id", "--drug", "drug", "--event", "event",
                "--strata", "sex,age_group").exitCode());
        List<String> strata = List.of("sex", "AGE_GROUP");
        Path spark = work.resolve("strata-spark");
        Path withoutSpark = work.resolve("strata-without-spark");
        new DisproportionalityJob(SharedSpark.session(), thresholds)
                .run(SignalInput.cases(SharedSpark.session(), lake, "strata", strata), true,
                        LakePaths.location(spark));
        DriverInput table = CaseTable.read(new Configuration(), lake, "strata", strata);
        DisproportionalityJob.runOnDriver(table, thresholds, new Configuration(), LakePaths.location(withoutSpark));

        assertEquals(170, table.reports().size());
        assertTrue(table.stratified());
        assertEquals(Files.readString(spark.resolve("disproportionality.csv")),
                Files.readString(withoutSpark.resolve("disproportionality.csv")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> CaseTable.read(new Configuration(), lake, "strata", List.of("weight")));
        assertTrue(unknown.getMessage().contains("no stratum column 'weight'"), unknown.getMessage());
        assertThrows(FileNotFoundException.class,
                () -> CaseTable.read(new Configuration(), lake, "nosuch", List.of()));
    }

    /**
     * Curated FAERS counted on the driver ({@link CuratedFaers}) gives the files of Spark's counting, byte for byte,
     * whatever the drug and event level, the roles, the strata, the CAR-T background and the last quarter, with the
     * emergence series.
     */
    @Test
    void curatedFaersCountedOnTheDriverWritesWhatSparkWrites() throws IOException {
        SynthManifest manifest = curatedSyntheticFaers();
        List<String> quarters = manifest.quarters().stream().map(SynthManifest.QuarterEntry::quarter).toList();
        List<DisproportionalityJob.FaersAnalysis> analyses = List.of(
                new DisproportionalityJob.FaersAnalysis(lake, SignalInput.DrugLevel.TARGET, SignalInput.EventLevel.PT,
                        SignalInput.Roles.PS, List.of(), null, false, true, true),
                new DisproportionalityJob.FaersAnalysis(lake, SignalInput.DrugLevel.INGREDIENT,
                        SignalInput.EventLevel.GROUP, SignalInput.Roles.SUSPECT, List.of("age_group", "SEX", "year"),
                        null, false, false, true),
                new DisproportionalityJob.FaersAnalysis(lake, SignalInput.DrugLevel.PRODUCT, SignalInput.EventLevel.PT,
                        SignalInput.Roles.ALL, List.of(), quarters.get(quarters.size() - 2), true, true, true));
        Configuration hadoop = new Configuration();
        assertTrue(CuratedFaers.fits(hadoop, lake, List.of("age_group", "sex", "year")));
        assertTrue(!CuratedFaers.fits(hadoop, lake, List.of("reporter_country")), "a stratum read only by Spark");
        for (int i = 0; i < analyses.size(); i++) {
            DisproportionalityJob.FaersAnalysis analysis = analyses.get(i);
            Path spark = work.resolve("faers-spark-" + i);
            Path driver = work.resolve("faers-driver-" + i);
            DisproportionalityJob.Result inSpark = DisproportionalityJob.runFaers(analysis, thresholds, false,
                    SharedSpark::session, hadoop, LakePaths.location(spark));
            DisproportionalityJob.Result onDriver = DisproportionalityJob.runFaers(analysis, thresholds, true,
                    SharedSpark::session, hadoop, LakePaths.location(driver));

            assertEquals(inSpark, onDriver, analysis::toString);
            assertTrue(onDriver.pairs() > 0, analysis::toString);
            List<String> files = new ArrayList<>(List.of("disproportionality.csv", "mgps_prior.json",
                    "disproportionality/" + ParquetTable.FILE, "priority.csv"));
            if (analysis.byQuarter()) {
                files.addAll(List.of("emergence.csv", "emergence_series.csv", "emergence_priors.csv"));
            }
            for (String file : files) {
                assertArrayEquals(Files.readAllBytes(spark.resolve(file)), Files.readAllBytes(driver.resolve(file)),
                        analysis + ": " + file);
            }
        }
    }

    /** The synthetic FAERS sample ingested and curated into the shared lake, once. */
    private static synchronized SynthManifest curatedSyntheticFaers() throws IOException {
        Path synthetic = Samples.root().resolve("faers/synthetic");
        SynthManifest manifest = SynthManifest.read(synthetic.resolve(SynthManifest.FILE_NAME));
        if (!Files.isDirectory(lake.curated(CuratedTable.REPORTS))) {
            for (SynthManifest.QuarterEntry q : manifest.quarters()) {
                Cli.run("ingest", "faers", "--input", synthetic.resolve("faers_ascii_"
                        + q.quarter().toLowerCase(Locale.ROOT) + ".zip").toString(), "--lake", lake.root().toString());
            }
            new CurateJob(SharedSpark.session(), lake, ProductDictionary.load(conf().resolve("products.yaml")),
                    TermGroups.load(conf().resolve("term-groups.yaml"))).run();
        }
        return manifest;
    }

    private static List<String> parquetRows(Path out) {
        return SharedSpark.session().read().parquet(out.resolve("disproportionality").toString())
                .orderBy("drug", "event").collectAsList().stream().map(Object::toString).toList();
    }

    private static DisproportionalityJob.Result runCaers(Path out) throws IOException {
        return new DisproportionalityJob(SharedSpark.session(), thresholds)
                .run(SignalInput.cases(SharedSpark.session(), lake, "caers", List.of()), false,
                        LakePaths.location(out));
    }

    /** The disproportionality CSV, whose header must be the documented columns in their order. */
    private static Map<String, Map<String, String>> csv(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            assertEquals(String.join(",", DisproportionalityJob.COLUMNS), lines.findFirst().orElseThrow());
        }
        return csv(file, DisproportionalityJob.COLUMNS.size());
    }

    /** Rows keyed by "drug|event", parsed as RFC 4180 (CAERS names contain commas and are quoted). */
    private static Map<String, Map<String, String>> csv(Path file, int columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        assertEquals(columns, header.length, file::toString);
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(",");
        tokenizer.setStrict(false);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = tokenizer.tokenize(line).getValues();
            assertEquals(header.length, f.length, line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            rows.put(f[0] + "|" + f[1], row);
        }
        return rows;
    }

    private static Path conf() {
        return Samples.root().resolveSibling("conf");
    }
}
