package org.iago.stats.rates;

/** Argument checks shared by the rate statistics. */
final class Arguments {

    private Arguments() {
    }

    /**
     * @return the level, if it is in (0, 1)
     * @throws IllegalArgumentException otherwise
     */
    static double checkConfidenceLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        return level;
    }

    /**
     * @return the count, if its person-time is above zero
     * @throws IllegalArgumentException otherwise
     */
    static PersonTimeCount checkAtRisk(PersonTimeCount count, String which) {
        if (count.personTime() == 0) {
            throw new IllegalArgumentException("person-time at risk must be positive, " + which + ": " + count);
        }
        return count;
    }
}
