package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.iago.csv.CsvTable;
import org.iago.curate.CurateJob;
import org.iago.disproportionality.ComparatorTable;
import org.iago.lake.CuratedTable;
import org.iago.lake.Lake;
import org.iago.spark.ParquetOutput;
import org.iago.stats.ReportingOddsRatio;
import org.iago.stats.TwoByTwo;
import org.iago.synth.SynthManifest;
import org.iago.testing.SharedSpark;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a synthetic lake: {@code iago synth faers} plants confounding by indication (background cases whose
 * primary suspect is given for myeloma, CLL or DLBCL report Hypogammaglobulinaemia, recorded in its manifest); curation
 * with the shipped {@code conf/} keeps the primary suspects' indication groups; {@code iago signals --comparator
 * all,cart,indication --subgroup adults,sex} writes {@code comparators.csv}, where CD19's ROR for the planted PT is
 * lower against the indication-matched comparator than against all drugs, with intervals apart. The whole-database row
 * of every pair is the pair's row of {@code disproportionality.csv}; every ROR is the statistic's on the row's cells.
 */
class ComparatorSignalsTest {

    @TempDir
    Path work;

    @Test
    void theIndicationMatchedComparatorLowersTheRorOfThePlantedConfounder() throws Exception {
        SyntheticFaersLake synthetic = SyntheticFaersLake.ingested(work);
        SynthManifest.PlantedConfoundingEntry planted = synthetic.manifest().plantedConfounding();
        assertEquals("Hypogammaglobulinaemia", planted.pt());
        Lake lake = synthetic.lake();
        // the whole conf/, for its indication groups
        CurateJob.fromConf(SharedSpark.session(), lake, SyntheticFaersLake.CONF, null, null).run();
        Set<String> groups = ParquetOutput.read(SharedSpark.session(), lake.curatedLocation(
                CuratedTable.REPORT_INDICATIONS)).select("indication_group").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).collect(Collectors.toSet());
        assertEquals(Set.of("Lymphoma", "Leukaemia", "Myeloma"), groups);

        Path out = work.resolve("out");
        Cli run = synthetic.signals(out, "--comparator", "all,cart,indication", "--subgroup", "adults,sex");
        assertTrue(run.toString().contains("comparators and subgroups:"), run::toString);

        CsvTable table = CsvTable.read(out.resolve(RunLayout.COMPARATORS_CSV));
        assertEquals(ComparatorTable.COLUMNS, table.columns());
        CsvTable.Row all = row(table, "CD19", planted.pt(), "all", "all");
        CsvTable.Row matched = row(table, "CD19", planted.pt(), "indication", "all");
        assertEquals(all.get("a"), matched.get("a"), "the drug's own reports are the same against every comparator");
        assertTrue(matched.number("ror_upper") < all.number("ror_lower"),
                "indication-matched " + matched.fields() + " below all drugs " + all.fields());
        // Fusaroli's third reference group, and the subgroups, are there too
        row(table, "CD19", planted.pt(), "indication", "adults");
        row(table, "CD19", planted.pt(), "all", "sex=F");

        CsvTable signals = CsvTable.read(out.resolve(RunLayout.SIGNAL_CSV));
        int compared = 0;
        for (CsvTable.Row r : table.where(r -> r.get("comparator").equals("all") && r.get("subgroup").equals("all"))) {
            CsvTable.Row main = signals.where(s -> s.get("drug").equals(r.get("drug"))
                    && s.get("event").equals(r.get("event"))).get(0);
            for (String cell : List.of("a", "b", "c", "d")) {
                assertEquals(main.get(cell), r.get(cell), r.fields() + " vs " + main.fields());
            }
            compared++;
        }
        assertTrue(compared > 20, "every CAR-T pair: " + compared);
        for (CsvTable.Row r : table.rows()) {
            TwoByTwo cells = new TwoByTwo(whole(r, "a"), whole(r, "b"), whole(r, "c"), whole(r, "d"));
            ReportingOddsRatio.Result ror = ReportingOddsRatio.withDefaults().compute(cells);
            assertEquals(ror.ror(), r.number("ror"), 0, r.fields().toString());
            assertEquals(ror.lower(), r.number("ror_lower"), 0, r.fields().toString());
        }
        assertFalse(table.where(r -> r.get("drug").equals("BCMA")).isEmpty());
    }

    private static CsvTable.Row row(CsvTable table, String drug, String event, String comparator, String subgroup) {
        List<CsvTable.Row> rows = table.where(r -> r.get("drug").equals(drug) && r.get("event").equals(event)
                && r.get("comparator").equals(comparator) && r.get("subgroup").equals(subgroup));
        assertEquals(1, rows.size(), drug + " × " + event + " / " + comparator + " / " + subgroup);
        return rows.get(0);
    }

    private static long whole(CsvTable.Row row, String column) {
        return Long.parseLong(row.get(column));
    }
}
