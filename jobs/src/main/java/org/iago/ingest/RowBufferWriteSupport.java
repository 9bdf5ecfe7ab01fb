package org.iago.ingest;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;

/**
 * Writes {@link RowBuffer}s straight to parquet-java's column writers: no Avro, no intermediate Group objects, and no
 * record consumer in between.
 * <p>
 * parquet-java hands a write support only a {@link RecordConsumer}, which for every row marks the fields it is given in
 * a bit set and then walks the schema to write a null for each field it was not given. For a flat schema that
 * bookkeeping cost about a fifth of writing a row (JFR, DEMO), so the values go to the column writers of the
 * consumer's {@link ColumnWriteStore} instead: the calls the consumer itself makes for a flat schema (a value at
 * definition level 1, a null at 0, {@code line_no} required at 0, then the end of the record), so the file's bytes are
 * the same. The store is private to the consumer and read by reflection, once per row group.
 */
final class RowBufferWriteSupport extends WriteSupport<RowBuffer> {

    private final MessageType messageType;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;

    RowBufferWriteSupport(LakeSchema schema) {
        this.messageType = messageType(schema);
    }

    static MessageType messageType(LakeSchema schema) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        List<LakeColumn> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            LakeColumn c = columns.get(i);
            Type.Repetition repetition = i == columns.size() - 1 ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            Type type = switch (c.type()) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(c.name());
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(c.name());
                case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(c.name());
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(c.name());
            };
            builder.addField(type);
        }
        return builder.named(schema.tableName());
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(messageType, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(messageType, Map.of());
    }

    /** Called for each row group, with a new consumer over a new store. */
    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        store = storeOf(recordConsumer);
        List<ColumnDescriptor> columns = messageType.getColumns();
        writers = new ColumnWriter[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = store.getColumnWriter(columns.get(i));
        }
    }

    private static ColumnWriteStore storeOf(RecordConsumer consumer) {
        try {
            Field columns = consumer.getClass().getDeclaredField("columns");
            columns.setAccessible(true);
            return (ColumnWriteStore) columns.get(consumer);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this parquet-java's record consumer (" + consumer.getClass().getName()
                    + ") keeps no column write store in a field 'columns'", e);
        }
    }

    @Override
    public void write(RowBuffer row) {
        int n = row.columnCount();
        for (int i = 0; i < n; i++) {
            ColumnWriter writer = writers[i];
            if (!row.isPresent(i)) {
                writer.writeNull(0, 0);
                continue;
            }
            switch (row.type(i)) {
                case STRING -> writer.write(row.text(i), 0, 1);
                case DATE -> writer.write(Math.toIntExact(row.number(i)), 0, 1);
                case LONG -> writer.write(row.number(i), 0, 1);
                case DOUBLE -> writer.write(Double.longBitsToDouble(row.number(i)), 0, 1);
            }
        }
        writers[n].write(row.lineNo(), 0, 0);
        store.endRecord();
    }
}
