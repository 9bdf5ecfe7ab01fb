package org.iago.lake;

import java.util.Objects;

/**
 * One column of a lake table: its name as Spark and DuckDB see it, its type, and whether its values repeat enough for
 * Parquet's dictionary encoding to pay (it does not for identifiers, which are nearly unique: there it only costs
 * time). Every column is nullable.
 */
public record LakeColumn(String name, ColumnType type, boolean repetitive) {

    public LakeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static LakeColumn string(String name) {
        return new LakeColumn(name, ColumnType.STRING, true);
    }

    /** A text column whose values are nearly all distinct, such as a report id. */
    public static LakeColumn identifier(String name) {
        return new LakeColumn(name, ColumnType.STRING, false);
    }

    public static LakeColumn date(String name) {
        return new LakeColumn(name, ColumnType.DATE, true);
    }

    public static LakeColumn integer(String name) {
        return new LakeColumn(name, ColumnType.LONG, true);
    }

    public static LakeColumn decimal(String name) {
        return new LakeColumn(name, ColumnType.DOUBLE, true);
    }
}
