package org.iago.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Writes CSV records as iago writes all its CSV outputs: comma-separated, one {@code \n} after each record, a field
 * quoted (RFC 4180, inner quotes doubled) when it holds a comma, a quote or a line break, so the same values always
 * give the same bytes.
 * <p>
 * A cell is either <em>text</em> (names of drugs, events, groups: any {@link String}) or a <em>value</em> of a typed
 * column (a number, a boolean, a date), and the column's type decides, never the look of the text. A text cell
 * whose first character a spreadsheet reads as the start of a formula ({@code = + - @}, tab, carriage return, line
 * feed: OWASP's CSV Injection list; NUL: OWASP ASVS 5.0 V1.2.10) is written with a {@code '} before it and quoted,
 * so that Excel, LibreOffice or Sheets show it as text and run nothing. So that the mark can be told from the data,
 * a text cell that itself begins with {@code '} gets one more (and so does one beginning with a byte order mark,
 * which a reader would skip at the start of a file); {@link CsvReader} removes exactly one {@code '} from every field
 * that begins with one, and gives the original text back. A value is written as it prints: a negative
 * number ({@code -0.35}, {@code -Infinity}) stays a number.
 * <p>
 * A double prints as its shortest decimal that reads back to the same double, in {@link Double#toString}'s layout
 * ({@code 0.001}, {@code 1.0E-6}, {@code Infinity}, {@code NaN}): Raffaello Giulietti's Schubfach algorithm, as Java
 * 19 and later print doubles (JDK-4511638), here from jackson-core's copy, {@link NumberOutput}. Java 17's own
 * {@code Double.toString} is about four times slower and, for a few large values, prints digits beyond the shortest
 * (2e23 as {@code 1.9999999999999998E23}); with Schubfach the same double gives the same bytes on every JDK.
 */
public final class CsvWriter {

    /** Put before a text cell that would otherwise start a formula; {@link CsvReader} takes it off again. */
    static final char TEXT_MARK = '\'';

    /** A text beginning with it would, as the first field of a file, be read as the file's byte order mark. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;
    private boolean first = true;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** A whole record, each cell by its type ({@link #cell}): a header (text) or a row. */
    public void record(List<?> cells) throws IOException {
        for (Object c : cells) {
            cell(c);
        }
        endRecord();
    }

    /** A cell by its Java type: a {@link String} is text, null an empty field, anything else a value. */
    public CsvWriter cell(Object value) throws IOException {
        return value instanceof String s ? text(s) : value(value);
    }

    /** A text cell: marked if it would start a formula, quoted if it must be. */
    public CsvWriter text(String text) throws IOException {
        return field(marked(text), isMarked(text));
    }

    /**
     * A value of a typed column, as it prints ({@link Object#toString}); null is an empty field. Never marked: the
     * caller says it is a value, e.g. a number already formatted for display.
     */
    public CsvWriter value(Object value) throws IOException {
        if (value instanceof Double d) {
            return number(NumberOutput.toString(d, true));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return number(value.toString());
        }
        return field(value == null ? "" : value.toString(), false);
    }

    /** Ends the record. */
    public void endRecord() throws IOException {
        out.write('\n');
        first = true;
    }

    /** The text as written to the file, before quoting: with the mark when it needs one. */
    static String marked(String text) {
        return isMarked(text) ? TEXT_MARK + text : text;
    }

    private static boolean isMarked(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\0', TEXT_MARK, BYTE_ORDER_MARK -> true;
            default -> false;
        };
    }

    /** A number or a boolean as printed: it holds no character that needs quoting. */
    private CsvWriter number(String s) throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
        out.write(s);
        return this;
    }

    private CsvWriter field(String s, boolean quote) throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
        if (quote || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            out.write('"');
            out.write(s.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(s);
        }
        return this;
    }
}
