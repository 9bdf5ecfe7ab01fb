package org.iago.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.iago.synth.DrugVocabulary.Drug;
import org.iago.synth.DrugVocabulary.Resolution;
import org.iago.synth.DrugVocabulary.Spelling;
import org.iago.synth.Report.DrugRow;

/**
 * Drug names as reporters type them ({@code --name-variants}): some rows of the {@link DrugVocabulary#RESPELLED}
 * products are written under a respelling, often without prod_ai, and some rows of their brand name lose prod_ai too,
 * as in legacy quarters. Rows keep prod_ai often enough that the learned dictionary sees every spelling with its
 * ingredient. The manifest lists every variant spelling written, with the ingredient it must map to and its row
 * counts.
 */
final class NameVariants {

    /** Share of the rows of a respelled product that use one of its respellings. */
    static final int RESPELL_PERCENT = 30;
    /** Share of respelled rows written without prod_ai. */
    static final int RESPELLED_WITHOUT_PROD_AI_PERCENT = 40;
    /** Share of the brand-name rows of a respelled product that lose their prod_ai. */
    static final int BRAND_WITHOUT_PROD_AI_PERCENT = 10;

    private final long seed;
    /** Spelling to its counts, in spelling order for the manifest. */
    private final Map<String, Listed> listed = new TreeMap<>();

    private static final class Listed {
        final Drug drug;
        final Resolution resolution;
        long rows;
        long rowsWithoutProdAi;

        Listed(Drug drug, Resolution resolution) {
            this.drug = drug;
            this.resolution = resolution;
        }
    }

    NameVariants(long seed, DrugVocabulary drugs) {
        this.seed = seed;
        for (Drug drug : drugs.all()) {
            // the variants every extract writes are brand or salt names: only the learned dictionary maps them
            for (String variant : drug.variants()) {
                listed.put(variant, new Listed(drug, Resolution.LEARNED_DICTIONARY));
            }
            if (!drug.respellings().isEmpty()) {
                listed.put(drug.drugname(), new Listed(drug, drug.drugname().equals(drug.prodAi())
                        ? Resolution.CLEANING : Resolution.LEARNED_DICTIONARY));
            }
            for (Spelling spelling : drug.respellings()) {
                listed.put(spelling.text(), new Listed(drug, spelling.resolution()));
            }
        }
    }

    /**
     * The row as written: a respelling, or the brand without prod_ai, or unchanged. Drawn from a stream keyed by
     * caseid and drug_seq, so that every version of a case writes its drugs alike.
     */
    DrugRow respell(int caseid, Drug drug, DrugRow row) {
        if (drug.respellings().isEmpty() || !row.drugname().equals(drug.drugname())) {
            return row;
        }
        SplittableRandom rng = Seeds.nameVariant(seed, caseid, row.drugSeq());
        if (rng.nextInt(100) < RESPELL_PERCENT) {
            Spelling spelling = drug.respellings().get(rng.nextInt(drug.respellings().size()));
            String prodAi = rng.nextInt(100) < RESPELLED_WITHOUT_PROD_AI_PERCENT ? "" : row.prodAi();
            return row.withName(spelling.text(), prodAi, 2);
        }
        if (!row.prodAi().isEmpty() && rng.nextInt(100) < BRAND_WITHOUT_PROD_AI_PERCENT) {
            return row.withName(row.drugname(), "", row.valVbm());
        }
        return row;
    }

    /** Counts the report's rows of listed spellings. */
    void count(Report report) {
        for (DrugRow row : report.drugs()) {
            Listed entry = listed.get(row.drugname());
            if (entry != null) {
                entry.rows++;
                if (row.prodAi().isEmpty()) {
                    entry.rowsWithoutProdAi++;
                }
            }
        }
    }

    /** The spellings written at least once, in spelling order. */
    List<SynthManifest.NameVariantEntry> entries() {
        List<SynthManifest.NameVariantEntry> entries = new ArrayList<>();
        listed.forEach((spelling, entry) -> {
            if (entry.rows > 0) {
                entries.add(new SynthManifest.NameVariantEntry(spelling, entry.drug.drugname(), entry.drug.prodAi(),
                        entry.resolution.label(), entry.rows, entry.rowsWithoutProdAi));
            }
        });
        return entries;
    }
}
