package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iago.csv.CsvTable;
import org.iago.disproportionality.InteractionTable;
import org.iago.stats.InteractionShrinkage;
import org.iago.synth.SynthManifest;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a synthetic lake: {@code iago synth faers} plants CD19 × dexamethasone raising "Blood glucose
 * increased" (recorded in its manifest), and {@code iago signals} with the shipped rules file finds it in
 * {@code interaction.csv} (Ω025 &gt; 0, at least 3 reports) while CD19 × tocilizumab and BCMA × corticosteroids on the
 * same PT are not flagged. The CSV has the vocabulary's columns, read strictly, every row as the statistic computes it.
 */
class InteractionSignalsTest {

    @TempDir
    Path work;

    @Test
    void theSignalsCommandWritesOmegaOfTheConfiguredPairs() throws Exception {
        SyntheticFaersLake lake = SyntheticFaersLake.ingested(work);
        SynthManifest.PlantedInteractionEntry planted = lake.manifest().plantedInteraction();
        assertEquals("CD19", planted.target());
        assertEquals("DEXAMETHASONE", planted.concomitant());
        lake.curate();
        Path out = work.resolve("out");
        Cli run = lake.signals(out, "--interactions");
        assertTrue(run.toString().contains("drug-drug interactions:"), run::toString);

        CsvTable table = CsvTable.read(out.resolve(RunLayout.INTERACTION_CSV));
        assertEquals(InteractionTable.COLUMNS, table.columns());
        CsvTable.Row found = row(table, "CD19", "corticosteroids", planted.pt());
        assertTrue(found.number("omega025") > 0 && whole(found, "n111") >= 3, found.fields().toString());
        assertEquals("true", found.get("signal_omega"));
        for (String[] other : new String[][] {{"CD19", "tocilizumab"}, {"BCMA", "corticosteroids"}}) {
            List<CsvTable.Row> rows = table.where(r -> r.get("cart_drug").equals(other[0])
                    && r.get("concomitant").equals(other[1]) && r.get("event").equals(planted.pt()));
            assertTrue(rows.isEmpty() || rows.get(0).get("signal_omega").equals("false"),
                    String.join(" × ", other) + " is not planted: " + rows);
        }
        for (CsvTable.Row r : table.rows()) {
            InteractionShrinkage.Counts counts = new InteractionShrinkage.Counts(whole(r, "n111"), whole(r, "n11"),
                    whole(r, "n101"), whole(r, "n10"), whole(r, "n011"), whole(r, "n01"), whole(r, "n001"),
                    whole(r, "n00"));
            assertTrue(counts.n111() >= 1, "only events reported with both drugs");
            InteractionShrinkage.Result omega = InteractionShrinkage.withDefaults().compute(counts);
            assertEquals(omega.omega025(), r.number("omega025"), 0, r.fields().toString());
            assertEquals(String.valueOf(InteractionShrinkage.withDefaults().signal(counts.n111(), omega)),
                    r.get("signal_omega"));
        }
    }

    private static CsvTable.Row row(CsvTable table, String cart, String concomitant, String event) {
        List<CsvTable.Row> rows = table.where(r -> r.get("cart_drug").equals(cart)
                && r.get("concomitant").equals(concomitant) && r.get("event").equals(event));
        assertEquals(1, rows.size(), cart + " × " + concomitant + " × " + event);
        return rows.get(0);
    }

    private static long whole(CsvTable.Row row, String column) {
        return Long.parseLong(row.get(column));
    }
}
