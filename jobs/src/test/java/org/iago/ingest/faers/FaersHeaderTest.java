package org.iago.ingest.faers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iago.lake.FaersTable;
import org.junit.jupiter.api.Test;

/** The three layouts map by name onto one lake schema per table. */
class FaersHeaderTest {

    @Test
    void legacyLaersDemoMapsRenamedColumnsAndDropsTheArtifact() {
        FaersHeader h = FaersHeader.parse(FaersTable.DEMO, "DEMO04Q1.TXT", "isr$case$i_f_cod$foll_seq$image$event_dt"
                + "$mfr_dt$fda_dt$rept_cod$mfr_num$mfr_sndr$age$age_cod$gndr_cod$e_sub$wt$wt_cod$rept_dt$occp_cod"
                + "$death_dt$to_mfr$confid$v23");
        assertEquals(22, h.fieldCount());
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("primaryid"), h.columnsOfFields()[0]);
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("caseid"), h.columnsOfFields()[1]);
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("i_f_code"), h.columnsOfFields()[2]);
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("sex"), h.columnsOfFields()[13]);
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("confid"), h.columnsOfFields()[21]);
    }

    @Test
    void earlyFaersHasGndrCodAndNoProdAi() {
        FaersHeader demo = FaersHeader.parse(FaersTable.DEMO, "DEMO13Q1.txt", "primaryid$caseid$caseversion$i_f_code"
                + "$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod$mfr_num$mfr_sndr$age$age_cod$gndr_cod$e_sub$wt$wt_cod"
                + "$rept_dt$to_mfr$occp_cod$reporter_country$occr_country");
        assertEquals(FaersTable.DEMO.sourceColumns().indexOf("sex"), demo.columnsOfFields()[13]);
        FaersHeader drug = FaersHeader.parse(FaersTable.DRUG, "DRUG13Q1.txt", "primaryid$caseid$drug_seq$role_cod"
                + "$drugname$val_vbm$route$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num"
                + "$dose_amt$dose_unit$dose_form$dose_freq");
        assertEquals(19, drug.fieldCount());
        assertTrue(!drug.hasColumn("prod_ai"));
        assertEquals(FaersTable.DRUG.sourceColumns().indexOf("val_vbm"), drug.columnsOfFields()[5]);
    }

    @Test
    void legacyDrugSeqMeansTheTablesOwnSequenceColumn() {
        FaersHeader ther = FaersHeader.parse(FaersTable.THER, "THER04Q1.TXT",
                "ISR$DRUG_SEQ$START_DT$END_DT$DUR$DUR_COD$v7");
        assertEquals(FaersTable.THER.sourceColumns().indexOf("dsg_drug_seq"), ther.columnsOfFields()[1]);
        FaersHeader indi = FaersHeader.parse(FaersTable.INDI, "INDI04Q1.TXT", "isr$drug_seq$indi_pt");
        assertEquals(FaersTable.INDI.sourceColumns().indexOf("indi_drug_seq"), indi.columnsOfFields()[1]);
    }

    @Test
    void unknownRepeatedOrMissingColumnsRefuseTheFile() {
        assertThrows(FaersHeader.InvalidHeaderException.class,
                () -> FaersHeader.parse(FaersTable.REAC, "REAC.txt", "primaryid$caseid$pt$new_column"));
        assertThrows(FaersHeader.InvalidHeaderException.class,
                () -> FaersHeader.parse(FaersTable.REAC, "REAC.txt", "primaryid$caseid$pt$pt"));
        assertThrows(FaersHeader.InvalidHeaderException.class,
                () -> FaersHeader.parse(FaersTable.REAC, "REAC.txt", "primaryid$caseid$drug_rec_act"));
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertEquals(3, FaersHeader.parse(FaersTable.OUTC, "OUTC.txt", "\uFEFFprimaryid$caseid$outc_cod").fieldCount());
    }
}
