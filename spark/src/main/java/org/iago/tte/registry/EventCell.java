package org.iago.tte.registry;

/**
 * Events (every infection, every toxicity episode) with onset on at-risk patient-days of one product, window and
 * exposure.
 *
 * @param event {@code INFECTION} or the toxicity category
 * @param target the product's target
 * @param product the product
 * @param window the window of the onset day
 * @param exposure what held on the onset day
 * @param infection the infection's attributes; null for a toxicity episode
 * @param events the number of events
 */
record EventCell(String event, String target, String product, FollowUpWindow window, Exposure exposure,
        InfectionKind infection, long events) {
}
