package org.iago.vocabulary;

/**
 * The names of a run folder's parts, {@code runs/<id>/}, shared by the writers (the nightly's steps, the signal,
 * onset and registry jobs) and the readers (the report, the status comparison): folders, files, and tables without
 * their {@code .csv}. A part's path in the run folder is {@code /}-separated, as the report's warnings name it.
 */
public final class RunLayout {

    /** The signal analyses, one folder each: {@code signals/<analysis>/}. */
    public static final String SIGNALS = "signals";
    public static final String TARGET = "target";
    public static final String PRODUCT = "product";
    public static final String WITHIN_CLASS = "within-class";

    /** Files of a signal analysis's folder (also of {@code iago signals --out}). */
    public static final String SIGNAL_TABLE = "disproportionality";
    public static final String SIGNAL_CSV = SIGNAL_TABLE + ".csv";
    public static final String MGPS_PRIOR = "mgps_prior.json";
    public static final String EMERGENCE_SERIES = "emergence_series";
    public static final String EMERGENCE_SERIES_CSV = EMERGENCE_SERIES + ".csv";
    public static final String EMERGENCE_CSV = "emergence.csv";
    public static final String EMERGENCE_PRIORS_CSV = "emergence_priors.csv";
    /** A FAERS analysis's flagged pairs with their review priority ({@code PriorityColumn}). */
    public static final String PRIORITY_CSV = "priority.csv";
    /** The CAR-T drugs' ROR against each comparator and within each subgroup ({@code ComparatorColumn}). */
    public static final String COMPARATORS_CSV = "comparators.csv";

    /** Ω of the configured CAR-T × concomitant drug pairs ({@code InteractionColumn}), in the target analysis. */
    public static final String INTERACTION_CSV = "interaction.csv";

    /** The CAR-T drugs' pairs without their maskers and competing events ({@code MaskingColumn}). */
    public static final String MASKING_CSV = "masking.csv";

    /** FAERS time to onset: {@code onset/onset.csv}, {@code onset/onset_days.csv}. */
    public static final String ONSET = "onset";
    public static final String ONSET_CSV = "onset.csv";
    public static final String ONSET_DAYS_CSV = "onset_days.csv";

    /** Registry time-to-event: {@code tte/<table>.csv}. */
    public static final String TTE = "tte";
    public static final String CUMULATIVE_INCIDENCE = "cumulative_incidence";
    public static final String CUMULATIVE_INCIDENCE_SUMMARY = "cumulative_incidence_summary";
    public static final String GRAYS_TEST = "grays_test";
    public static final String REGISTRY_ONSET = "onset";
    public static final String REGISTRY_ONSET_DAYS = "onset_days";
    public static final String INCIDENCE_RATES = "incidence_rates";
    public static final String RATE_RATIOS = "rate_ratios";
    public static final String GRADE_DISTRIBUTION = "grade_distribution";
    public static final String GRADING_AGREEMENT = "grading_agreement";
    public static final String GRADING_CONFUSION = "grading_confusion";

    /** The status of every signal against the previous run. */
    public static final String STATUS = "status/signal_status.csv";
    public static final String PROVENANCE = "provenance.json";

    /** Every signal of the run with its latest review decision and whether it needs review. */
    public static final String REVIEW_QUEUE = "review/review_queue.csv";

    /** The report: {@code report/index.html}, {@code report/report.pdf}, {@code report/tables/<table>.csv}. */
    public static final String REPORT = "report";
    public static final String REPORT_HTML = "index.html";
    public static final String REPORT_PDF = "report.pdf";
    public static final String REPORT_TABLES = "tables";

    private RunLayout() {
    }

    /** The folder of the signals of a case table, {@code cases-<source>}. */
    public static String cases(String source) {
        return "cases-" + source;
    }

    /** A file of a signal analysis, e.g. {@code signals/target/disproportionality.csv}. */
    public static String signals(String analysis, String file) {
        return SIGNALS + "/" + analysis + "/" + file;
    }

    /** A file of the FAERS onset folder, e.g. {@code onset/onset.csv}. */
    public static String onset(String file) {
        return ONSET + "/" + file;
    }

    /** A registry table's CSV, e.g. {@code tte/grays_test.csv}. */
    public static String tte(String table) {
        return TTE + "/" + table + ".csv";
    }
}
