package org.iago.ingest.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.iago.curate.ProductDictionary;
import org.iago.ingest.InputFile;
import org.iago.ingest.RecordRejectedException;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.RegistryTable;

/**
 * The accepted patients and outcomes of an extract, which every other table is checked against (referential
 * integrity, dates within follow-up) and which decide duplicates (the first valid row of a {@code patient_id} wins).
 * It is computed from the input files alone, with the same rules as the load steps, so a restarted step sees exactly
 * what the first attempt saw.
 */
final class RegistryIndex {

    /** The first valid {@code patients.csv} row of a patient. */
    record Patient(int line, LocalDate infusion) {
    }

    /** The first valid {@code outcomes.csv} row of a patient; follow-up ends at death, else at the last follow-up. */
    record Outcome(int line, LocalDate followUpEnd) {
    }

    private final Map<String, Patient> patients;
    private final Map<String, Outcome> outcomes;

    private RegistryIndex(Map<String, Patient> patients, Map<String, Outcome> outcomes) {
        this.patients = patients;
        this.outcomes = outcomes;
    }

    static RegistryIndex scan(InputFile patientsFile, InputFile outcomesFile, StrictDecoder decoder,
            ProductDictionary products) throws IOException {
        Map<String, Patient> patients = new HashMap<>();
        RegistryRules patientRules = new RegistryRules(products, new RegistryIndex(null, null));
        scan(patientsFile, new RegistryLineMapper(RegistryTable.PATIENTS, patientsFile.name(), decoder, patientRules),
                (row, line) -> patients.putIfAbsent((String) row[0], new Patient(line, (LocalDate) row[3])));
        Map<String, Outcome> outcomes = new HashMap<>();
        RegistryRules outcomeRules = new RegistryRules(products, new RegistryIndex(patients, null));
        scan(outcomesFile, new RegistryLineMapper(RegistryTable.OUTCOMES, outcomesFile.name(), decoder, outcomeRules),
                (row, line) -> outcomes.putIfAbsent((String) row[0],
                        new Outcome(line, RegistryRules.followUpEnd((LocalDate) row[3], (LocalDate) row[5]))));
        return new RegistryIndex(Collections.unmodifiableMap(patients), Collections.unmodifiableMap(outcomes));
    }

    private interface AcceptedRow {
        void accept(Object[] values, int line);
    }

    /** Reads lines as the load step's reader does: one ISO-8859-1 char per byte, split as BufferedReader splits. */
    private static void scan(InputFile file, RegistryLineMapper mapper, AcceptedRow accepted) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.resource().getInputStream(),
                StandardCharsets.ISO_8859_1))) {
            String header = lines.readLine();
            if (header == null) {
                return;
            }
            mapper.handleLine(header);
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                try {
                    accepted.accept(mapper.mapLine(line, lineNumber).values(), lineNumber);
                } catch (RecordRejectedException rejected) {
                    // the load step rejects it with its reason
                }
            }
        }
    }

    /** Whether the patients are known yet: not while {@code patients.csv} itself is being indexed. */
    boolean knowsPatients() {
        return patients != null;
    }

    boolean knowsOutcomes() {
        return outcomes != null;
    }

    Patient patient(String patientId) {
        return patients.get(patientId);
    }

    Outcome outcome(String patientId) {
        return outcomes.get(patientId);
    }
}
