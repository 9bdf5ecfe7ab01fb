package org.iago.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;

/** Writes {@link LakeRow}s straight to Parquet's record consumer: no Avro, no intermediate Group objects. */
final class LakeRowWriteSupport extends WriteSupport<LakeRow> {

    private final LakeSchema schema;
    private final MessageType messageType;
    private RecordConsumer consumer;

    LakeRowWriteSupport(LakeSchema schema) {
        this.schema = schema;
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

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(LakeRow row) {
        List<LakeColumn> columns = schema.columns();
        Object[] values = row.values();
        consumer.startMessage();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String name = columns.get(i).name();
            consumer.startField(name, i);
            switch (columns.get(i).type()) {
                case STRING -> consumer.addBinary(Binary.fromString((String) v));
                case DATE -> consumer.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
                case LONG -> consumer.addLong((Long) v);
                case DOUBLE -> consumer.addDouble((Double) v);
            }
            consumer.endField(name, i);
        }
        int last = values.length;
        consumer.startField(LakeSchema.LINE_NO, last);
        consumer.addLong(row.lineNo());
        consumer.endField(LakeSchema.LINE_NO, last);
        consumer.endMessage();
    }
}
