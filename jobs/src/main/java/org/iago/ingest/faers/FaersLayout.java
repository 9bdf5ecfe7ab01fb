package org.iago.ingest.faers;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.iago.lake.FaersTable;
import org.iago.vocabulary.Quarter;

/**
 * The three layouts of the FDA quarterly extracts, each used by a run of quarters: legacy LAERS (2004Q1–2012Q3, keyed
 * by {@code isr}), early FAERS (2012Q4–2014Q2: {@code gndr_cod}, no {@code prod_ai}, no {@code drug_rec_act}) and
 * current FAERS (2014Q3 on). All files of a quarter must be of the quarter's layout: a file of another era among them
 * is a packaging mistake, and its rows would be read under the wrong quarter.
 */
enum FaersLayout {

    LAERS("LAERS layout (2004Q1-2012Q3)"),
    FAERS_2012Q4("early FAERS layout (2012Q4-2014Q2)"),
    FAERS_2014Q3("current FAERS layout (2014Q3 on)");

    private static final Quarter FIRST_FAERS = Quarter.of(2012, 4);
    private static final Quarter FIRST_CURRENT = Quarter.of(2014, 3);

    private final String description;

    FaersLayout(String description) {
        this.description = description;
    }

    /** The layout FDA used for the files of {@code quarter}. */
    static FaersLayout of(Quarter quarter) {
        if (quarter.compareTo(FIRST_FAERS) < 0) {
            return LAERS;
        }
        return quarter.compareTo(FIRST_CURRENT) < 0 ? FAERS_2012Q4 : FAERS_2014Q3;
    }

    /**
     * The layouts a header row can belong to, from the columns that tell them apart. Files whose columns did not change
     * between the FAERS layouts (OUTC, RPSR, THER, INDI) fit both; a header with neither key column fits any (the
     * header check refuses it on its own).
     *
     * @param names the header's column names, trimmed and lower-cased
     */
    static Set<FaersLayout> fitting(FaersTable table, List<String> names) {
        if (names.contains("isr")) {
            return EnumSet.of(LAERS);
        }
        if (!names.contains("primaryid")) {
            return EnumSet.allOf(FaersLayout.class);
        }
        return switch (table) {
            case DEMO -> names.contains("sex") ? EnumSet.of(FAERS_2014Q3)
                    : names.contains("gndr_cod") ? EnumSet.of(FAERS_2012Q4)
                    : EnumSet.of(FAERS_2012Q4, FAERS_2014Q3);
            case DRUG -> EnumSet.of(names.contains("prod_ai") ? FAERS_2014Q3 : FAERS_2012Q4);
            case REAC -> EnumSet.of(names.contains("drug_rec_act") ? FAERS_2014Q3 : FAERS_2012Q4);
            default -> EnumSet.of(FAERS_2012Q4, FAERS_2014Q3);
        };
    }

    /** Names the layouts a header fits that is not of its quarter's layout: one, or both FAERS layouts. */
    static String describe(Set<FaersLayout> layouts) {
        return layouts.size() == 1 ? "the " + layouts.iterator().next() : "a FAERS layout (2012Q4 on)";
    }

    @Override
    public String toString() {
        return description;
    }
}
