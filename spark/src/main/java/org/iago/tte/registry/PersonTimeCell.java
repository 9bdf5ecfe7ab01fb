package org.iago.tte.registry;

/**
 * At-risk patient-days of one product in one window with one exposure.
 *
 * @param target the product's target
 * @param product the product
 * @param window the window of days since infusion
 * @param exposure what held on these days
 * @param patientDays the number of patient-days
 */
record PersonTimeCell(String target, String product, FollowUpWindow window, Exposure exposure, long patientDays) {
}
