package org.iago.tte.registry;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Output schemas, written as name–type pairs: text, integers (int64, as in the lake) and doubles. */
final class Columns {

    static final DataType TEXT = DataTypes.StringType;
    static final DataType INTEGER = DataTypes.LongType;
    static final DataType NUMBER = DataTypes.DoubleType;

    private Columns() {
    }

    /** @param namesAndTypes name, type, name, type, … */
    static StructType of(Object... namesAndTypes) {
        StructType schema = new StructType();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            schema = schema.add((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1], true);
        }
        return schema;
    }

    /** {@code prefix}, {@code prefix_lower}, {@code prefix_upper} as doubles, appended to a schema. */
    static StructType withInterval(StructType schema, String prefix) {
        return schema.add(prefix, NUMBER, true).add(prefix + "_lower", NUMBER, true)
                .add(prefix + "_upper", NUMBER, true);
    }
}
