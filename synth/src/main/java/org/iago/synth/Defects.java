package org.iago.synth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.iago.synth.Report.DrugRow;
import org.iago.vocabulary.Quarter;

/**
 * Inserts one malformed line of each {@link DefectKind} into a quarter, right after the rows of a randomly chosen
 * report, and records where. Defect lines are added, never substituted, and drawn from their own random stream: the
 * valid lines of an extract with defects are exactly the lines of the same extract without them.
 */
final class Defects {

    /** fda_dt of the bad-key-date line: month 13, day 45. */
    static final int BAD_FDA_DT = 20231345;
    /** Caseids of bad-key-date lines (plus the quarter index): above every generated caseid. */
    static final int DEFECT_CASEID = 99_000_000;

    private static final DefectKind[] KINDS = DefectKind.values();
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28};

    private final Quarter quarter;
    private final int quarterIndex;
    private final int[] reportOrdinals = new int[KINDS.length];
    private final List<SynthManifest.DefectEntry> inserted = new ArrayList<>();

    Defects(long seed, Quarter quarter, int quarterIndex, int reports) {
        this.quarter = quarter;
        this.quarterIndex = quarterIndex;
        SplittableRandom rng = Seeds.stream(seed, Seeds.DEFECTS, quarterIndex);
        for (int i = 0; i < KINDS.length; i++) {
            reportOrdinals[i] = rng.nextInt(reports);
        }
    }

    /** Called after the rows of the quarter's {@code ordinal}-th report (0-based) were written. */
    void afterReport(int ordinal, Report report, ExtractFiles files) throws IOException {
        for (int i = 0; i < KINDS.length; i++) {
            if (reportOrdinals[i] == ordinal) {
                insert(KINDS[i], report, files.writer(KINDS[i].file()));
            }
        }
    }

    List<SynthManifest.DefectEntry> inserted() {
        return inserted;
    }

    private void insert(DefectKind kind, Report report, RecordWriter writer) throws IOException {
        long line = writer.tally().lines() + 2; // 1-based, after the header
        writer.invalidLine(content(kind, report));
        inserted.add(new SynthManifest.DefectEntry(quarter.toString(), kind.file().path(quarter), line, kind.label()));
    }

    private byte[] content(DefectKind kind, Report report) throws IOException {
        long primaryid = report.primaryid();
        int caseid = report.caseid();
        int seq = report.drugs().size();
        return switch (kind) {
            case FIELD_COUNT -> withoutField(
                    render(w -> ExtractFiles.drug(w, primaryid, caseid, concomitant(seq + 1, "ASPIRIN", "81"))), 7);
            case COLLAPSED_LINE -> concat(
                    render(w -> ExtractFiles.drug(w, primaryid, caseid, concomitant(seq + 2, "ACETAMINOPHEN", "500"))),
                    render(w -> ExtractFiles.drug(w, primaryid, caseid, concomitant(seq + 3, "OMEPRAZOLE", "20"))));
            case BAD_KEY_DATE -> render(w -> ExtractFiles.demo(w,
                    report.demo().asNewCase(DEFECT_CASEID + quarterIndex, BAD_FDA_DT)));
            case INVALID_UTF8 -> concat(ascii(primaryid + "$" + caseid + "$Rash "), NOT_UTF8, ascii("$"));
            case EMPTY_KEY -> ascii("$" + caseid + "$OT");
        };
    }

    private static DrugRow concomitant(int seq, String name, String amount) {
        return new DrugRow(seq, "C", name, name, 1, "Oral", amount + " MG, QD", "", "", "", "", "", 0, "", amount,
                "MG", "TABLET", "QD", null, null);
    }

    /** A line rendered by the normal row code, without its line end. */
    private static byte[] render(Row row) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RecordWriter writer = new RecordWriter(bytes, 4096)) {
            row.write(writer);
        }
        byte[] line = bytes.toByteArray();
        return Arrays.copyOf(line, line.length - 1);
    }

    private static byte[] withoutField(byte[] line, int field) {
        List<String> fields = new ArrayList<>(List.of(new String(line, StandardCharsets.ISO_8859_1).split("\\$", -1)));
        fields.remove(field);
        return String.join("$", fields).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private interface Row {
        void write(RecordWriter writer) throws IOException;
    }
}
