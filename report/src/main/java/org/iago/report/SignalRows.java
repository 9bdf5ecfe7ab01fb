package org.iago.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.iago.csv.CsvTable;
import org.iago.dictionary.ProductDictionary;
import org.iago.vocabulary.SignalMethod;

/**
 * What every section needs to know about the signal tables: which drugs are CAR-T products or targets, which methods
 * flag a pair, and what the last run's status comparison says about it.
 */
final class SignalRows {

    private final ReportOptions options;
    private final Optional<CsvTable> status;
    private final Set<String> cart = new LinkedHashSet<>();

    SignalRows(ReportOptions options, Optional<CsvTable> status) {
        this.options = options;
        this.status = status;
        for (ProductDictionary.Product p : options.products()) {
            cart.add(ReportOptions.Focus.key(p.brand()));
            cart.add(ReportOptions.Focus.key(p.target()));
        }
        options.focus().forEach(f -> cart.add(ReportOptions.Focus.key(f.drug())));
    }

    boolean hasProducts() {
        return !options.products().isEmpty();
    }

    /** CAR-T products and targets (and the focus drugs); every drug when no product list was given. */
    boolean isCart(String drug) {
        return options.products().isEmpty() || cart.contains(ReportOptions.Focus.key(drug));
    }

    /** The target of a product, or the drug itself when it is a target or unknown. */
    String targetOf(String drug) {
        return options.products().stream().filter(p -> ReportOptions.Focus.key(p.brand())
                .equals(ReportOptions.Focus.key(drug))).map(ProductDictionary.Product::target).findFirst()
                .orElse(drug);
    }

    /**
     * The rows of a CAR-T drug's table (interactions, masking, comparators) for a focus signal: its drug column names
     * the focus drug or the focus drug's target, and its event column the focus event.
     */
    List<CsvTable.Row> ofFocus(CsvTable table, ReportOptions.Focus focus, String drugColumn, String eventColumn) {
        String product = ReportOptions.Focus.key(focus.drug());
        String target = ReportOptions.Focus.key(targetOf(focus.drug()));
        return table.where(r -> {
            String drug = ReportOptions.Focus.key(r.get(drugColumn));
            return (drug.equals(product) || drug.equals(target)) && focus.matchesEvent(r.get(eventColumn));
        });
    }

    /** Whether a product belongs to the focus drug (is it, or has it as target). */
    boolean belongsTo(String product, String focusDrug) {
        String key = ReportOptions.Focus.key(focusDrug);
        return ReportOptions.Focus.key(product).equals(key) || ReportOptions.Focus.key(targetOf(product)).equals(key);
    }

    static boolean flagged(CsvTable.Row row) {
        return Arrays.stream(SignalMethod.values()).anyMatch(m -> isTrue(row.get(m.flag())));
    }

    /** The methods that flag the pair, e.g. {@code PRR, ROR, EBGM}; {@code none}. */
    static String methods(CsvTable.Row row) {
        List<String> names = new ArrayList<>();
        for (SignalMethod m : SignalMethod.values()) {
            if (isTrue(row.get(m.flag()))) {
                names.add(m.label());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** The status of each method for the pair in this run's comparison with the last, e.g. {@code EBGM: NEW}. */
    String status(String drug, String event) {
        if (status.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (CsvTable.Row r : status.get().rows()) {
            if (r.get("drug").equals(drug) && r.get("event").equals(event)) {
                parts.add(methodName(r.get("method")) + ": " + r.get("status"));
            }
        }
        return String.join("; ", parts);
    }

    /** {@code signal_ebgm}, {@code ebgm} and {@code EBGM} all read as EBGM. */
    static String methodName(String method) {
        return SignalMethod.named(method).map(SignalMethod::label).orElse(method);
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value.strip());
    }
}
