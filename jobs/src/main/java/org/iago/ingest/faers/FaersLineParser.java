package org.iago.ingest.faers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.parquet.io.api.Binary;
import org.iago.ingest.ByteLines;
import org.iago.ingest.LineParser;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.RowBuffer;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.FaersTable;
import org.iago.lake.LakeSchema;

/**
 * Turns one data line of a FAERS table file into a lake row, or rejects it with a reason. It never guesses: a line
 * whose field count cannot be reconciled with the header, a key that is not a number, a missing or impossible
 * {@code fda_dt}, or bytes that are not valid in the extract's encoding reject the line. Dates outside key fields that
 * are not dates keep their raw text with precision {@code invalid}.
 * <p>
 * A line is worked on as bytes where it lies: an ASCII line is its own UTF-8, and its fields go to Parquet as slices of
 * it; any other line is decoded strictly and encoded in UTF-8 first, which keeps every {@code $} (no UTF-8 sequence
 * holds one) and so splits into the same fields as its text.
 */
public final class FaersLineParser implements LineParser {

    /** Columns that identify a row and must be a non-empty number. */
    private static final Map<FaersTable, List<String>> NUMERIC_KEYS = Map.of(
            FaersTable.DEMO, List.of("primaryid", "caseid"),
            FaersTable.DRUG, List.of("primaryid", "drug_seq"),
            FaersTable.REAC, List.of("primaryid"),
            FaersTable.OUTC, List.of("primaryid"),
            FaersTable.RPSR, List.of("primaryid"),
            FaersTable.THER, List.of("primaryid", "dsg_drug_seq"),
            FaersTable.INDI, List.of("primaryid", "indi_drug_seq"));
    /** The coded or text value a row exists to carry; a row without it says nothing. */
    private static final Map<FaersTable, String> PAYLOAD = Map.of(
            FaersTable.REAC, "pt",
            FaersTable.OUTC, "outc_cod",
            FaersTable.RPSR, "rpsr_cod",
            FaersTable.INDI, "indi_pt");
    private static final byte[][] ROLE_CODS = FaersTable.ROLE_CODS.stream()
            .map(c -> c.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final Map<String, Binary> PRECISIONS = Map.of(
            FaersDates.DAY, Binary.fromString(FaersDates.DAY),
            FaersDates.MONTH, Binary.fromString(FaersDates.MONTH),
            FaersDates.YEAR, Binary.fromString(FaersDates.YEAR),
            FaersDates.INVALID, Binary.fromString(FaersDates.INVALID));

    private final FaersTable table;
    private final String fileName;
    private final StrictDecoder decoder;
    private final List<String> columns;
    /** For each date column: its source column, its date and its precision column. */
    private final int[][] dateSlots;
    private final int roleCod;
    private final int caseVersion;
    private final int fdaDate;
    private FaersHeader header;
    /** The header's source column of each field. */
    private int[] columnOfField;
    private int[] numericKeys;
    private int payload = -1;
    /** Whether the current line is all ASCII, and whether its last field is empty. */
    private boolean ascii;
    private boolean lastFieldEmpty;
    /** Where each source column's value starts and ends in the current line; -1 for null. */
    private final int[] valueStarts;
    private final int[] valueEnds;
    /** Each date column's precision in the current line (null when empty) and its epoch day. */
    private final String[] precisions;
    private final int[] days;

    public FaersLineParser(FaersTable table, String fileName, StrictDecoder decoder) {
        this.table = table;
        this.fileName = fileName;
        this.decoder = decoder;
        this.columns = table.sourceColumns();
        LakeSchema schema = table.schema();
        dateSlots = columns.stream().filter(table::isDate)
                .map(c -> new int[] {columns.indexOf(c), schema.indexOf(c + FaersTable.DATE_SUFFIX),
                        schema.indexOf(c + FaersTable.PRECISION_SUFFIX)})
                .toArray(int[][]::new);
        roleCod = table == FaersTable.DRUG ? columns.indexOf("role_cod") : -1;
        caseVersion = table == FaersTable.DEMO ? columns.indexOf("caseversion") : -1;
        fdaDate = table == FaersTable.DEMO ? columns.indexOf("fda_dt") : -1;
        valueStarts = new int[columns.size()];
        valueEnds = new int[columns.size()];
        precisions = new String[dateSlots.length];
        days = new int[dateSlots.length];
    }

    @Override
    public void header(ByteLines line) {
        header = FaersHeader.parse(table, fileName, decoder.decodeLeniently(line.text()));
        numericKeys = NUMERIC_KEYS.get(table).stream().mapToInt(columns::indexOf).toArray();
        if (header.hasColumn("caseid") && table != FaersTable.DEMO) {
            numericKeys = Arrays.copyOf(numericKeys, numericKeys.length + 1);
            numericKeys[numericKeys.length - 1] = columns.indexOf("caseid");
        }
        payload = PAYLOAD.containsKey(table) ? columns.indexOf(PAYLOAD.get(table)) : -1;
        columnOfField = header.columnsOfFields();
    }

    @Override
    public void parse(ByteLines line, RowBuffer row) {
        byte[] text = line.bytes();
        int from = line.start();
        int to = from + line.length();
        int fields = split(text, from, to);
        if (!ascii) {
            text = decoder.utf8UnlessAscii(text, from, line.length());
            from = 0;
            to = text.length;
            fields = split(text, from, to);
        }
        int expected = header.fieldCount();
        if (fields != expected && !(fields == expected + 1 && lastFieldEmpty)) {
            throw new RecordRejectedException("expected " + expected + " '$'-separated fields as in the header, found "
                    + fields);
        }
        checkKeys(text);
        for (int d = 0; d < dateSlots.length; d++) {
            int source = dateSlots[d][0];
            if (valueStarts[source] < 0) {
                precisions[d] = null;
            } else {
                days[d] = FaersDates.epochDay(text, valueStarts[source], valueEnds[source]);
                precisions[d] = days[d] == FaersDates.NOT_A_DATE ? FaersDates.INVALID
                        : FaersDates.precision(valueEnds[source] - valueStarts[source]);
            }
        }
        if (fdaDate >= 0) {
            checkFdaDate(text);
        }
        for (int c = 0; c < valueStarts.length; c++) {
            if (valueStarts[c] >= 0) {
                row.text(c, text, valueStarts[c], valueEnds[c] - valueStarts[c]);
            }
        }
        for (int d = 0; d < dateSlots.length; d++) {
            if (precisions[d] != null) {
                row.text(dateSlots[d][2], PRECISIONS.get(precisions[d]));
                if (days[d] != FaersDates.NOT_A_DATE) {
                    row.epochDay(dateSlots[d][1], days[d]);
                }
            }
        }
    }

    /**
     * One pass over bytes {@code from} to {@code to}: where the non-empty fields of the header's columns lie, whether
     * the bytes are all ASCII, and whether the last field is empty.
     *
     * @return the number of {@code $}-separated fields
     */
    private int split(byte[] text, int from, int to) {
        int[] starts = valueStarts;
        int[] ends = valueEnds;
        int[] columns = columnOfField;
        Arrays.fill(starts, -1);
        int field = 0;
        int start = from;
        int bits = 0;
        for (int i = from; i < to; i++) {
            byte b = text[i];
            bits |= b;
            if (b == FaersFields.DELIMITER) {
                if (field < columns.length && start < i) {
                    starts[columns[field]] = start;
                    ends[columns[field]] = i;
                }
                field++;
                start = i + 1;
            }
        }
        if (field < columns.length && start < to) {
            starts[columns[field]] = start;
            ends[columns[field]] = to;
        }
        ascii = bits >= 0;
        lastFieldEmpty = start == to;
        return field + 1;
    }

    private void checkKeys(byte[] text) {
        for (int key : numericKeys) {
            if (valueStarts[key] < 0) {
                throw new RecordRejectedException(columns.get(key) + " is empty");
            }
            if (!FaersFields.isDigits(text, valueStarts[key], valueEnds[key])) {
                throw new RecordRejectedException(columns.get(key) + " '" + value(text, key) + "' is not a number");
            }
        }
        if (payload >= 0 && valueStarts[payload] < 0) {
            throw new RecordRejectedException(columns.get(payload) + " is empty");
        }
        if (roleCod >= 0 && !isRoleCode(text)) {
            throw new RecordRejectedException("role_cod '" + (valueStarts[roleCod] < 0 ? "" : value(text, roleCod))
                    + "' is not one of " + String.join(", ", FaersTable.ROLE_CODS));
        }
        if (caseVersion >= 0 && valueStarts[caseVersion] >= 0
                && !FaersFields.isDigits(text, valueStarts[caseVersion], valueEnds[caseVersion])) {
            throw new RecordRejectedException("caseversion '" + value(text, caseVersion) + "' is not a number");
        }
    }

    private boolean isRoleCode(byte[] text) {
        if (valueStarts[roleCod] < 0) {
            return false;
        }
        for (byte[] code : ROLE_CODS) {
            if (Arrays.equals(text, valueStarts[roleCod], valueEnds[roleCod], code, 0, code.length)) {
                return true;
            }
        }
        return false;
    }

    /** fda_dt orders case versions during deduplication, so it must be a full, real date. */
    private void checkFdaDate(byte[] text) {
        if (valueStarts[fdaDate] < 0) {
            throw new RecordRejectedException("fda_dt is empty");
        }
        for (int d = 0; d < dateSlots.length; d++) {
            if (dateSlots[d][0] == fdaDate && !FaersDates.DAY.equals(precisions[d])) {
                throw new RecordRejectedException("fda_dt '" + value(text, fdaDate)
                        + "' is not a valid YYYYMMDD date");
            }
        }
    }

    private String value(byte[] text, int column) {
        return new String(text, valueStarts[column], valueEnds[column] - valueStarts[column], StandardCharsets.UTF_8);
    }
}
