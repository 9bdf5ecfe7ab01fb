package org.iago.disproportionality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reports held in the driver's memory for an analysis without Spark ({@link DisproportionalityJob#runOnDriver}): the
 * same {@link ReportKeys} and names that {@link SignalInput} hands Spark's counting, read with parquet-java by
 * {@link CaseTable} or {@link CuratedFaers}.
 *
 * @param reports        one per report, in no particular order
 * @param reportQuarters the quarter of each report (FAERS, for {@link #through}), or null for a case table
 * @param reportIds      the report_id of each report (FAERS, for {@link PriorityInputs#onDriver}), or null for a case
 *                       table
 * @param drugs      the drug names, numbered
 * @param events     the event names, numbered
 * @param stratified whether the reports carry strata
 */
public record DriverInput(List<ReportKeys> reports, List<String> reportQuarters, long[] reportIds, KeyNames drugs,
        KeyNames events, boolean stratified) {

    public DriverInput {
        if (reportQuarters != null && reportQuarters.size() != reports.size()) {
            throw new IllegalArgumentException(reportQuarters.size() + " quarters for " + reports.size() + " reports");
        }
        if (reportIds != null && reportIds.length != reports.size()) {
            throw new IllegalArgumentException(reportIds.length + " report ids for " + reports.size() + " reports");
        }
    }

    /**
     * The quarters of the reports, in order, as {@link SignalInput#quarters}.
     *
     * @throws IllegalStateException for a case table, whose reports have no quarter
     */
    public List<String> quarters() {
        if (reportQuarters == null) {
            throw new IllegalStateException("only a FAERS input has quarters");
        }
        return List.copyOf(new TreeSet<>(reportQuarters));
    }

    /**
     * The reports up to a quarter, with the same names, as {@link SignalInput#through}.
     *
     * @throws IllegalStateException for a case table, whose reports have no quarter
     */
    public DriverInput through(String quarter) {
        if (reportQuarters == null) {
            throw new IllegalStateException("only a FAERS input has quarters to step through");
        }
        String last = quarter.toUpperCase(Locale.ROOT);
        List<ReportKeys> kept = new ArrayList<>();
        List<String> keptQuarters = new ArrayList<>();
        long[] keptIds = reportIds == null ? null : new long[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            if (reportQuarters.get(i).compareTo(last) <= 0) {
                if (keptIds != null) {
                    keptIds[kept.size()] = reportIds[i];
                }
                kept.add(reports.get(i));
                keptQuarters.add(reportQuarters.get(i));
            }
        }
        return new DriverInput(kept, keptQuarters, keptIds == null ? null : Arrays.copyOf(keptIds, kept.size()), drugs,
                events, stratified);
    }
}
