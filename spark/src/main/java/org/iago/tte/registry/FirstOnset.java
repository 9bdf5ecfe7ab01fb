package org.iago.tte.registry;

/**
 * The first episode of an event of one patient, within follow-up.
 *
 * @param event the event
 * @param product the patient's product
 * @param target the product's target
 * @param day its onset, in days since infusion
 */
record FirstOnset(String event, String product, String target, int day) {
}
