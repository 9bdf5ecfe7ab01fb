package org.iago.synth;

/** The kinds of malformed lines real FAERS extracts contain, each in the file where it is inserted. */
enum DefectKind {

    /** A DRUG line with one field (route) missing. */
    FIELD_COUNT("field-count", FaersFile.DRUG),
    /** A DEMO line whose fda_dt (and init_fda_dt) is the impossible date 20231345. */
    BAD_KEY_DATE("bad-key-date", FaersFile.DEMO),
    /** A REAC line whose pt contains the bytes 0xC3 0x28, which are not UTF-8. */
    INVALID_UTF8("invalid-utf8", FaersFile.REAC),
    /** An OUTC line with an empty primaryid. */
    EMPTY_KEY("empty-key", FaersFile.OUTC),
    /** Two DRUG records on one physical line: the line end between them is lost. */
    COLLAPSED_LINE("collapsed-line", FaersFile.DRUG);

    private final String label;
    private final FaersFile file;

    DefectKind(String label, FaersFile file) {
        this.label = label;
        this.file = file;
    }

    /** The name used in the manifest. */
    String label() {
        return label;
    }

    FaersFile file() {
        return file;
    }
}
