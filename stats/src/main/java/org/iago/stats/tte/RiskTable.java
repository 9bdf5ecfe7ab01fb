package org.iago.stats.tte;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Follow-up grouped by distinct time t_1 &lt; t_2 &lt; … &lt; t_m: at each t_j the number at risk n_j (subjects with
 * time ≥ t_j), the events of each cause and the censorings. Events count before censorings at the same time: a
 * subject censored at t_j is still at risk at t_j, as in R's {@code survfit} and {@code cmprsk::cuminc}.
 *
 * <p>Arguments are checked by the callers ({@link Arguments}).
 */
final class RiskTable {

    private final double[] times;
    private final int[] atRisk;
    private final int[] censored;
    private final int[] events;
    /** {@code causeEvents[k - 1][j]}: events of cause k at t_j. */
    private final int[][] causeEvents;

    private RiskTable(double[] times, int[] atRisk, int[] censored, int[] events, int[][] causeEvents) {
        this.times = times;
        this.atRisk = atRisk;
        this.censored = censored;
        this.events = events;
        this.causeEvents = causeEvents;
    }

    /**
     * Groups subjects by time.
     *
     * @param times follow-up time of each subject
     * @param causes 0 if the subject is censored at its time, else the cause k ≥ 1 of its event
     */
    static RiskTable of(double[] times, int[] causes) {
        int subjects = times.length;
        int[] order = IntStream.range(0, subjects).boxed()
                .sorted(Comparator.comparingDouble(i -> times[i]))
                .mapToInt(Integer::intValue).toArray();
        int distinct = (int) IntStream.range(0, subjects)
                .filter(r -> r == 0 || times[order[r]] != times[order[r - 1]]).count();
        int maxCause = IntStream.of(causes).max().orElse(0);

        double[] t = new double[distinct];
        int[] n = new int[distinct];
        int[] c = new int[distinct];
        int[] d = new int[distinct];
        int[][] dk = new int[maxCause][distinct];
        int j = -1;
        for (int r = 0; r < subjects; r++) {
            int subject = order[r];
            if (r == 0 || times[subject] != t[j]) {
                j++;
                t[j] = times[subject];
                n[j] = subjects - r;
            }
            int cause = causes[subject];
            if (cause == 0) {
                c[j]++;
            } else {
                d[j]++;
                dk[cause - 1][j]++;
            }
        }
        return new RiskTable(t, n, c, d, dk);
    }

    /** The number m of distinct times. */
    int size() {
        return times.length;
    }

    double time(int j) {
        return times[j];
    }

    int atRisk(int j) {
        return atRisk[j];
    }

    int censored(int j) {
        return censored[j];
    }

    /** Events of any cause at t_j. */
    int events(int j) {
        return events[j];
    }

    /** Events of the given cause at t_j; 0 for a cause that never occurs. */
    int events(int cause, int j) {
        return cause <= causeEvents.length ? causeEvents[cause - 1][j] : 0;
    }

    /** The causes with at least one event, in increasing order. */
    List<Integer> causes() {
        List<Integer> observed = new ArrayList<>();
        for (int k = 1; k <= causeEvents.length; k++) {
            if (IntStream.of(causeEvents[k - 1]).sum() > 0) {
                observed.add(k);
            }
        }
        return Collections.unmodifiableList(observed);
    }

    /**
     * The all-cause product-limit estimate Ŝ(t_j) = Π_{i ≤ j} (1 − d_i/n_i) at each distinct time, events of every
     * cause counting as failures.
     */
    double[] survival() {
        double[] s = new double[times.length];
        double previous = 1;
        for (int j = 0; j < times.length; j++) {
            previous *= (atRisk[j] - events[j]) / (double) atRisk[j];
            s[j] = previous;
        }
        return s;
    }
}
