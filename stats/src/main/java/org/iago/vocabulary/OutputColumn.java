package org.iago.vocabulary;

import java.util.List;

/**
 * A column of an output table, by name and type: a table's list of columns gives both its CSV header and its Spark
 * schema ({@code org.iago.spark.SparkSchema}), so that a column is spelled once.
 */
public record OutputColumn(String name, Type type) {

    /** The cell types of the output tables. */
    public enum Type { TEXT, BOOLEAN, INTEGER, LONG, DOUBLE }

    public static OutputColumn text(String name) {
        return new OutputColumn(name, Type.TEXT);
    }

    public static OutputColumn bool(String name) {
        return new OutputColumn(name, Type.BOOLEAN);
    }

    public static OutputColumn integer(String name) {
        return new OutputColumn(name, Type.INTEGER);
    }

    public static OutputColumn whole(String name) {
        return new OutputColumn(name, Type.LONG);
    }

    public static OutputColumn number(String name) {
        return new OutputColumn(name, Type.DOUBLE);
    }

    /** The names, in order: a CSV header. */
    public static List<String> names(List<OutputColumn> columns) {
        return columns.stream().map(OutputColumn::name).toList();
    }
}
