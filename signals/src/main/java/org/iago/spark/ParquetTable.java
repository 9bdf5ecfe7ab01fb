package org.iago.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iago.lake.Publisher;
import org.iago.lake.ReproducibleParquet;

/**
 * A Parquet table of rows the driver holds, written on the driver: one Snappy file, {@value #FILE}, staged and
 * published as a Spark-written table would be ({@link Publisher#staging}, {@link Publisher#replace}). For the
 * registry's time-to-event tables and the signals of a pair table analysed on the driver: a Spark job would ship the
 * driver's rows to its tasks only to write them back. The columns are Spark's for the same schema (text as UTF-8 strings, optional) and the footer carries
 * Spark's schema key, so Spark reads back the table's own types. The same rows give the same bytes: parquet-java
 * lists each column chunk's encodings in a hash order that differs between processes, so they are sorted by code.
 */
public final class ParquetTable {

    public static final String FILE = "part-00000.snappy.parquet";

    /** The footer key where Spark keeps a table's schema. */
    private static final String SPARK_SCHEMA = "org.apache.spark.sql.parquet.row.metadata";

    private ParquetTable() {
    }

    /**
     * The data files of a table folder as Spark reads them, sorted by path: every file below it whose path holds no
     * name starting with {@code _} or {@code .} (markers, checksums, partitions being staged).
     */
    public static List<Path> dataFiles(Path folder, Configuration conf) throws IOException {
        FileSystem fs = folder.getFileSystem(conf);
        String root = fs.makeQualified(folder).toUri().getPath().replaceFirst("/?$", "/");
        List<Path> files = new ArrayList<>();
        for (RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true); it.hasNext(); ) {
            Path file = it.next().getPath();
            String below = file.toUri().getPath().substring(root.length());
            if (Arrays.stream(below.split("/")).noneMatch(name -> name.startsWith("_") || name.startsWith("."))) {
                files.add(file);
            }
        }
        files.sort(null);
        return files;
    }

    /** The rows of Parquet files, from their footers (nothing else is read). */
    public static long rowCount(List<Path> files, Configuration conf) throws IOException {
        long rows = 0;
        for (Path file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
                rows += reader.getRecordCount();
            }
        }
        return rows;
    }

    /** Publishes a file from {@link #bytes} as the table folder {@code target}, replacing what was there. */
    public static void publish(Publisher publisher, byte[] file, Path target) throws IOException {
        Path staged = publisher.staging(target);
        publisher.write(new Path(staged, FILE), out -> out.write(file));
        publisher.replace(staged, target);
    }

    /** The Parquet file of {@code rows}. */
    public static byte[] bytes(StructType schema, List<Row> rows) throws IOException {
        InMemoryFile file = new InMemoryFile();
        List<String> withoutDictionary = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (f.dataType().equals(DataTypes.DoubleType)) {
                withoutDictionary.add(f.name());   // estimates are mostly distinct: hashing is waste
            }
        }
        ReproducibleParquet.write(file, new RowWriteSupport(schema), withoutDictionary, rows);
        return sortEncodings(file.bytes.toByteArray());
    }

    /** A flat Parquet schema of optional columns, as Spark writes {@code schema}. */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t.equals(DataTypes.LongType)) {
                message.optional(PrimitiveTypeName.INT64).named(f.name());
            } else if (t.equals(DataTypes.IntegerType)) {
                message.optional(PrimitiveTypeName.INT32).named(f.name());
            } else if (t.equals(DataTypes.DoubleType)) {
                message.optional(PrimitiveTypeName.DOUBLE).named(f.name());
            } else if (t.equals(DataTypes.BooleanType)) {
                message.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
            } else {
                throw new IllegalArgumentException("no Parquet column for " + f.name() + " of type " + t);
            }
        }
        return message.named("spark_schema");
    }

    /** The file with each column chunk's encodings in the order of their codes ({@link ReproducibleParquet}). */
    private static byte[] sortEncodings(byte[] file) throws IOException {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = file.length - 8 - length;
        byte[] footer = ReproducibleParquet.withSortedEncodings(Arrays.copyOfRange(file, start, start + length));
        System.arraycopy(footer, 0, file, start, length);
        return file;
    }

    /** Rows of a Spark schema, each value of its column's Java type (String, Long, Integer, Double, Boolean). */
    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final StructType schema;
        private RecordConsumer consumer;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return context();
        }

        private WriteContext context() {
            return new WriteContext(parquetSchema(schema), Map.of(SPARK_SCHEMA, schema.json()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        @Override
        public void write(Row row) {
            consumer.startMessage();
            StructField[] fields = schema.fields();
            for (int i = 0; i < fields.length; i++) {
                if (row.isNullAt(i)) {
                    continue;
                }
                consumer.startField(fields[i].name(), i);
                Object v = row.get(i);
                DataType t = fields[i].dataType();
                if (t.equals(DataTypes.StringType)) {
                    consumer.addBinary(Binary.fromString((String) v));
                } else if (t.equals(DataTypes.LongType)) {
                    consumer.addLong((Long) v);
                } else if (t.equals(DataTypes.IntegerType)) {
                    consumer.addInteger((Integer) v);
                } else if (t.equals(DataTypes.DoubleType)) {
                    consumer.addDouble((Double) v);
                } else {
                    consumer.addBoolean((Boolean) v);
                }
                consumer.endField(fields[i].name(), i);
            }
            consumer.endMessage();
        }
    }

    /** A file in memory: the table is written whole, then handed to {@link Publisher#write}. */
    private static final class InMemoryFile implements OutputFile {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
