package org.iago.ingest.faers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.iago.lake.FaersTable;

/**
 * The header row of one FAERS/LAERS file, mapped by name onto the lake columns of its table.
 * <p>
 * Three layouts are covered by names, not positions: legacy LAERS 2004Q1–2012Q3 ({@code isr}, {@code case},
 * {@code i_f_cod}, {@code gndr_cod}, {@code drug_seq} in THER and INDI), early FAERS 2012Q4–2014Q2 ({@code gndr_cod}, no
 * {@code prod_ai}) and current FAERS 2014Q3 on. A lake column missing from a layout stays null. A column the lake does
 * not know fails the file rather than being dropped. A trailing header name such as {@code v23}, left by tools that
 * re-serialise LAERS files with their trailing {@code $}, stands for the empty last field and is ignored.
 */
public final class FaersHeader {

    private static final Map<String, String> COMMON_ALIASES = Map.of(
            "isr", "primaryid",
            "case", "caseid",
            "i_f_cod", "i_f_code",
            "gndr_cod", "sex");
    private static final Map<FaersTable, Map<String, String>> TABLE_ALIASES = Map.of(
            FaersTable.THER, Map.of("drug_seq", "dsg_drug_seq"),
            FaersTable.INDI, Map.of("drug_seq", "indi_drug_seq"));
    private static final Map<FaersTable, List<String>> REQUIRED = Map.of(
            FaersTable.DEMO, List.of("primaryid", "caseid", "fda_dt"),
            FaersTable.DRUG, List.of("primaryid", "drug_seq", "role_cod", "drugname"),
            FaersTable.REAC, List.of("primaryid", "pt"),
            FaersTable.OUTC, List.of("primaryid", "outc_cod"),
            FaersTable.RPSR, List.of("primaryid", "rpsr_cod"),
            FaersTable.THER, List.of("primaryid", "dsg_drug_seq"),
            FaersTable.INDI, List.of("primaryid", "indi_drug_seq", "indi_pt"));
    private static final Pattern ARTIFACT = Pattern.compile("v\\d+");

    private final FaersTable table;
    /** For each field position of a data line, the index of its lake source column. */
    private final int[] columnOfField;

    private FaersHeader(FaersTable table, int[] columnOfField) {
        this.table = table;
        this.columnOfField = columnOfField;
    }

    /**
     * @throws InvalidHeaderException when a column is unknown, repeated, or a required one is missing
     */
    public static FaersHeader parse(FaersTable table, String fileName, String headerLine) {
        String line = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
        List<String> names = new ArrayList<>();
        for (String raw : FaersFields.split(line)) {
            names.add(raw.trim().toLowerCase(Locale.ROOT));
        }
        if (!names.isEmpty() && (names.get(names.size() - 1).isEmpty()
                || ARTIFACT.matcher(names.get(names.size() - 1)).matches())) {
            names.remove(names.size() - 1);
        }
        List<String> lakeColumns = table.sourceColumns();
        Map<String, String> tableAliases = TABLE_ALIASES.getOrDefault(table, Map.of());
        int[] columnOfField = new int[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String lakeName = tableAliases.getOrDefault(name, COMMON_ALIASES.getOrDefault(name, name));
            int index = lakeColumns.indexOf(lakeName);
            if (index < 0) {
                throw new InvalidHeaderException(fileName + ": unknown column '" + name + "' in the header; the "
                        + table + " table knows " + String.join(", ", lakeColumns)
                        + " (and the legacy names isr, case, i_f_cod, gndr_cod, drug_seq)");
            }
            if (!seen.add(lakeName)) {
                throw new InvalidHeaderException(fileName + ": column '" + lakeName + "' appears twice in the header");
            }
            columnOfField[i] = index;
        }
        for (String required : REQUIRED.get(table)) {
            if (!seen.contains(required)) {
                throw new InvalidHeaderException(fileName + ": required column '" + required
                        + "' is missing from the header '" + headerLine + "'");
            }
        }
        return new FaersHeader(table, columnOfField);
    }

    /** Number of fields a data line carries (one more, empty, is tolerated: the LAERS trailing {@code $}). */
    public int fieldCount() {
        return columnOfField.length;
    }

    /** For each field of a data line, the index of its lake source column (a copy). */
    public int[] columnsOfFields() {
        return columnOfField.clone();
    }

    public boolean hasColumn(String lakeColumn) {
        int index = table.sourceColumns().indexOf(lakeColumn);
        for (int c : columnOfField) {
            if (c == index) {
                return true;
            }
        }
        return false;
    }

    /** A header that cannot be mapped: the whole file is refused. */
    public static final class InvalidHeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidHeaderException(String message) {
            super(message);
        }
    }
}
