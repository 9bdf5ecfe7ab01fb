package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.iago.disproportionality.PairCounts;
import org.iago.disproportionality.SignalInput;
import org.iago.lake.Lake;
import org.iago.stats.ExpectedCount;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distinct-report counts and expected counts, unstratified and stratified by strat1 × strat2, against openEBGM 0.9.1 on
 * its vignette 2 toy table (reference/openebgm/PROVENANCE.md), through the generic case-table path.
 */
class PairCountsTest {

    @TempDir
    static Path work;
    static Lake lake;
    static Map<String, double[]> expected = new HashMap<>();

    @BeforeAll
    static void ingestToy() throws IOException {
        Path input = work.resolve("toy.csv");
        Files.copy(reference("openebgm_vignette02_toy_input.csv"), input);
        lake = new Lake(work.resolve("lake"));
        assertEquals(ExitCodes.OK, Cli.run("ingest", "cases", "--input", input.toString(), "--lake",
                lake.root().toString(), "--source", "toy", "--id", "id", "--drug", "var1", "--event", "var2",
                "--strata", "strat1,strat2").exitCode());
        List<String> lines = Files.readAllLines(reference("openebgm_vignette02_toy_expected.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\"", "").split(",");
            expected.put(f[6].startsWith("stratified") + " " + f[0] + " " + f[1],
                    new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countsAndExpectedMatchOpenEbgm(boolean stratified) {
        SignalInput input = SignalInput.cases(SharedSpark.session(), lake, "toy",
                stratified ? List.of("strat1", "strat2") : List.of());
        List<Row> rows = PairCounts.of(input, stratified).orderBy("drug", "event").collectAsList();

        assertEquals(5, rows.size(), "pairs with at least one report");
        for (Row r : rows) {
            double[] reference = expected.get(stratified + " " + r.getAs("drug") + " " + r.getAs("event"));
            assertEquals((long) reference[0], (long) r.getAs("a"));
            assertEquals(17L, (long) r.getAs("n"));
            double e = stratified ? stratifiedE(r.getList(r.fieldIndex("strata")))
                    : ExpectedCount.unstratified(r.getAs("n_drug"), r.getAs("n_event"), r.getAs("n"));
            assertEquals(reference[1], e, 1e-12 * reference[1], r::toString);
        }
    }

    private static double stratifiedE(List<Row> strata) {
        long[] nDrug = strata.stream().mapToLong(s -> s.getAs("n_drug")).toArray();
        long[] nEvent = strata.stream().mapToLong(s -> s.getAs("n_event")).toArray();
        long[] n = strata.stream().mapToLong(s -> s.getAs("n")).toArray();
        return ExpectedCount.stratified(nDrug, nEvent, n);
    }

    private static Path reference(String name) {
        try {
            return Path.of(PairCountsTest.class.getResource("/reference/openebgm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
