package org.iago.curate;

import java.util.Map;

/**
 * What curation removed and kept, written to {@code <lake>/curated/_summary.json}.
 *
 * @param demoRows          DEMO rows of every ingested quarter
 * @param reports           reports kept: one per caseid, not deleted, not a duplicate of another caseid
 * @param olderVersions     rows dropped because a later version of the same case exists
 * @param deletedIdsKind    what the FDA deleted lists hold, judged by which ids they match: caseid or primaryid
 * @param deletedIds        distinct ids on the deleted lists
 * @param deletedReports    reports dropped because their case is on a deleted list
 * @param duplicateRule     the duplicate rule's name ({@code none}: off)
 * @param duplicateReports  reports dropped as duplicates of a report under another caseid ({@code curated/duplicates})
 * @param drugs             distinct drugs after normalisation (CAR-T products by brand, others by ingredient)
 * @param cartReports       kept reports naming a CAR-T product in any role
 * @param drugRowsBySource  drug rows of the kept reports by the source that decided their ingredient
 *                          ({@link CurateJob.NameSource}, in the order the sources are asked)
 * @param events            distinct PTs
 * @param renamedPtRows     REAC rows of the latest versions whose PT a MedDRA distribution mapped to its current name
 */
public record CurationSummary(long demoRows, long reports, long olderVersions, String deletedIdsKind, long deletedIds,
        long deletedReports, String duplicateRule, long duplicateReports, long drugs, long cartReports,
        Map<String, Long> drugRowsBySource, long events, long renamedPtRows) {
}
