package org.iago.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iago.curate.CurateJob;
import org.iago.curate.CurationRules;
import org.iago.curate.CurationSummary;
import org.iago.lake.CuratedTable;
import org.iago.vocabulary.Names;
import org.iago.disproportionality.PairCounts;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.spark.ParquetOutput;
import org.iago.synth.SynthManifest;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curation of a synthetic lake with planted cross-caseid duplicates, near-misses and drug-name variants
 * ({@code synth faers --duplicates --name-variants}): every planted pair is merged, keeping the report the manifest
 * names, no near-miss is, every variant spelling gets its ingredient, and the duplicate rule changes the pair counts by
 * exactly the reports it drops.
 */
class CuratePlantedDuplicatesTest {

    private static final int PAIRS_PER_QUARTER = 10;

    @TempDir
    static Path work;
    static Lake lake;
    static Path conf;
    static SynthManifest manifest;
    static CurationSummary withRule;
    static List<Row> duplicates;
    static Map<String, Long> countsWithRule;
    static CurationSummary withoutRule;
    static Map<String, Long> countsWithoutRule;
    static Map<String, Long> countsInDropped;

    @BeforeAll
    static void synthIngestAndCurateTwice() throws IOException {
        Path synth = work.resolve("synth");
        lake = new Lake(work.resolve("lake"));
        conf = Samples.root().resolveSibling("conf");
        Cli.run("synth", "faers", "--out", synth.toString(), "--quarters", "2024Q1..2024Q2", "--reports-per-quarter",
                "2000", "--seed", "7", "--duplicates", Integer.toString(PAIRS_PER_QUARTER), "--name-variants");
        manifest = SynthManifest.read(synth.resolve(SynthManifest.FILE_NAME));
        for (String quarter : List.of("2024Q1", "2024Q2")) {
            Cli.run("ingest", "faers", "--input", synth.resolve("faers_ascii_" + quarter).toString(), "--lake",
                    lake.root().toString());
        }
        SparkSession spark = SharedSpark.session();
        withRule = CurateJob.fromConf(spark, lake, conf, null, null).run();
        duplicates = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.DUPLICATES)).collectAsList();
        countsWithRule = pairCounts();
        withoutRule = CurateJob.fromConf(spark, lake, conf, null, CurationRules.DuplicateRule.none()).run();
        countsWithoutRule = pairCounts();
        countsInDropped = pairsOf(duplicates.stream().map(r -> Long.parseLong(r.getAs("dropped_caseid"))).toList());
    }

    @Test
    void everyPlantedPairIsMergedAndNoNearMiss() {
        Map<Integer, Integer> planted = new TreeMap<>();
        for (SynthManifest.ExactPair p : manifest.duplicates().exactPairs()) {
            planted.put(p.droppedCaseid(), p.keptCaseid());
        }
        assertEquals(2 * PAIRS_PER_QUARTER, planted.size());
        Map<Integer, Integer> merged = new TreeMap<>();
        for (Row r : duplicates) {
            merged.put(Integer.parseInt(r.getAs("dropped_caseid")), Integer.parseInt(r.getAs("kept_caseid")));
            assertEquals("demographic-clinical", r.getAs("rule"));
            assertEquals("", r.getAs("missing_fields"));
        }
        assertEquals(planted, merged, "exactly the planted pairs, each keeping the report the manifest names");
        for (SynthManifest.NearMiss m : manifest.duplicates().nearMisses()) {
            assertTrue(!merged.containsKey(m.copyCaseid()) && !merged.containsKey(m.originalCaseid()), m::toString);
        }
        assertEquals(withoutRule.reports() - planted.size(), withRule.reports());
        assertEquals(planted.size(), withRule.duplicateReports());
    }

    @Test
    void everyVariantSpellingGetsItsIngredient() {
        Map<String, String> byName = new HashMap<>();
        for (Row r : ParquetOutput.read(SharedSpark.session(), lake.curatedLocation(CuratedTable.DRUG_NAMES))
                .where(col("prod_ai").equalTo("")).collectAsList()) {
            byName.put(r.getAs("drugname"), r.getAs("ingredient"));
        }
        int checked = 0;
        for (SynthManifest.NameVariantEntry v : manifest.nameVariants()) {
            String ingredient = byName.get(Names.normalise(v.spelling()));
            if (v.rowsWithoutProdAi() > 0 && ingredient != null) {
                assertEquals(v.ingredient(), ingredient, v::toString);
                checked++;
            }
        }
        assertTrue(checked >= manifest.nameVariants().size() / 2, checked + " of " + manifest.nameVariants().size());
    }

    /**
     * Dropping a duplicate lowers the count of each of its (PS product, PT) pairs by one and changes nothing else:
     * the pairs of the planted copies and only those.
     */
    @Test
    void theRuleChangesTheCountsOfTheDroppedReportsPairsOnly() {
        Map<String, Long> expected = new TreeMap<>(countsWithoutRule);
        countsInDropped.forEach((pair, n) -> expected.merge(pair, -n, Long::sum));
        expected.values().removeIf(n -> n == 0);
        assertEquals(expected, new TreeMap<>(countsWithRule));
        assertTrue(!countsInDropped.isEmpty(), "some counts changed");
    }

    /** a of every (PS product, PT) pair of the curated lake. */
    private static Map<String, Long> pairCounts() {
        SignalInput input = SignalInput.faers(SharedSpark.session(), lake, SignalInput.DrugLevel.PRODUCT,
                SignalInput.EventLevel.PT, SignalInput.Roles.PS, List.of(), null, false);
        Map<String, Long> counts = new HashMap<>();
        for (Row r : PairCounts.of(input, false).select("drug", "event", "a").collectAsList()) {
            counts.put(r.getString(0) + " | " + r.getString(1), r.getLong(2));
        }
        return counts;
    }

    /** The (PS product, PT) pairs of the given reports in the curated lake, with how many of them hold each. */
    private static Map<String, Long> pairsOf(List<Long> reportIds) {
        SparkSession spark = SharedSpark.session();
        Dataset<Row> reports = ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.REPORTS))
                .where(col("report_id").isin(reportIds.toArray()))
                .select(col("report_id"), explode(col(CuratedTable.drugKeys("PS"))).as("drug_key"),
                        col(CuratedTable.EVENT_KEYS))
                .select(col("report_id"), col("drug_key"), explode(col(CuratedTable.EVENT_KEYS)).as("event_key"));
        Map<String, Long> pairs = new HashMap<>();
        for (Row r : reports.join(ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.DRUGS)), "drug_key")
                .join(ParquetOutput.read(spark, lake.curatedLocation(CuratedTable.EVENTS)), "event_key")
                .groupBy("product", "pt").count().collectAsList()) {
            pairs.put(r.getString(0) + " | " + r.getString(1), r.getLong(2));
        }
        return pairs;
    }
}
