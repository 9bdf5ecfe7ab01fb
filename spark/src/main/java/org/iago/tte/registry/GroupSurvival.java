package org.iago.tte.registry;

/**
 * Overall survival follow-up of one group, one entry per patient, for {@link org.iago.stats.tte.KaplanMeier}. The
 * arrays are not modified after construction.
 *
 * @param group the patients
 * @param days follow-up end, days since infusion
 * @param died whether the follow-up ended with death
 */
record GroupSurvival(AnalysisGroup group, double[] days, boolean[] died) {
}
