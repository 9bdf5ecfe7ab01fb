package org.iago.lake;

import java.util.Objects;

/** One column of a lake table: its name as Spark and DuckDB see it, and its type. Every column is nullable. */
public record LakeColumn(String name, ColumnType type) {

    public LakeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static LakeColumn string(String name) {
        return new LakeColumn(name, ColumnType.STRING);
    }

    public static LakeColumn date(String name) {
        return new LakeColumn(name, ColumnType.DATE);
    }

    public static LakeColumn int64(String name) {
        return new LakeColumn(name, ColumnType.LONG);
    }
}
