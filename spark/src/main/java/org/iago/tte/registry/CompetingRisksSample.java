package org.iago.tte.registry;

/**
 * The competing-risks follow-up of one event in one group, one entry per patient, for
 * {@link org.iago.stats.tte.CumulativeIncidence}, and the onset days of the patients' first episodes. The arrays are
 * not modified after construction.
 *
 * @param event the event
 * @param group the patients
 * @param days the day event-free follow-up ended
 * @param causes 0 if censored then, else the {@link CompetingCause} code
 * @param onsetDays the first-episode onset day of every patient with the event within follow-up, competing events
 *        or not
 */
record CompetingRisksSample(String event, AnalysisGroup group, double[] days, int[] causes, double[] onsetDays) {
}
