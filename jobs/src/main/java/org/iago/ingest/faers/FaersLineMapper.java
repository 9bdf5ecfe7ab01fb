package org.iago.ingest.faers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.iago.ingest.LakeRow;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.FaersTable;
import org.iago.lake.LakeSchema;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;

/**
 * Turns one data line of a FAERS table file into a lake row, or rejects it with a reason. It never guesses: a line
 * whose field count cannot be reconciled with the header, a key that is not a number, a missing or impossible
 * {@code fda_dt}, or bytes that are not valid in the extract's encoding reject the line. Dates outside key fields that
 * are not dates keep their raw text with precision {@code invalid}.
 */
public final class FaersLineMapper implements LineMapper<LakeRow>, LineCallbackHandler {

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

    private final FaersTable table;
    private final String fileName;
    private final StrictDecoder decoder;
    private final List<int[]> dateSlots = new ArrayList<>();
    private FaersHeader header;
    private int[] numericKeys;
    private int payload = -1;

    public FaersLineMapper(FaersTable table, String fileName, StrictDecoder decoder) {
        this.table = table;
        this.fileName = fileName;
        this.decoder = decoder;
        LakeSchema schema = table.schema();
        List<String> columns = table.sourceColumns();
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (table.isDate(c)) {
                dateSlots.add(new int[] {i, schema.indexOf(c + FaersTable.DATE_SUFFIX),
                        schema.indexOf(c + FaersTable.PRECISION_SUFFIX)});
            }
        }
    }

    /** Receives the header line (the reader's skipped first line). */
    @Override
    public void handleLine(String headerLine) {
        header = FaersHeader.parse(table, fileName, decoder.decodeLeniently(headerLine));
        List<String> columns = table.sourceColumns();
        numericKeys = NUMERIC_KEYS.get(table).stream().mapToInt(columns::indexOf).toArray();
        if (header.hasColumn("caseid") && table != FaersTable.DEMO) {
            numericKeys = append(numericKeys, columns.indexOf("caseid"));
        }
        payload = PAYLOAD.containsKey(table) ? columns.indexOf(PAYLOAD.get(table)) : -1;
    }

    @Override
    public LakeRow mapLine(String byteLine, int lineNumber) {
        if (header == null) {
            throw new IllegalStateException(fileName + ": data line " + lineNumber + " read before the header");
        }
        String line = decoder.decode(byteLine);
        List<String> fields = FaersFields.split(line);
        int expected = header.fieldCount();
        if (fields.size() == expected + 1 && fields.get(expected).isEmpty()) {
            fields = fields.subList(0, expected);
        } else if (fields.size() != expected) {
            throw new RecordRejectedException("expected " + expected + " '$'-separated fields as in the header, found "
                    + fields.size());
        }
        Object[] values = new Object[table.schema().dataColumnCount()];
        for (int i = 0; i < expected; i++) {
            String v = fields.get(i);
            if (!v.isEmpty()) {
                values[header.columnOfField(i)] = v;
            }
        }
        checkKeys(values);
        for (int[] slot : dateSlots) {
            String raw = (String) values[slot[0]];
            if (raw != null) {
                FaersDates.ParsedDate parsed = FaersDates.parse(raw);
                values[slot[1]] = parsed.date();
                values[slot[2]] = parsed.precision();
            }
        }
        if (table == FaersTable.DEMO) {
            checkFdaDate(values);
        }
        return new LakeRow(lineNumber, values);
    }

    private void checkKeys(Object[] values) {
        List<String> columns = table.sourceColumns();
        for (int key : numericKeys) {
            String v = (String) values[key];
            if (v == null) {
                throw new RecordRejectedException(columns.get(key) + " is empty");
            }
            if (!FaersFields.isDigits(v)) {
                throw new RecordRejectedException(columns.get(key) + " '" + v + "' is not a number");
            }
        }
        if (payload >= 0 && values[payload] == null) {
            throw new RecordRejectedException(columns.get(payload) + " is empty");
        }
        if (table == FaersTable.DRUG) {
            Object role = values[columns.indexOf("role_cod")];
            if (role == null || !FaersTable.ROLE_CODS.contains(role)) {
                throw new RecordRejectedException("role_cod '" + (role == null ? "" : role)
                        + "' is not one of " + String.join(", ", FaersTable.ROLE_CODS));
            }
        }
        if (table == FaersTable.DEMO) {
            Object version = values[columns.indexOf("caseversion")];
            if (version != null && !FaersFields.isDigits((String) version)) {
                throw new RecordRejectedException("caseversion '" + version + "' is not a number");
            }
        }
    }

    /** fda_dt orders case versions during deduplication, so it must be a full, real date. */
    private void checkFdaDate(Object[] values) {
        int raw = table.sourceColumns().indexOf("fda_dt");
        if (values[raw] == null) {
            throw new RecordRejectedException("fda_dt is empty");
        }
        int precision = table.schema().indexOf("fda_dt" + FaersTable.PRECISION_SUFFIX);
        if (!FaersDates.DAY.equals(values[precision])) {
            throw new RecordRejectedException("fda_dt '" + values[raw] + "' is not a valid YYYYMMDD date");
        }
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
