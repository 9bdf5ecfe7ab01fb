package org.iago.stats.tte;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Look-up in a right-continuous step function stored as steps in increasing order of time. */
final class StepFunction {

    private StepFunction() {
    }

    /**
     * Index of the last step whose time is at or before {@code time}, or −1 if {@code time} precedes every step.
     *
     * @throws IllegalArgumentException if {@code time} is NaN
     */
    static <T> int lastAtOrBefore(List<T> steps, ToDoubleFunction<T> stepTime, double time) {
        if (Double.isNaN(time)) {
            throw new IllegalArgumentException("time must not be NaN");
        }
        int low = 0;
        int high = steps.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (stepTime.applyAsDouble(steps.get(middle)) <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
