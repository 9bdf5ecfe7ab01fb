package org.iago.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

import org.iago.vocabulary.Quarter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters that check an option's value where picocli parses it, so that a bad value is a usage error (exit 2)
 * naming the option and what it allows, before any work starts. One converter per kind of value, shared by every
 * option of that kind.
 */
final class OptionValues {

    private OptionValues() {
    }

    /** A count of things: a whole number of at least 1. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(1, value);
        }
    }

    /** A count that may be none: a whole number of at least 0. */
    static final class AtLeastZero implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(0, value);
        }
    }

    private static int atLeast(int least, String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number (allowed: " + least + " to "
                    + Integer.MAX_VALUE + ")");
        }
        if (n < least) {
            throw new TypeConversionException("'" + value + "' is less than " + least + " (allowed: " + least + " to "
                    + Integer.MAX_VALUE + ")");
        }
        return n;
    }

    /** A share: a number from 0 to 1, both included. */
    static final class Share implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double share;
            try {
                share = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number (allowed: 0 to 1, e.g. 0.01)");
            }
            // NaN fails both comparisons' negations, so it is refused too
            if (!(share >= 0 && share <= 1)) {
                throw new TypeConversionException("'" + value + "' is not between 0 and 1 (allowed: 0 to 1, e.g."
                        + " 0.01 for 1%)");
            }
            return share;
        }
    }

    /**
     * The name of a character set this Java supports. The name stays as written: it identifies the job instance, so
     * that the same command resumes the same run.
     */
    static final class CharsetName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            boolean supported;
            try {
                supported = Charset.isSupported(value);
            } catch (IllegalCharsetNameException e) {
                supported = false;
            }
            if (!supported) {
                throw new TypeConversionException("'" + value + "' is not a character set this Java supports (e.g."
                        + " UTF-8, ISO-8859-1, windows-1252)");
            }
            return value;
        }
    }

    /** A calendar quarter, {@code 2024Q4}. */
    static final class QuarterValue implements ITypeConverter<Quarter> {
        @Override
        public Quarter convert(String value) {
            try {
                return Quarter.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a quarter (allowed: YYYYQ1 to YYYYQ4,"
                        + " years 1900-2999, e.g. 2024Q4)");
            }
        }
    }
}
