package org.iago.ingest;

import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
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

/** Writes {@link RowBuffer}s straight to Parquet's record consumer: no Avro, no intermediate Group objects. */
final class RowBufferWriteSupport extends WriteSupport<RowBuffer> {

    private final MessageType messageType;
    private final String[] names;
    private RecordConsumer consumer;

    RowBufferWriteSupport(LakeSchema schema) {
        this.messageType = messageType(schema);
        this.names = schema.columns().stream().map(LakeColumn::name).toArray(String[]::new);
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
    public void write(RowBuffer row) {
        consumer.startMessage();
        int n = row.columnCount();
        for (int i = 0; i < n; i++) {
            if (!row.isPresent(i)) {
                continue;
            }
            consumer.startField(names[i], i);
            switch (row.type(i)) {
                case STRING -> consumer.addBinary(row.text(i));
                case DATE -> consumer.addInteger(Math.toIntExact(row.number(i)));
                case LONG -> consumer.addLong(row.number(i));
                case DOUBLE -> consumer.addDouble(Double.longBitsToDouble(row.number(i)));
            }
            consumer.endField(names[i], i);
        }
        consumer.startField(LakeSchema.LINE_NO, n);
        consumer.addLong(row.lineNo());
        consumer.endField(LakeSchema.LINE_NO, n);
        consumer.endMessage();
    }
}
