package org.iago.spark;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iago.vocabulary.OutputColumn;

/** The Spark schema of an output table's {@link OutputColumn}s: every column nullable, as an empty cell may be. */
public final class SparkSchema {

    private SparkSchema() {
    }

    public static StructType of(List<OutputColumn> columns) {
        StructType schema = new StructType();
        for (OutputColumn c : columns) {
            schema = schema.add(c.name(), type(c.type()), true);
        }
        return schema;
    }

    private static DataType type(OutputColumn.Type type) {
        return switch (type) {
            case TEXT -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case INTEGER -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }
}
