package org.iago.synth;

/** Counts of one quarter, kept while its reports are written: kinds of reports and reports per planted PT. */
final class QuarterTally {

    private static final PlantedSignal[] SIGNALS = PlantedSignal.values();

    private int reports;
    private int followUpVersions;
    private int cartReports;
    private final int[] planted = new int[SIGNALS.length];
    private final int[] background = new int[SIGNALS.length];

    void count(CarTProduct product, int signalMask, boolean followUp) {
        reports++;
        if (followUp) {
            followUpVersions++;
        }
        if (product != null) {
            cartReports++;
        }
        for (int i = 0; i < SIGNALS.length; i++) {
            if ((signalMask & SIGNALS[i].bit()) != 0) {
                if (product == null) {
                    background[i]++;
                } else {
                    planted[i]++;
                }
            }
        }
    }

    int reports() {
        return reports;
    }

    int newCases() {
        return reports - followUpVersions;
    }

    int followUpVersions() {
        return followUpVersions;
    }

    int cartReports() {
        return cartReports;
    }

    int planted(PlantedSignal signal) {
        return planted[signal.ordinal()];
    }

    int background(PlantedSignal signal) {
        return background[signal.ordinal()];
    }
}
