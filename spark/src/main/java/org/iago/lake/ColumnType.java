package org.iago.lake;

/** The value types a lake column can hold; each maps to one Parquet physical and logical type. */
public enum ColumnType {
    /** UTF-8 text: Parquet {@code binary (STRING)}. Identifiers and codes stay text to keep leading zeros. */
    STRING,
    /** A calendar date: Parquet {@code int32 (DATE)}, days since 1970-01-01. */
    DATE,
    /** A 64-bit integer: Parquet {@code int64}. */
    LONG,
    /** A 64-bit floating-point number: Parquet {@code double}. */
    DOUBLE
}
