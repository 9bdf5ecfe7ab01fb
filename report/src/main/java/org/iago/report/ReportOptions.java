package org.iago.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.iago.dictionary.ProductDictionary;

/**
 * What the signal report shows.
 *
 * @param title         the report's title
 * @param focus         the signals that get an IAGO section of their own, in this order
 * @param suppressBelow small-cell suppression: counts 1 to k−1 of reports, patients or events are shown as
 *                      {@code <k} in the page, the PDF, the tables and the chart labels; 0 (or 1) turns it off
 * @param thresholds    the signal rules as the run used them (the text of {@code conf/iago.yaml}), shown verbatim in
 *                      the methods section
 * @param products      the CAR-T products ({@code conf/products.yaml}, {@link ProductDictionary#products()}): which
 *                      drugs of the product-level tables are compared in forest plots and listed among all signals;
 *                      empty: no forest plots, and every drug is listed
 */
public record ReportOptions(String title, List<Focus> focus, int suppressBelow, String thresholds,
        List<ProductDictionary.Product> products) {

    /**
     * One focus signal.
     *
     * @param drug    a CAR-T target (BCMA, CD19) or product (CARVYKTI), as the signal tables name it
     * @param event   a toxicity group of {@code conf/term-groups.yaml} or a registry category (INFECTION)
     * @param aliases other names of the same toxicity in other sources, e.g. the registry's {@code PARKINSONISM} for
     *                the FAERS group "Parkinsonism and movement/neurocognitive toxicity", or the FAERS infection
     *                groups for INFECTION; may be empty
     */
    public record Focus(String drug, String event, List<String> aliases) {

        public Focus {
            Objects.requireNonNull(drug, "drug");
            Objects.requireNonNull(event, "event");
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public Focus(String drug, String event) {
            this(drug, event, List.of());
        }

        /** Whether a table's event name is this focus event: names compared upper-cased, punctuation as blanks. */
        public boolean matchesEvent(String name) {
            String key = key(name);
            return Stream.concat(Stream.of(event), aliases.stream()).anyMatch(n -> key(n).equals(key));
        }

        public boolean matchesDrug(String name) {
            return key(name).equals(key(drug));
        }

        /** Infections get the standardized breakdown the IAGO authors ask for (window, pathogen, severity …). */
        public boolean isInfection() {
            return Stream.concat(Stream.of(event), aliases.stream()).anyMatch(n -> key(n).startsWith("INFECTION"));
        }

        public String title() {
            return drug + " × " + event;
        }

        /**
         * The name upper-cased, each run of characters other than letters and digits one blank, without blanks at
         * either end. A loop, not a regular expression: the report compares every row of several tables by key, and
         * the matcher took a tenth of its time.
         */
        static String key(String name) {
            String upper = name.toUpperCase(Locale.ROOT);
            StringBuilder key = new StringBuilder(upper.length());
            boolean gap = false;
            for (int i = 0; i < upper.length(); ) {
                int c = upper.codePointAt(i);
                i += Character.charCount(c);
                int type = Character.getType(c);
                if (Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
                        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
                    if (gap && key.length() > 0) {
                        key.append(' ');
                    }
                    key.appendCodePoint(c);
                    gap = false;
                } else {
                    gap = true;
                }
            }
            return key.toString();
        }
    }

    public ReportOptions {
        Objects.requireNonNull(title, "title");
        focus = focus == null ? List.of() : List.copyOf(focus);
        if (suppressBelow < 0) {
            throw new IllegalArgumentException("suppressBelow must be 0 (off) or more, not " + suppressBelow);
        }
        thresholds = thresholds == null ? "" : thresholds;
        products = products == null ? List.of() : List.copyOf(products);
    }
}
