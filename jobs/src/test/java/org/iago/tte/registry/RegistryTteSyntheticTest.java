package org.iago.tte.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.iago.cli.Cli;
import org.iago.lake.Lake;
import org.iago.lake.LakePaths;
import org.iago.synth.registry.RegistrySynthSpec;
import org.iago.synth.registry.RegistrySynthesizer;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole registry path on a synthetic extract of 5,000 patients whose hazards are known (manifest.json of
 * {@code synth registry}): generate, ingest, analyse, and find the planted hazards again.
 */
class RegistryTteSyntheticTest {

    @TempDir
    static Path work;

    private static Path tte;

    @BeforeAll
    static void analyseASyntheticRegistry() throws Exception {
        Path extract = work.resolve("extract");
        new RegistrySynthesizer(new RegistrySynthSpec(extract, 5_000, 11, false)).write();
        Lake lake = new Lake(work.resolve("lake"));
        Cli ingest = Cli.run("ingest", "registry", "--input", extract.toString(), "--lake", lake.root().toString(),
                "--conf", Samples.root().resolveSibling("conf").toString());
        assertEquals(0, ingest.exitCode(), ingest::toString);
        RegistryTteSummary summary = new RegistryTteJob(SharedSpark.session()).run(lake,
                LakePaths.location(work.resolve("out")), RegistryTteOptions.defaults());
        assertEquals(5_000, summary.patients());
        assertTrue(summary.windowsAddUp(), "every at-risk patient-day in exactly one window");
        tte = work.resolve("out").resolve(RegistryTteJob.FOLDER);
    }

    @Test
    void bcmaParkinsonismIsLateAndCrsEarly() throws Exception {
        try (DuckLake duck = new DuckLake()) {
            Map<String, Object> parkinsonism = row(duck, "onset", "event = 'PARKINSONISM' AND group_by = 'target'"
                    + " AND \"group\" = 'BCMA'");
            double median = ((Number) parkinsonism.get("onset_median")).doubleValue();
            assertTrue(median >= 60 && median <= 120, "months 2-4: " + parkinsonism);
            assertEquals("WEAR_OUT", parkinsonism.get("hazard"));
            assertEquals(0L, ((Number) duck.single("SELECT coalesce(sum(onsets), 0) FROM " + table("onset")
                    + " WHERE event = 'PARKINSONISM' AND group_by = 'target' AND \"group\" = 'CD19'")).longValue(),
                    "planted in BCMA products only");
            Map<String, Object> crs = row(duck, "onset", "event = 'CRS' AND group_by = 'all'");
            assertTrue(((Number) crs.get("onset_median")).doubleValue() <= 7, crs::toString);
            Map<String, Object> tcell = row(duck, "cumulative_incidence_summary",
                    "event = 'T_CELL_MALIGNANCY' AND group_by = 'all'");
            assertEquals(0.0, ((Number) tcell.get("cif_100d")).doubleValue(), "rare and late: " + tcell);
            assertTrue(((Number) tcell.get("events")).longValue() < 50, tcell::toString);
        }
    }

    @Test
    void infectionsAreDenserInTheFirstMonthAndProphylaxisHelps() throws Exception {
        try (DuckLake duck = new DuckLake()) {
            String all = "event = 'INFECTION' AND dimension = 'all' AND group_by = 'all' AND \"window\" = ";
            Map<String, Object> early = row(duck, "incidence_rates", all + "'0-30'");
            Map<String, Object> middle = row(duck, "incidence_rates", all + "'31-100'");
            Map<String, Object> late = row(duck, "incidence_rates", all + "'>100'");
            assertTrue(((Number) early.get("lower")).doubleValue() > ((Number) middle.get("upper")).doubleValue(),
                    early + " vs " + middle);
            assertTrue(((Number) middle.get("rate")).doubleValue() > ((Number) late.get("rate")).doubleValue());
            Map<String, Object> prophylaxis = row(duck, "rate_ratios", "comparison LIKE '%antibacterial%'"
                    + " AND group_by = 'all' AND \"window\" = 'stratified'");
            assertTrue(((Number) prophylaxis.get("upper")).doubleValue() < 1, "planted 0.5: " + prophylaxis);
            Map<String, Object> ivig = row(duck, "rate_ratios", "comparison LIKE '%ivig%' AND group_by = 'all'"
                    + " AND \"window\" = 'stratified'");
            assertTrue(((Number) ivig.get("rate_ratio")).doubleValue() < 1, "planted 0.6: " + ivig);
        }
    }

    @Test
    void rederivedGradesAgreeWithTheRecordedOnesAsOftenAsPlanted() throws Exception {
        try (DuckLake duck = new DuckLake()) {
            Map<String, Object> crs = row(duck, "grading_agreement", "category = 'CRS'"
                    + " AND recorded_system = 'ASTCT'");
            double agreement = ((Number) crs.get("percent_exact_agreement")).doubleValue();
            assertTrue(agreement > 75 && agreement < 95, "about 85% planted: " + crs);
            assertTrue(((Number) crs.get("kappa_lower")).doubleValue() > 0.5, crs::toString);
            assertTrue(((Number) crs.get("quadratic_kappa")).doubleValue()
                    > ((Number) crs.get("kappa")).doubleValue(), "disagreements are one grade apart: " + crs);
            assertTrue(((Number) duck.single("SELECT count(*) FROM " + table("grade_distribution")
                    + " WHERE category = 'ICAHT_EARLY' AND derived_grade IS NOT NULL")).longValue() >= 4);
        }
    }

    private static Map<String, Object> row(DuckLake duck, String table, String where) throws Exception {
        var rows = duck.rows("SELECT * FROM " + table(table) + " WHERE " + where);
        assertEquals(1, rows.size(), table + " WHERE " + where + ": " + rows);
        return rows.get(0);
    }

    private static String table(String name) {
        return DuckLake.parquet(tte.resolve(name));
    }
}
