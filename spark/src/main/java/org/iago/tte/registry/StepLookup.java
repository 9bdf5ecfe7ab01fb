package org.iago.tte.registry;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Reading a step function (survival or cumulative incidence steps, in increasing time) at a given day. */
final class StepLookup {

    private StepLookup() {
    }

    /**
     * The last step at or before {@code day}; null before the first step. Call only for a day within follow-up
     * ({@link #withinFollowUp}).
     */
    static <T> T atOrBefore(List<T> steps, ToDoubleFunction<T> time, double day) {
        T found = null;
        for (T step : steps) {
            if (time.applyAsDouble(step) > day) {
                break;
            }
            found = step;
        }
        return found;
    }

    /**
     * Whether the curve is estimated at {@code day}: not beyond the last observed time, where R's
     * {@code summary(fit, times)} (extend = FALSE) gives nothing either.
     */
    static <T> boolean withinFollowUp(List<T> steps, ToDoubleFunction<T> time, double day) {
        return !steps.isEmpty() && day <= time.applyAsDouble(steps.get(steps.size() - 1));
    }
}
