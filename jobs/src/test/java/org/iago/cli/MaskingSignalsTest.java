package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iago.csv.CsvTable;
import org.iago.disproportionality.MaskingTable;
import org.iago.stats.MaskingRatio;
import org.iago.stats.TwoByTwo;
import org.iago.synth.SynthManifest;
import org.iago.vocabulary.MaskingColumn;
import org.iago.vocabulary.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a synthetic lake: {@code iago synth faers} plants "Progressive multifocal leukoencephalopathy" under
 * CD19 CAR-T, masked by adalimumab (recorded in its manifest), and {@code iago signals --masking} with the shipped
 * rules file finds it: on all reports the ROR does not flag CD19 × PML, adalimumab is its strongest masker, and
 * without the maskers the ROR flags it. Every row is what {@link MaskingRatio} computes from the main row's table and
 * the row's, and with primary suspects only (one drug per report) no masker's removal touches CD19's own reports.
 */
class MaskingSignalsTest {

    @TempDir
    Path work;

    @Test
    void theSignalsCommandUnmasksThePlantedSignal() throws Exception {
        SyntheticFaersLake lake = SyntheticFaersLake.ingested(work);
        SynthManifest.PlantedMaskingEntry planted = lake.manifest().plantedMasking();
        assertEquals("CD19", planted.target());
        assertEquals("ADALIMUMAB", planted.masker());
        lake.curate();
        Path out = work.resolve("out");
        Cli run = lake.signals(out, "--masking");
        assertTrue(run.toString().contains("masking:"), run::toString);

        CsvTable table = CsvTable.read(out.resolve(RunLayout.MASKING_CSV));
        assertEquals(MaskingTable.COLUMNS, table.columns());
        List<CsvTable.Row> pml = table.where(r -> r.get("drug").equals("CD19") && r.get("event").equals(planted.pt()));
        CsvTable.Row main = only(pml, MaskingColumn.Removal.NONE);
        assertEquals("false", main.get("signal_ror"), "masked on all reports: " + main.fields());
        CsvTable.Row top = pml.stream().filter(r -> r.get("removal").equals(MaskingColumn.Removal.MASKER.label()))
                .findFirst().orElseThrow();
        assertEquals(planted.masker(), top.get("removed"), "the strongest masker comes first: " + pml);
        assertTrue(top.number("masking_ratio") > 2, top.fields().toString());
        CsvTable.Row unmasked = only(pml, MaskingColumn.Removal.MASKERS);
        assertTrue(unmasked.get("removed").startsWith(planted.masker()), unmasked.fields().toString());
        assertEquals("true", unmasked.get("signal_ror"), "without its maskers the ROR flags it: " + unmasked.fields());
        assertFalse(only(pml, MaskingColumn.Removal.COMPETING_EVENTS).get("removed").isEmpty());

        CsvTable main2x2 = CsvTable.read(out.resolve(RunLayout.SIGNAL_CSV));
        CsvTable.Row screened = main2x2.where(r -> r.get("drug").equals("CD19") && r.get("event").equals(planted.pt()))
                .get(0);
        assertEquals(screened.get("a"), main.get("a"), "the main row is the screen's table");
        assertEquals(screened.get("signal_ror"), main.get("signal_ror"));

        for (CsvTable.Row r : table.rows()) {
            CsvTable.Row pairMain = only(table.where(m -> m.get("drug").equals(r.get("drug"))
                    && m.get("event").equals(r.get("event"))), MaskingColumn.Removal.NONE);
            TwoByTwo all = cells(pairMain);
            TwoByTwo after = cells(r);
            MaskingRatio.Result expected = MaskingRatio.withDefaults().compute(all, new MaskingRatio.Removal(
                    all.a() - after.a(), all.b() - after.b(), all.c() - after.c(), all.d() - after.d()));
            assertEquals(expected.maskingRatio(), r.number("masking_ratio"), 1e-12, r.fields().toString());
            assertEquals(expected.rorAfter().lower(), r.number("ror_lower"), 1e-12, r.fields().toString());
            if (r.get("removal").equals(MaskingColumn.Removal.MASKER.label())) {
                // primary suspects only: a report names one drug, so the removal is (5) of MaskingRatio exactly
                assertEquals(all.a(), after.a(), r.fields().toString());
                assertEquals(all.b(), after.b(), r.fields().toString());
                assertEquals(r.number("masking_ratio_pairs"), r.number("masking_ratio"), 1e-9, r.fields().toString());
            }
        }
    }

    private static CsvTable.Row only(List<CsvTable.Row> rows, MaskingColumn.Removal removal) {
        List<CsvTable.Row> matching = rows.stream().filter(r -> r.get("removal").equals(removal.label())).toList();
        assertEquals(1, matching.size(), removal.label() + " in " + rows);
        return matching.get(0);
    }

    private static TwoByTwo cells(CsvTable.Row r) {
        return new TwoByTwo(whole(r, "a"), whole(r, "b"), whole(r, "c"), whole(r, "d"));
    }

    private static long whole(CsvTable.Row row, String column) {
        return Long.parseLong(row.get(column));
    }
}
