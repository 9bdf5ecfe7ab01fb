package org.iago.ingest.registry;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.iago.dictionary.ProductDictionary;
import org.iago.ingest.ByteLineReaders;
import org.iago.ingest.InputFile;
import org.iago.ingest.LakeRow;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.RegistryTable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

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
            ProductDictionary products) throws Exception {
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

    /** Reads records as the load step does, with the same reader; a rejected record is left to the load step. */
    private static void scan(InputFile file, RegistryLineMapper mapper, AcceptedRow accepted) throws Exception {
        FlatFileItemReader<LakeRow> reader = ByteLineReaders.csv(file.name() + "IndexReader", file.resource(), mapper,
                mapper);
        reader.open(new ExecutionContext());
        try {
            while (true) {
                try {
                    LakeRow row = reader.read();
                    if (row == null) {
                        return;
                    }
                    accepted.accept(row.values(), (int) row.lineNo());
                } catch (FlatFileParseException rejected) {
                    // the load step rejects it with its reason
                }
            }
        } finally {
            reader.close();
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
