package org.iago.disproportionality;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * One row of a curated table as {@link CuratedFaers} reads it with parquet-java: each projected column's value (text,
 * a number, or an array of whole numbers as Spark writes {@code array<int>}: a three-level list), or null. One
 * object is reused for every row of a file, and text is decoded once per dictionary entry: parquet-java's example
 * {@code Group} builds a tree of lists per row, which cost more than the counting on a lake of a million reports.
 */
final class FlatRecord {

    private static final int[] NONE = new int[0];

    private final Map<String, Integer> index;
    private final Object[] values;
    private final int[][] arrays;
    private final int[] lengths;

    private FlatRecord(List<String> columns) {
        index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        values = new Object[columns.size()];
        arrays = new int[columns.size()][8];
        lengths = new int[columns.size()];
    }

    /** A text column's value, null when null. */
    String string(String column) {
        return (String) values[at(column)];
    }

    /** A whole-number column's value; the column must not be null here. */
    int integer(String column) {
        return (Integer) values[at(column)];
    }

    /** A column's value as read: String, Integer, Long or Double; null when null. */
    Object value(String column) {
        return values[at(column)];
    }

    /** A text or number column's value as text, null when null. */
    String text(String column) {
        Object v = values[at(column)];
        return v == null ? null : v.toString();
    }

    /** An array column of whole numbers; empty when null. */
    int[] integers(String column) {
        int i = at(column);
        return lengths[i] == 0 ? NONE : Arrays.copyOf(arrays[i], lengths[i]);
    }

    private int at(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("column '" + column + "' was not read");
        }
        return i;
    }

    private void clear() {
        Arrays.fill(values, null);
        Arrays.fill(lengths, 0);
    }

    private void append(int column, int value) {
        if (lengths[column] == arrays[column].length) {
            arrays[column] = Arrays.copyOf(arrays[column], 2 * lengths[column]);
        }
        arrays[column][lengths[column]++] = value;
    }

    /** Reads the columns of {@code projection} (each a column of the file, top level) into one reused record. */
    static ReadSupport<FlatRecord> readSupport(MessageType projection) {
        return new ReadSupport<>() {
            @Override
            public ReadContext init(InitContext context) {
                return new ReadContext(projection);
            }

            @Override
            public RecordMaterializer<FlatRecord> prepareForRead(Configuration conf, Map<String, String> metadata,
                    MessageType fileSchema, ReadContext context) {
                FlatRecord record = new FlatRecord(projection.getFields().stream().map(Type::getName).toList());
                GroupConverter root = new RowConverter(record, projection);
                return new RecordMaterializer<>() {
                    @Override
                    public FlatRecord getCurrentRecord() {
                        return record;
                    }

                    @Override
                    public GroupConverter getRootConverter() {
                        return root;
                    }
                };
            }
        };
    }

    /** A row: a converter per column, a primitive one or a list's. */
    private static final class RowConverter extends GroupConverter {
        private final FlatRecord record;
        private final Converter[] columns;

        RowConverter(FlatRecord record, MessageType schema) {
            this.record = record;
            columns = new Converter[schema.getFieldCount()];
            for (int i = 0; i < columns.length; i++) {
                Type t = schema.getType(i);
                columns[i] = t.isPrimitive() ? new ValueConverter(record, i, t.asPrimitiveType().getPrimitiveTypeName())
                        : list(record, i, t.asGroupType());
            }
        }

        /** Spark's {@code array<int>}: {@code optional group (LIST) { repeated group list { optional int32 element } }}. */
        private static Converter list(FlatRecord record, int column, GroupType type) {
            if (type.getFieldCount() != 1 || type.getType(0).isPrimitive()
                    || type.getType(0).asGroupType().getFieldCount() != 1
                    || !type.getType(0).asGroupType().getType(0).isPrimitive()) {
                throw new IllegalArgumentException("column '" + type.getName() + "' is not a list of numbers: " + type);
            }
            PrimitiveConverter element = new PrimitiveConverter() {
                @Override
                public void addInt(int value) {
                    record.append(column, value);
                }
            };
            GroupConverter repeated = new Nested(element);
            return new Nested(repeated);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return columns[fieldIndex];
        }

        @Override
        public void start() {
            record.clear();
        }

        @Override
        public void end() {
        }
    }

    /** A group with one field, which holds the values. */
    private static final class Nested extends GroupConverter {
        private final Converter child;

        Nested(Converter child) {
            this.child = child;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    /** A top-level value: a number or text, each entry of a dictionary page decoded once. */
    private static final class ValueConverter extends PrimitiveConverter {
        private final FlatRecord record;
        private final int column;
        private final PrimitiveTypeName type;
        private Object[] dictionary;

        ValueConverter(FlatRecord record, int column, PrimitiveTypeName type) {
            this.record = record;
            this.column = column;
            this.type = type;
        }

        @Override
        public void addInt(int value) {
            record.values[column] = value;
        }

        @Override
        public void addLong(long value) {
            record.values[column] = value;
        }

        @Override
        public void addDouble(double value) {
            record.values[column] = value;
        }

        @Override
        public void addBinary(Binary value) {
            record.values[column] = value.toStringUsingUTF8();
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary dictionary) {
            this.dictionary = new Object[dictionary.getMaxId() + 1];
            for (int id = 0; id < this.dictionary.length; id++) {
                this.dictionary[id] = switch (type) {
                    case INT32 -> dictionary.decodeToInt(id);
                    case INT64 -> dictionary.decodeToLong(id);
                    case DOUBLE -> dictionary.decodeToDouble(id);
                    case BINARY -> dictionary.decodeToBinary(id).toStringUsingUTF8();
                    default -> throw new IllegalArgumentException("column " + column + " of type " + type
                            + " is neither text nor a number");
                };
            }
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            record.values[column] = dictionary[dictionaryId];
        }
    }
}
