package org.iago.ingest.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;

/**
 * Which input columns of a case-level table hold the report id, the drug, the event and the strata. In the lake they
 * become {@code id}, {@code drug}, {@code event} and one column per stratum under its own (lower-cased) name.
 */
public record CaseColumns(String id, String drug, String event, List<String> strata) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("id", "drug", "event", LakeSchema.LINE_NO, "source");

    public CaseColumns {
        strata = List.copyOf(strata);
        Set<String> seen = new HashSet<>();
        for (String s : strata) {
            String lake = s.toLowerCase(Locale.ROOT);
            if (!NAME.matcher(lake).matches() || RESERVED.contains(lake) || !seen.add(lake)) {
                throw new IllegalArgumentException("stratum column '" + s + "' cannot be a lake column: use a"
                        + " distinct name of letters, digits and _ other than id, drug, event, line_no and source");
            }
        }
    }

    /** @param strata comma-separated, possibly empty */
    public static CaseColumns of(String id, String drug, String event, String strata) {
        List<String> list = strata == null || strata.isBlank() ? List.of()
                : Arrays.stream(strata.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new CaseColumns(id, drug, event, list);
    }

    /** Input columns in lake order. */
    public List<String> inputColumns() {
        List<String> all = new ArrayList<>(List.of(id, drug, event));
        all.addAll(strata);
        return all;
    }

    public LakeSchema schema() {
        List<LakeColumn> columns = new ArrayList<>(List.of(LakeColumn.identifier("id"), LakeColumn.string("drug"),
                LakeColumn.string("event")));
        for (String s : strata) {
            columns.add(LakeColumn.string(s.toLowerCase(Locale.ROOT)));
        }
        return new LakeSchema("cases", columns);
    }

    public String strataParameter() {
        return String.join(",", strata);
    }
}
