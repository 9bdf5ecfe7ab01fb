package org.iago.synth;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.iago.vocabulary.Quarter;

/**
 * FAERS dates: {@code yyyymmdd} integers (0 = empty), computed from epoch days without allocating, since each report
 * needs several of them.
 */
final class Dates {

    private Dates() {
    }

    /** Calendar date of an epoch day as {@code yyyymmdd} (H. Hinnant's civil-from-days algorithm). */
    static int yyyymmdd(long epochDay) {
        long z = epochDay + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (int) (year * 10_000 + month * 100 + day);
    }

    /** The epoch day of a full {@code yyyymmdd} date. */
    static long epochDay(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100).toEpochDay();
    }

    /** A uniformly drawn day of the quarter, as an epoch day. */
    static long dayIn(Quarter quarter, SplittableRandom rng) {
        long first = quarter.firstDay().toEpochDay();
        long last = quarter.lastDay().toEpochDay();
        return first + rng.nextLong(last - first + 1);
    }

    /**
     * An event date as reporters give it: mostly full, sometimes month or year only, often missing
     * (≈83% yyyymmdd, 5% yyyymm, 2% yyyy, 10% empty).
     */
    static int asReported(long epochDay, SplittableRandom rng) {
        int full = yyyymmdd(epochDay);
        int precision = rng.nextInt(100);
        if (precision < 10) {
            return 0;
        }
        if (precision < 12) {
            return full / 10_000;
        }
        if (precision < 17) {
            return full / 100;
        }
        return full;
    }
}
