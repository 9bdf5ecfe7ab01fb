package org.iago.disproportionality;

import java.io.Serializable;

/**
 * One report as {@link PairCounts} reads it: its stratum (null unstratified) and its drug and event keys. A bean, so
 * that Spark decodes the key arrays straight into {@code int[]}. The report id is left out: it would be decoded for
 * every report only to be named in a message, and an unknown key is a fault of the lake, not of a report.
 */
public class ReportKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private String stratum;
    private int[] drugKeys;
    private int[] eventKeys;

    /** For Spark's bean encoder. */
    public ReportKeys() {
    }

    public ReportKeys(String stratum, int[] drugKeys, int[] eventKeys) {
        this.stratum = stratum;
        this.drugKeys = drugKeys;
        this.eventKeys = eventKeys;
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
