package org.iago.curate;

/**
 * What curation removed and kept, written to {@code <lake>/curated/_summary.json}.
 *
 * @param demoRows        DEMO rows of every ingested quarter
 * @param reports         reports kept: one per caseid, not deleted
 * @param olderVersions   rows dropped because a later version of the same case exists
 * @param deletedIdsKind  what the FDA deleted lists hold, judged by which ids they match: caseid or primaryid
 * @param deletedIds      distinct ids on the deleted lists
 * @param deletedReports  reports dropped because their case is on a deleted list
 * @param drugs           distinct drugs after normalisation (CAR-T products by brand, others by ingredient)
 * @param cartReports     kept reports naming a CAR-T product in any role
 * @param events          distinct PTs
 */
public record CurationSummary(long demoRows, long reports, long olderVersions, String deletedIdsKind, long deletedIds,
        long deletedReports, long drugs, long cartReports, long events) {
}
