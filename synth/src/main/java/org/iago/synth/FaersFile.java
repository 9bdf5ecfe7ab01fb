package org.iago.synth;

import org.iago.vocabulary.Quarter;

/** The files of a FAERS quarterly ASCII extract (layout of 2014Q3 onwards), with their exact header rows. */
enum FaersFile {

    DEMO("ASCII", "DEMO", "primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod"
            + "$auth_num$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr$occp_cod"
            + "$reporter_country$occr_country"),
    DRUG("ASCII", "DRUG", "primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr"
            + "$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq"),
    REAC("ASCII", "REAC", "primaryid$caseid$pt$drug_rec_act"),
    OUTC("ASCII", "OUTC", "primaryid$caseid$outc_cod"),
    RPSR("ASCII", "RPSR", "primaryid$caseid$rpsr_cod"),
    THER("ASCII", "THER", "primaryid$caseid$dsg_drug_seq$start_dt$end_dt$dur$dur_cod"),
    INDI("ASCII", "INDI", "primaryid$caseid$indi_drug_seq$indi_pt"),
    /** One deleted caseid per line, no header; only from the second generated quarter on. */
    DELETE("Deleted", "DELETE", null);

    private final String folder;
    private final String prefix;
    private final String header;

    FaersFile(String folder, String prefix, String header) {
        this.folder = folder;
        this.prefix = prefix;
        this.header = header;
    }

    /** Path inside the quarter folder or zip, e.g. {@code ASCII/DEMO23Q1.txt}. */
    String path(Quarter quarter) {
        return folder + "/" + prefix + quarter.fileTag() + ".txt";
    }

    /** The header row, or null for the headerless DELETE file. */
    String header() {
        return header;
    }
}
