package org.iago.stats.mgps;

/**
 * Actual and expected count of one drug–event pair, the input of MGPS (see {@link ReferenceCounts}).
 *
 * @param drug     drug or product name
 * @param event    adverse event term
 * @param actual   N, the number of distinct reports that mention both
 * @param expected E, the count expected if drug and event were reported independently (within strata)
 */
public record DrugEventCount(String drug, String event, int actual, double expected) {
}
