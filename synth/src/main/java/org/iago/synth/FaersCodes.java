package org.iago.synth;

/** The coded FAERS fields and how often each code occurs (weights are rough shares of real extracts, in percent). */
final class FaersCodes {

    static final CodeTable REPT_COD = CodeTable.of("EXP|PER|DIR", 65, 22, 13);
    /** CAR-T reports come mostly from the marketing authorisation holders' expedited reports. */
    static final CodeTable REPT_COD_CART = CodeTable.of("EXP|PER|DIR", 82, 6, 12);
    static final CodeTable OCCP_COD = CodeTable.of("MD|CN|OT|PH|HP|LW|", 35, 33, 11, 8, 8, 2, 3);
    static final CodeTable OCCP_COD_CART = CodeTable.of("MD|HP|OT|PH|CN", 62, 15, 12, 6, 5);
    static final CodeTable SEX = CodeTable.of("F|M|UNK|", 55, 36, 3, 6);
    static final CodeTable SEX_CART = CodeTable.of("M|F|UNK|", 58, 38, 2, 2);
    static final CodeTable COUNTRY = CodeTable.of("US|GB|FR|DE|JP|CA|IT|ES|BR|CN|AU|NL",
            70, 5, 4, 4, 4, 3, 2, 2, 2, 2, 1, 1);
    static final CodeTable E_SUB = CodeTable.of("Y|N", 90, 10);
    static final CodeTable TO_MFR = CodeTable.of("N|Y|", 60, 25, 15);
    /** age_grp of reports that give an age group but no age. */
    static final CodeTable AGE_GRP_WITHOUT_AGE = CodeTable.of("A|E", 60, 40);

    static final CodeTable ROLE_COD_OTHER = CodeTable.of("C|SS|I", 62, 33, 5);
    static final CodeTable ROLE_COD_CART_CONCOMITANT = CodeTable.of("C|SS", 85, 15);
    static final CodeTable DECHAL = CodeTable.of("|U|Y|N|D", 45, 20, 15, 10, 10);
    static final CodeTable RECHAL = CodeTable.of("|U|N|Y|D", 55, 25, 10, 5, 5);
    static final CodeTable DOSE_UNIT_FALLBACK = CodeTable.of("MG|ML|UG|IU|G", 70, 10, 10, 5, 5);

    static final CodeTable OUTC_COD = CodeTable.of("OT|HO|DE|LT|DS|RI|CA", 45, 30, 8, 5, 5, 4, 3);
    /** CAR-T reports are more serious: hospitalisation, life-threatening and death dominate. */
    static final CodeTable OUTC_COD_CART = CodeTable.of("HO|OT|LT|DE|DS", 45, 20, 16, 15, 4);
    static final CodeTable RPSR_COD = CodeTable.of("HP|CSM|FGN|LIT|SDY|CR|UF|DT|OTH", 30, 25, 15, 8, 8, 6, 4, 2, 2);

    static final String[] LOT_PREFIXES = {"A", "B", "C", "D", "E", "F", "H", "K", "L", "M", "P", "R", "S", "T", "X"};

    private FaersCodes() {
    }

    /** The regulator that forwards a foreign report, used in auth_num (e.g. {@code GB-MHRA-12345678}). */
    static String authority(String country) {
        return switch (country) {
            case "GB" -> "MHRA";
            case "FR" -> "ANSM";
            case "DE" -> "BFARM";
            case "JP" -> "PMDA";
            case "CA" -> "HC";
            case "IT" -> "AIFA";
            case "ES" -> "AEMPS";
            case "BR" -> "ANVISA";
            case "CN" -> "NMPA";
            case "AU" -> "TGA";
            case "NL" -> "LAREB";
            default -> "FDA";
        };
    }
}
