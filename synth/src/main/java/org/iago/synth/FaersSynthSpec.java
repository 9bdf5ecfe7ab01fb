package org.iago.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.iago.vocabulary.Quarter;

/**
 * What {@link FaersSynthesizer} generates: FAERS quarterly ASCII extracts for {@code quarters} (ascending), each with
 * exactly {@code reportsPerQuarter} DEMO rows, written under {@code out}. The same spec always yields byte-identical
 * files.
 *
 * @param out               output folder; quarter folders or zips and {@code manifest.json} are written into it
 * @param quarters          the quarters to generate, strictly ascending, 2014Q3 or later (current ASCII layout)
 * @param reportsPerQuarter DEMO rows per quarter (new cases plus follow-up versions)
 * @param seed              seed of every random draw
 * @param defects           insert one malformed line of each {@code DefectKind} per quarter (bad-input tests, samples)
 * @param zip               write {@code faers_ascii_2023q1.zip} per quarter instead of a folder
 * @param duplicatesPerQuarter plant this many cross-caseid duplicates and as many near-misses per quarter (0: none),
 *                          at most {@code reportsPerQuarter / 20}
 * @param nameVariants      respell some rows of common drugs (strengths, forms, case, punctuation, bracketed text,
 *                          no prod_ai) and list the spellings in the manifest
 */
public record FaersSynthSpec(Path out, List<Quarter> quarters, int reportsPerQuarter, long seed, boolean defects,
                             boolean zip, int duplicatesPerQuarter, boolean nameVariants) {

    /** First quarter FDA published in the current layout (these columns, {@code Deleted/} folder). */
    public static final Quarter FIRST_CURRENT_LAYOUT = Quarter.of(2014, 3);
    public static final int MAX_QUARTERS = 100;
    public static final int MAX_REPORTS_PER_QUARTER = 5_000_000;
    /**
     * Reports per planted duplicate and per near-miss: each needs an original among the complete reports of the
     * quarter's first half and a slot among its last new cases.
     */
    public static final int REPORTS_PER_DUPLICATE = 20;

    /** A spec without planted duplicates or respelled drug names. */
    public FaersSynthSpec(Path out, List<Quarter> quarters, int reportsPerQuarter, long seed, boolean defects,
                          boolean zip) {
        this(out, quarters, reportsPerQuarter, seed, defects, zip, 0, false);
    }

    public FaersSynthSpec {
        Objects.requireNonNull(out, "out");
        quarters = List.copyOf(Objects.requireNonNull(quarters, "quarters"));
        if (quarters.isEmpty()) {
            throw new IllegalArgumentException("no quarters to generate");
        }
        if (quarters.size() > MAX_QUARTERS) {
            throw new IllegalArgumentException("at most " + MAX_QUARTERS + " quarters, got " + quarters.size());
        }
        if (quarters.get(0).compareTo(FIRST_CURRENT_LAYOUT) < 0) {
            throw new IllegalArgumentException("quarters before " + FIRST_CURRENT_LAYOUT
                    + " used another FAERS layout: " + quarters.get(0));
        }
        for (int i = 1; i < quarters.size(); i++) {
            if (quarters.get(i).compareTo(quarters.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("quarters must be strictly ascending: " + quarters);
            }
        }
        if (reportsPerQuarter < 1 || reportsPerQuarter > MAX_REPORTS_PER_QUARTER) {
            throw new IllegalArgumentException("reportsPerQuarter must be 1.." + MAX_REPORTS_PER_QUARTER
                    + ", got " + reportsPerQuarter);
        }
        if ((long) reportsPerQuarter * quarters.size() > CaseFlow.MAX_CASES) {
            throw new IllegalArgumentException("caseids are 8 digits: at most " + CaseFlow.MAX_CASES
                    + " reports in all, got " + (long) reportsPerQuarter * quarters.size());
        }
        if (duplicatesPerQuarter < 0 || (long) duplicatesPerQuarter * REPORTS_PER_DUPLICATE > reportsPerQuarter) {
            throw new IllegalArgumentException("duplicatesPerQuarter must be 0.." + reportsPerQuarter
                    / REPORTS_PER_DUPLICATE + " (one per " + REPORTS_PER_DUPLICATE + " reports), got "
                    + duplicatesPerQuarter);
        }
    }
}
