package org.iago.synth.registry;

import java.util.List;

/**
 * Everything the extract says about one patient, with days counted from the infusion (day 0); {@link #NONE} marks an
 * absent day. Every event lies within follow-up, which ends at {@link Outcome#followUpEnd()}.
 */
record PatientRecord(String id, Product product, String productName, long infusionEpochDay, int age, String sex,
                     String disease, int priorLines, String centre, Outcome outcome, List<Episode> episodes,
                     List<Infection> infections, List<Lab> labs, List<Treatment> treatments,
                     List<Neoplasm> neoplasms) {

    static final int NONE = Integer.MIN_VALUE;

    /** The outcome row; {@code lost} is true for a patient lost to follow-up before the data cut-off. */
    record Outcome(int relapseDay, int nextTherapyDay, int deathDay, String deathCause, int lastFollowUpDay,
                   boolean lost) {

        /** Death when the patient died, else the last follow-up. */
        int followUpEnd() {
            return deathDay != NONE ? deathDay : lastFollowUpDay;
        }
    }

    /** A toxicity episode; {@code raw} holds the eight ASTCT parameter columns, empty when unknown. */
    record Episode(String category, int onsetDay, int resolutionDay, int grade, String system, String[] raw) {

        /** The episode as seen at a follow-up end before its resolution. */
        Episode unresolved() {
            return new Episode(category, onsetDay, NONE, grade, system, raw);
        }
    }

    /** An infection; {@code prophylaxis} is the agent against its pathogen class taken that day, or null. */
    record Infection(int day, String pathogenClass, String organism, int grade, boolean inpatient,
                     String prophylaxis) {
    }

    record Lab(int day, int anc, int platelets) {
    }

    /** A management period; {@code agent} names the drug of a prophylaxis period (not a column of its own). */
    record Treatment(String treatment, int startDay, int endDay, String indication, String agent) {

        boolean covers(int day) {
            return startDay <= day && day <= endDay;
        }
    }

    record Neoplasm(int day, String type, String transgeneDetected) {
    }
}
