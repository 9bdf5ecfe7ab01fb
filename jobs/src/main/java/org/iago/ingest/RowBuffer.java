package org.iago.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.parquet.io.api.Binary;
import org.iago.lake.ColumnType;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;

/**
 * The values of one lake row on its way into a Parquet part: set column by column, written, then cleared for the next
 * row, so that a load allocates nothing per row but the text values' small {@link Binary} views. A text value may be a
 * view into a buffer that is reused once the row is written (the line it was read from): Parquet copies what it keeps.
 */
public final class RowBuffer {

    private final ColumnType[] types;
    private final Binary[] texts;
    private final long[] numbers;
    private final boolean[] present;
    private long lineNo;

    /** @param schema the table's columns; its last, {@code line_no}, is set by {@link #lineNo(long)} */
    public RowBuffer(LakeSchema schema) {
        List<LakeColumn> columns = schema.columns();
        int n = schema.dataColumnCount();
        types = new ColumnType[n];
        for (int i = 0; i < n; i++) {
            types[i] = columns.get(i).type();
        }
        texts = new Binary[n];
        numbers = new long[n];
        present = new boolean[n];
    }

    /** Every column null again. */
    public void clear() {
        Arrays.fill(present, false);
    }

    public void lineNo(long line) {
        lineNo = line;
    }

    /** A text column's value: bytes {@code offset} to {@code offset + length} of {@code bytes}, in UTF-8. */
    public void text(int column, byte[] bytes, int offset, int length) {
        text(column, Binary.fromReusedByteArray(bytes, offset, length));
    }

    /** A text column's value, as Parquet bytes. */
    public void text(int column, Binary value) {
        texts[column] = value;
        present[column] = true;
    }

    /** A date column's value, in days since 1970-01-01. */
    public void epochDay(int column, long day) {
        numbers[column] = day;
        present[column] = true;
    }

    /** Sets the values of a {@link LakeRow} ({@code String}, {@code LocalDate}, {@code Long} or {@code Double}). */
    public void set(LakeRow row) {
        clear();
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            present[i] = true;
            switch (types[i]) {
                case STRING -> texts[i] = Binary.fromString((String) v);
                case DATE -> numbers[i] = ((LocalDate) v).toEpochDay();
                case LONG -> numbers[i] = (Long) v;
                case DOUBLE -> numbers[i] = Double.doubleToRawLongBits((Double) v);
            }
        }
        lineNo = row.lineNo();
    }

    int columnCount() {
        return types.length;
    }

    ColumnType type(int column) {
        return types[column];
    }

    boolean isPresent(int column) {
        return present[column];
    }

    Binary text(int column) {
        return texts[column];
    }

    long number(int column) {
        return numbers[column];
    }

    long lineNo() {
        return lineNo;
    }
}
