package org.iago.synth;

/**
 * The data lines written to one synthetic file and, apart, the deliberately invalid ones among them, so that its
 * manifest can state both.
 */
public final class LineTally {

    private long lines;
    private long invalidLines;

    /** Counts a valid data line. */
    public void valid() {
        lines++;
    }

    /** Counts a deliberately invalid data line. */
    public void invalid() {
        lines++;
        invalidLines++;
    }

    /** Data lines so far, valid or not (the header excluded). */
    public long lines() {
        return lines;
    }

    public long validLines() {
        return lines - invalidLines;
    }
}
