package org.iago.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.iago.cli.Cli;
import org.iago.cli.ExitCodes;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small lake is curated with {@link org.iago.spark.IagoSpark#SMALL_INPUT} (one shuffle partition, no adaptive
 * execution, expressions interpreted rather than compiled): every curated table holds the same rows as when the same
 * lake is curated with the session's settings, as a large lake is, and the summary is the same. Only the order of
 * rows may differ.
 */
class SmallInputCurationTest {

    @TempDir
    Path work;

    @Test
    void smallInputSettingsGiveTheSameTablesAsTheSessionSettings() throws IOException {
        Path synthetic = work.resolve("synthetic");
        assertEquals(ExitCodes.OK, Cli.run("synth", "faers", "--out", synthetic.toString(), "--quarters",
                "2024Q1..2024Q2", "--reports-per-quarter", "500", "--seed", "5", "--duplicates", "10", "--zip")
                .exitCode());
        Lake lake = new Lake(work.resolve("lake"));
        for (String quarter : List.of("2024q1", "2024q2")) {
            assertEquals(ExitCodes.OK, Cli.run("ingest", "faers", "--input",
                    synthetic.resolve("faers_ascii_" + quarter + ".zip").toString(), "--lake",
                    lake.root().toString()).exitCode());
        }
        Path conf = Samples.root().resolveSibling("conf");
        CurateJob job = CurateJob.fromConf(SharedSpark.session(), lake, conf, null, null);

        CurationSummary small = job.run(true);
        Map<CuratedTable, List<String>> smallTables = tables(lake);
        String smallSummary = Files.readString(lake.curated(CuratedTable.SUMMARY));
        CurationSummary session = job.run(false);

        assertEquals(small, session);
        assertEquals(smallSummary, Files.readString(lake.curated(CuratedTable.SUMMARY)));
        assertTrue(small.duplicateReports() > 0, "the duplicate rule merged reports: its expressions ran");
        Map<CuratedTable, List<String>> sessionTables = tables(lake);
        assertEquals(smallTables.keySet(), sessionTables.keySet());
        smallTables.forEach((table, rows) -> {
            assertTrue(!rows.isEmpty() || table == CuratedTable.DUPLICATES, table + " is empty");
            assertEquals(rows, sessionTables.get(table), table.toString());
        });
    }

    /** Every curated Parquet table's rows as text, sorted: the same rows in any order compare equal. */
    private static Map<CuratedTable, List<String>> tables(Lake lake) {
        Map<CuratedTable, List<String>> tables = new EnumMap<>(CuratedTable.class);
        for (CuratedTable table : CuratedTable.values()) {
            Path folder = lake.curated(table);
            if (Files.isDirectory(folder)) {
                tables.put(table, SharedSpark.session().read().parquet(folder.toString()).collectAsList().stream()
                        .map(Row::toString).sorted().toList());
            }
        }
        return tables;
    }
}
