package org.iago.synth.registry;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.iago.synth.registry.PatientRecord.Episode;
import org.iago.synth.registry.PatientRecord.Infection;
import org.iago.synth.registry.PatientRecord.Lab;
import org.iago.synth.registry.PatientRecord.Neoplasm;
import org.iago.synth.registry.PatientRecord.Outcome;
import org.iago.synth.registry.PatientRecord.Treatment;

/**
 * Renders patients into the seven files, all of a patient's rows before the next patient's, so every file is
 * sorted by patient_id and, within a patient, by date. Days become {@code YYYY-MM-DD} dates from the infusion date.
 */
final class ExtractWriter implements Closeable {

    private static final long FIRST_CACHED_DAY = LocalDate.of(2017, 1, 1).toEpochDay();
    private static final String[] DATES = new String[16 * 366];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = LocalDate.ofEpochDay(FIRST_CACHED_DAY + i).toString();
        }
    }

    private final Map<RegistryFile, CsvTable> tables = new EnumMap<>(RegistryFile.class);

    ExtractWriter(Path folder) throws IOException {
        for (RegistryFile file : RegistryFile.values()) {
            tables.put(file, new CsvTable(folder, file));
        }
    }

    CsvTable table(RegistryFile file) {
        return tables.get(file);
    }

    void write(PatientRecord p) throws IOException {
        long d0 = p.infusionEpochDay();
        String id = p.id();
        table(RegistryFile.PATIENTS).row(id, p.productName(), date(d0, 0), Integer.toString(p.age()), p.sex(),
                p.disease(), Integer.toString(p.priorLines()), p.centre());
        table(RegistryFile.OUTCOMES).row(outcome(id, d0, p.outcome()));
        for (Episode e : p.episodes()) {
            String[] row = new String[6 + AstctParameters.COLUMNS];
            row[0] = id;
            row[1] = e.category();
            row[2] = date(d0, e.onsetDay());
            row[3] = optionalDate(d0, e.resolutionDay());
            row[4] = Integer.toString(e.grade());
            row[5] = e.system();
            System.arraycopy(e.raw(), 0, row, 6, AstctParameters.COLUMNS);
            table(RegistryFile.TOXICITIES).row(row);
        }
        for (Infection i : p.infections()) {
            table(RegistryFile.INFECTIONS).row(id, date(d0, i.day()), i.pathogenClass(), i.organism(),
                    Integer.toString(i.grade()), i.inpatient() ? "INPATIENT" : "OUTPATIENT",
                    i.prophylaxis() != null ? "Y" : "N", i.prophylaxis() != null ? i.prophylaxis() : "");
        }
        CsvTable labs = table(RegistryFile.LABS);
        for (Lab lab : p.labs()) {
            labs.row(id, Integer.toString(lab.day()), Integer.toString(lab.anc()), Integer.toString(lab.platelets()));
        }
        for (Treatment t : p.treatments()) {
            table(RegistryFile.MANAGEMENT).row(treatment(id, d0, t));
        }
        for (Neoplasm n : p.neoplasms()) {
            table(RegistryFile.NEOPLASMS).row(id, date(d0, n.day()), n.type(), n.transgeneDetected());
        }
    }

    static String[] outcome(String id, long d0, Outcome o) {
        return new String[]{id, optionalDate(d0, o.relapseDay()), optionalDate(d0, o.nextTherapyDay()),
                optionalDate(d0, o.deathDay()), o.deathCause() != null ? o.deathCause() : "",
                date(d0, o.lastFollowUpDay())};
    }

    static String[] treatment(String id, long d0, Treatment t) {
        return new String[]{id, t.treatment(), date(d0, t.startDay()), date(d0, t.endDay()), t.indication()};
    }

    /** The date {@code day} days after the infusion on epoch day {@code d0}. */
    static String date(long d0, int day) {
        long index = d0 + day - FIRST_CACHED_DAY;
        return index >= 0 && index < DATES.length ? DATES[(int) index] : LocalDate.ofEpochDay(d0 + day).toString();
    }

    private static String optionalDate(long d0, int day) {
        return day == PatientRecord.NONE ? "" : date(d0, day);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CsvTable table : tables.values()) {
            try {
                table.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
