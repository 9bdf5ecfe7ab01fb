package org.iago.lake;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The tables curation writes under {@code <lake>/curated/<table>/}, and the files beside them: the curate job writes
 * them, the analyses, the nightly and its provenance read them, so their names live in the lake as those of the FAERS
 * and registry tables do. The schemas are the curate job's ({@code docs/curation.md}).
 */
public enum CuratedTable {

    REPORTS,
    DRUGS,
    REPORT_DRUGS,
    EVENTS,
    REPORT_EVENTS,
    EVENT_GROUPS,
    /** Written only when a MedDRA distribution is given: event_key, hlt, hlgt, soc. */
    EVENT_HIERARCHY,
    /** Every merge of the duplicate rule: kept and dropped caseid and primaryid, the rule, the fields it could not compare. */
    DUPLICATES,
    /** Every distinct (drugname, prod_ai) of the curated reports: its product, ingredient, deciding source and counts. */
    DRUG_NAMES,
    /**
     * The indication groups ({@code conf/indication-groups.yaml}) of each report's primary suspect drug: report_id,
     * indication_group, one row per group its INDI PTs fall in; a report whose primary suspect has no INDI PT in a group
     * has no row.
     */
    REPORT_INDICATIONS;

    /** The names only cleaning decided, most reported first, as a user drug dictionary to fill in. */
    public static final String UNMAPPED_DRUG_NAMES = "unmapped_drug_names.csv";
    /** The columns of {@value #UNMAPPED_DRUG_NAMES}: a user drug dictionary with the names' report counts. */
    public static final List<String> UNMAPPED_COLUMNS = List.of("drugname", "ingredients", "reports");
    public static final String SUMMARY = "_summary.json";
    /** A column of {@code reports}: the report's distinct event_keys, sorted. */
    public static final String EVENT_KEYS = "event_keys";
    /**
     * The columns of {@code reports} that hold its keys: {@link #drugKeys} of every role of
     * {@link FaersTable#ROLE_CODS} (ingest refuses any other role), then {@link #EVENT_KEYS}.
     */
    public static final List<String> KEY_COLUMNS = Stream.concat(
            FaersTable.ROLE_CODS.stream().map(CuratedTable::drugKeys), Stream.of(EVENT_KEYS)).toList();

    /**
     * A column of {@code reports}: the report's distinct drug_keys in one role of {@link FaersTable#ROLE_CODS}, sorted
     * ({@code ps_drug_keys}, {@code ss_drug_keys}, {@code c_drug_keys}, {@code i_drug_keys}).
     */
    public static String drugKeys(String roleCod) {
        return roleCod.toLowerCase(Locale.ROOT) + "_drug_keys";
    }

    /** The folder under {@code <lake>/curated/}. */
    public String lakeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The folder's name, as messages and query maps print it. */
    @Override
    public String toString() {
        return lakeName();
    }
}
