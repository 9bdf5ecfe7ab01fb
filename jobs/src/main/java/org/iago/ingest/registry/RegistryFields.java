package org.iago.ingest.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;

import org.iago.ingest.RecordRejectedException;

/**
 * The fields of one registry CSV line, read by column name and checked as they are read: a value that is missing when
 * required, unparseable, out of range or not one of its codes rejects the line with the column and the value.
 * An empty field is unknown (null).
 */
final class RegistryFields {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, Integer> fieldOfColumn;
    private final String[] fields;

    RegistryFields(Map<String, Integer> fieldOfColumn, String[] fields) {
        this.fieldOfColumn = fieldOfColumn;
        this.fields = fields;
    }

    /** @return the trimmed value, or null when the field is empty */
    String text(String column) {
        String v = fields[fieldOfColumn.get(column)].trim();
        return v.isEmpty() ? null : v;
    }

    String required(String column) {
        String v = text(column);
        if (v == null) {
            throw new RecordRejectedException(column + " is empty");
        }
        return v;
    }

    String code(String column, Set<String> codes, boolean required) {
        String v = required ? required(column) : text(column);
        if (v != null && !codes.contains(v)) {
            throw new RecordRejectedException(column + " '" + v + "' is not one of " + codes.stream().sorted().toList());
        }
        return v;
    }

    LocalDate date(String column, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new RecordRejectedException(column + " '" + v + "' is not a date YYYY-MM-DD");
        }
    }

    Long integer(String column, long min, long max, boolean required) {
        String v = required ? required(column) : text(column);
        if (v == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new RecordRejectedException(column + " '" + v + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new RecordRejectedException(column + " " + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    Double decimal(String column, double min, double max) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RecordRejectedException(column + " '" + v + "' is not a number");
        }
        if (!(x >= min && x <= max)) {
            throw new RecordRejectedException(column + " " + v + " is outside " + min + ".." + max);
        }
        return x;
    }
}
