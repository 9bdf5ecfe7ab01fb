package org.iago.disproportionality;

import java.io.Serializable;

/**
 * One report as {@link PairCounts} reads it: its id (as text, for messages only), its stratum (null unstratified) and
 * its drug and event keys. A bean, so that Spark decodes the key arrays straight into {@code int[]}.
 */
public class ReportKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private String reportId;
    private String stratum;
    private int[] drugKeys;
    private int[] eventKeys;

    /** For Spark's bean encoder. */
    public ReportKeys() {
    }

    public ReportKeys(String reportId, String stratum, int[] drugKeys, int[] eventKeys) {
        this.reportId = reportId;
        this.stratum = stratum;
        this.drugKeys = drugKeys;
        this.eventKeys = eventKeys;
    }

    public String getReportId() {
        return reportId;
    }

    public void setReportId(String reportId) {
        this.reportId = reportId;
    }

    public String getStratum() {
        return stratum;
    }

    public void setStratum(String stratum) {
        this.stratum = stratum;
    }

    public int[] getDrugKeys() {
        return drugKeys;
    }

    public void setDrugKeys(int[] drugKeys) {
        this.drugKeys = drugKeys;
    }

    public int[] getEventKeys() {
        return eventKeys;
    }

    public void setEventKeys(int[] eventKeys) {
        this.eventKeys = eventKeys;
    }
}
