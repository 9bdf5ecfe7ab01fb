package org.iago.synth;

import java.util.List;

/**
 * One FAERS report, i.e. one version of a case, as it is spread over the DEMO, DRUG, THER, INDI, REAC, OUTC and
 * RPSR files. Dates are {@code yyyymmdd} (or {@code yyyymm}, {@code yyyy}) integers with 0 for empty; other empty
 * fields are empty strings or -1.
 */
record Report(Demographics demo, List<DrugRow> drugs, List<Reaction> reactions, List<String> outcomes,
              List<String> sources) {

    int caseid() {
        return demo.caseid();
    }

    /** caseid and caseversion concatenated as digits: caseid 30781401 version 1 gives 307814011. */
    long primaryid() {
        return primaryid(demo.caseid(), demo.caseversion());
    }

    static long primaryid(int caseid, int caseversion) {
        long shift = 10;
        while (shift <= caseversion) {
            shift *= 10;
        }
        return caseid * shift + caseversion;
    }

    /** The DEMO row. */
    record Demographics(int caseid, int caseversion, int eventDt, int mfrDt, int initFdaDt, int fdaDt,
                        String reptCod, String authNum, String mfrNum, String mfrSndr, String litRef, int age,
                        String ageCod, String ageGrp, String sex, String eSub, String wt, String wtCod, int reptDt,
                        String toMfr, String occpCod, String reporterCountry, String occrCountry) {

        String ifCode() {
            return caseversion == 1 ? "I" : "F";
        }

        /** The same row under another caseid (version 1) with the given FDA dates: the basis of a bad-key line. */
        Demographics asNewCase(int otherCaseid, int fdaDate) {
            return new Demographics(otherCaseid, 1, eventDt, mfrDt, fdaDate, fdaDate, reptCod, authNum, mfrNum,
                    mfrSndr, litRef, age, ageCod, ageGrp, sex, eSub, wt, wtCod, reptDt, toMfr, occpCod,
                    reporterCountry, occrCountry);
        }
    }

    /** A DRUG row with its optional THER (therapy dates) and INDI (indication) rows, which share its drug_seq. */
    record DrugRow(int drugSeq, String roleCod, String drugname, String prodAi, int valVbm, String route,
                   String doseVbm, String cumDoseChr, String cumDoseUnit, String dechal, String rechal,
                   String lotNum, int expDt, String ndaNum, String doseAmt, String doseUnit, String doseForm,
                   String doseFreq, Therapy therapy, String indication) {

        DrugRow withSeq(int seq) {
            return new DrugRow(seq, roleCod, drugname, prodAi, valVbm, route, doseVbm, cumDoseChr, cumDoseUnit, dechal,
                    rechal, lotNum, expDt, ndaNum, doseAmt, doseUnit, doseForm, doseFreq, therapy, indication);
        }

        /** The same drug written under another name, with or without prod_ai. */
        DrugRow withName(String otherDrugname, String otherProdAi, int otherValVbm) {
            return new DrugRow(drugSeq, roleCod, otherDrugname, otherProdAi, otherValVbm, route, doseVbm, cumDoseChr,
                    cumDoseUnit, dechal, rechal, lotNum, expDt, ndaNum, doseAmt, doseUnit, doseForm, doseFreq, therapy,
                    indication);
        }

        /** A primary or secondary suspect, the roles duplicate rules compare. */
        boolean suspect() {
            return roleCod.equals("PS") || roleCod.equals("SS");
        }
    }

    /** A THER row; {@code dur} -1 when empty. */
    record Therapy(int startDt, int endDt, int dur, String durCod) {
    }

    /** A REAC row. */
    record Reaction(String pt, String drugRecAct) {
    }
}
