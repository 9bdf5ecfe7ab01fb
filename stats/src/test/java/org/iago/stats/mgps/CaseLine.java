package org.iago.stats.mgps;

import java.util.Objects;

/**
 * One line of a case-level table: a report (case) mentions a drug and an event, and belongs to a stratum. A report
 * usually has several lines; {@link ReferenceCounts} counts distinct reports, never lines.
 *
 * @param caseId  report identifier (FAERS primaryid or case, CAERS report id)
 * @param drug    drug or product name
 * @param event   adverse event term
 * @param stratum the report's stratum, the cross product of its stratification variables written as one value
 *                (e.g. "F-age_cat1", as openEBGM pastes them); the same value, e.g. "", for every line when E is
 *                not stratified
 */
public record CaseLine(String caseId, String drug, String event, String stratum) {

    /**
     * Rejects missing values.
     *
     * @param caseId  report identifier
     * @param drug    drug or product name
     * @param event   adverse event term
     * @param stratum the report's stratum
     * @throws NullPointerException if a value is null
     */
    public CaseLine {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(stratum, "stratum");
    }

    /**
     * A line of an unstratified table (stratum "").
     *
     * @param caseId report identifier
     * @param drug   drug or product name
     * @param event  adverse event term
     * @return the line
     */
    public static CaseLine unstratified(String caseId, String drug, String event) {
        return new CaseLine(caseId, drug, event, "");
    }
}
