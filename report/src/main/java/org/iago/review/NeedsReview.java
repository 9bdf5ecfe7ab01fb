package org.iago.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a signal must be reviewed (again), from its latest decision and what the current run says of it
 * (issue 22):
 * <ul>
 * <li>never reviewed;</li>
 * <li>MONITOR, and its condition met: at least the given number of reports more than the decision saw, the given
 * method's lower bound at least the given value, or the given day reached;</li>
 * <li>REFUTED or NOT_VALIDATED, and since the decision either strengthened (a method's lower bound grew by the
 * status step's factor, or a method flags the pair that did not when it was decided: {@link Strengthening}) or
 * reported at least {@code newReports} times more.</li>
 * </ul>
 * Other states are work in progress or concluded (CONFIRMED), and are listed by state, not queued again.
 */
public final class NeedsReview {

    /** Why a signal is in the review queue. */
    public enum Reason { NEVER_REVIEWED, MONITOR_REPORTS, MONITOR_LOWER, MONITOR_DATE, STRENGTHENED, NEW_REPORTS }

    /** @param detail the numbers behind the reason, for a reviewer */
    public record Verdict(Reason reason, String detail) {
    }

    /** The methods whose evidence strengthened from {@code then} to {@code now}, by the status step's rule. */
    @FunctionalInterface
    public interface Strengthening {
        List<String> methods(Evidence then, Evidence now);
    }

    /** Reports more than a refuted or non-validated signal's decision saw that bring it back: the default. */
    public static final int DEFAULT_NEW_REPORTS = 3;

    private final int newReports;
    private final Strengthening strengthening;

    /**
     * @param newReports    reports more than the decision saw that bring back a REFUTED or NOT_VALIDATED signal
     * @param strengthening the status step's rule ({@code SignalStatus}, its strengthen factor)
     */
    public NeedsReview(int newReports, Strengthening strengthening) {
        if (newReports < 1) {
            throw new IllegalArgumentException("the new reports that bring a signal back must be at least 1, not "
                    + newReports);
        }
        this.newReports = newReports;
        this.strengthening = strengthening;
    }

    /**
     * @param latest the signal's latest decision; empty when never reviewed
     * @param now    what the current run says of it ({@link Evidence#NONE} when the pair is not in the run)
     * @param today  the day of the run, for a MONITOR date
     * @return why it needs review; empty when it does not
     */
    public Optional<Verdict> of(Optional<Decision> latest, Evidence now, LocalDate today) {
        if (latest.isEmpty()) {
            return Optional.of(new Verdict(Reason.NEVER_REVIEWED, "never reviewed"));
        }
        Decision d = latest.get();
        Evidence then = d.evidence();
        Long added = then.reports() == null || now.reports() == null ? null : now.reports() - then.reports();
        switch (d.state()) {
            case MONITOR -> {
                MonitorCondition c = d.monitor();
                if (c.newReports() != null && added != null && added >= c.newReports()) {
                    return verdict(Reason.MONITOR_REPORTS, added + " new reports (condition: " + c.newReports()
                            + ")");
                }
                double lower = now.lower(c.method());
                if (c.lower() != null && lower >= c.lower()) {
                    return verdict(Reason.MONITOR_LOWER, c.method() + " lower bound " + lower + " (condition: "
                            + c.lower() + ")");
                }
                if (c.date() != null && !today.isBefore(c.date())) {
                    return verdict(Reason.MONITOR_DATE, "monitored until " + c.date());
                }
            }
            case REFUTED, NOT_VALIDATED -> {
                List<String> stronger = strengthening.methods(then, now);
                if (!stronger.isEmpty()) {
                    return verdict(Reason.STRENGTHENED, "strengthened since " + d.state() + ": "
                            + String.join(", ", stronger));
                }
                if (added != null && added >= newReports) {
                    return verdict(Reason.NEW_REPORTS, added + " new reports since " + d.state());
                }
            }
            default -> {
                // in progress, validated or confirmed: listed by state
            }
        }
        return Optional.empty();
    }

    private static Optional<Verdict> verdict(Reason reason, String detail) {
        return Optional.of(new Verdict(reason, detail));
    }
}
