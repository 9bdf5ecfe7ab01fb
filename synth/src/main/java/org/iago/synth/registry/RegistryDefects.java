package org.iago.synth.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plants one invalid line of each {@link Kind} after the rows of a randomly chosen host patient, and records where.
 * Lines are added, never substituted, and drawn from their own stream: the valid lines of an extract with defects
 * are exactly those of the same extract without. Each line breaks exactly one rule and drags no other line down: the
 * patient with an unknown product has no other rows, a duplicate follows the row that wins, and the rows made up
 * for a host lie within its follow-up unless lying outside it is the defect. A duplicate outcome repeats the row,
 * as a double export would; a duplicate patient differs in its centre, so which row won can be seen.
 */
final class RegistryDefects {

    /** Ids after the last patient's: one for the patient with an unknown product, one for the orphan lab row. */
    static final int EXTRA_IDS = 2;

    /** The kinds of invalid line, each in one file. */
    enum Kind {
        UNPARSEABLE_DATE(RegistryFile.TOXICITIES),
        UNKNOWN_PRODUCT(RegistryFile.PATIENTS),
        GRADE_OUT_OF_RANGE(RegistryFile.TOXICITIES),
        UNKNOWN_CODE(RegistryFile.INFECTIONS),
        ORPHAN_PATIENT(RegistryFile.LABS),
        ONSET_BEFORE_INFUSION(RegistryFile.INFECTIONS),
        RESOLUTION_BEFORE_ONSET(RegistryFile.TOXICITIES),
        EVENT_AFTER_FOLLOW_UP(RegistryFile.NEOPLASMS),
        DUPLICATE_PATIENT(RegistryFile.PATIENTS),
        DUPLICATE_OUTCOME(RegistryFile.OUTCOMES),
        FIELD_COUNT(RegistryFile.MANAGEMENT);

        private final RegistryFile file;

        Kind(RegistryFile file) {
            this.file = file;
        }

        /** The name used in the manifest, e.g. {@code onset-before-infusion}. */
        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final long DEFECT_STREAM = 12;
    private static final String[] NO_RAW = AstctParameters.unknown();

    private final int[] hosts = new int[Kind.values().length];
    private final String unknownProductId;
    private final String orphanId;
    private final List<RegistryManifest.DefectEntry> planted = new ArrayList<>();

    RegistryDefects(long seed, PatientGenerator generator, int patients) {
        SplittableRandom rng = Draw.stream(seed, DEFECT_STREAM, 0);
        for (int k = 0; k < hosts.length; k++) {
            hosts[k] = rng.nextInt(patients);
        }
        unknownProductId = generator.id(patients + 1);
        orphanId = generator.id(patients + 2);
    }

    /** Called after all rows of the patient numbered {@code index} (0-based) were written. */
    void afterPatient(int index, PatientRecord host, ExtractWriter writer) throws IOException {
        for (Kind kind : Kind.values()) {
            if (hosts[kind.ordinal()] == index) {
                CsvTable table = writer.table(kind.file);
                long line = table.invalidRow(line(kind, host));
                planted.add(new RegistryManifest.DefectEntry(kind.file.fileName(), line, kind.label(),
                        kind == Kind.UNKNOWN_PRODUCT ? unknownProductId : kind == Kind.ORPHAN_PATIENT ? orphanId
                                : host.id()));
            }
        }
    }

    /** The planted lines by file (in format order) and line. */
    List<RegistryManifest.DefectEntry> planted() {
        List<String> order = Arrays.stream(RegistryFile.values()).map(RegistryFile::fileName).toList();
        List<RegistryManifest.DefectEntry> sorted = new ArrayList<>(planted);
        sorted.sort(Comparator.comparingInt((RegistryManifest.DefectEntry d) -> order.indexOf(d.file()))
                .thenComparingLong(RegistryManifest.DefectEntry::line));
        return sorted;
    }

    /** Follow-up is at least 3 days for every patient (no death before day 3), so days 1–3 are inside it. */
    private String[] line(Kind kind, PatientRecord host) {
        String id = host.id();
        long d0 = host.infusionEpochDay();
        int end = host.outcome().followUpEnd();
        return switch (kind) {
            case UNPARSEABLE_DATE -> {
                String day2 = ExtractWriter.date(d0, 2);
                yield toxicity(id, "CRS", day2.substring(0, 5) + "13" + day2.substring(7), "", "1", "ASTCT");
            }
            case UNKNOWN_PRODUCT -> new String[]{unknownProductId, "ZEVOR-CEL", ExtractWriter.date(d0, 0),
                    Integer.toString(host.age()), host.sex(), "MM", "4", host.centre()};
            case GRADE_OUT_OF_RANGE -> toxicity(id, "ICANS", ExtractWriter.date(d0, 3), "", "5", "CARTOX");
            case UNKNOWN_CODE -> new String[]{id, ExtractWriter.date(d0, 3), "PRION", "", "2", "INPATIENT", "N", ""};
            case ORPHAN_PATIENT -> new String[]{orphanId, "0", "1200", "150000"};
            case ONSET_BEFORE_INFUSION -> new String[]{id, ExtractWriter.date(d0, -2), "BACTERIAL",
                    "ESCHERICHIA_COLI", "3", "INPATIENT", "N", ""};
            case RESOLUTION_BEFORE_ONSET -> toxicity(id, "CRS", ExtractWriter.date(d0, 2), ExtractWriter.date(d0, 1),
                    "1", "ASTCT");
            case EVENT_AFTER_FOLLOW_UP -> new String[]{id, ExtractWriter.date(d0, end + 30), "SKIN", "U"};
            case DUPLICATE_PATIENT -> new String[]{id, host.productName(), ExtractWriter.date(d0, 0),
                    Integer.toString(host.age()), host.sex(), host.disease(), Integer.toString(host.priorLines()),
                    "C99"};
            case DUPLICATE_OUTCOME -> ExtractWriter.outcome(id, d0, host.outcome());
            case FIELD_COUNT -> Arrays.copyOf(ExtractWriter.treatment(id, d0, new PatientRecord.Treatment(
                    "ANTIVIRAL_PROPHYLAXIS", -3, Math.min(30, end), "PROPHYLAXIS", null)), 4);
        };
    }

    private static String[] toxicity(String id, String category, String onset, String resolution, String grade,
                                     String system) {
        String[] row = Arrays.copyOf(new String[]{id, category, onset, resolution, grade, system},
                6 + AstctParameters.COLUMNS);
        System.arraycopy(NO_RAW, 0, row, 6, AstctParameters.COLUMNS);
        return row;
    }
}
