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
        InMemoryFile file = new InMemoryFile(plainSize(schema, rows.size()));
        List<String> withoutDictionary = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (Kind.of(f) == Kind.DOUBLE) {
                withoutDictionary.add(f.name());   // estimates are mostly distinct: hashing is waste
            }
        }
        ReproducibleParquet.write(file, new RowWriteSupport(schema), withoutDictionary, rows);
        return sortEncodings(file.bytes.toByteArray());
    }

    /**
     * About the bytes of {@code rows} rows plainly encoded, so that the file in memory seldom grows: growing a 100 MB
     * array copies it and touches fresh pages.
     */
    private static int plainSize(StructType schema, int rows) {
        long perRow = Arrays.stream(schema.fields()).mapToLong(f -> Kind.of(f).plainBytes).sum();
        return (int) Math.min(Integer.MAX_VALUE - 16, (1 << 20) + perRow * rows);
    }

    /** A flat Parquet schema of optional columns, as Spark writes {@code schema}. */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            Kind kind = Kind.of(f);
            var column = message.optional(kind.primitive);
            if (kind == Kind.TEXT) {
                column = column.as(LogicalTypeAnnotation.stringType());
            }
            column.named(f.name());
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
        private final String[] names;
        /** Each column's type, decided once ({@link Kind#of}) rather than by comparing types at every cell. */
        private final Kind[] kinds;
        private RecordConsumer consumer;

        RowWriteSupport(StructType schema) {
            this.schema = schema;
            this.names = schema.fieldNames();
            this.kinds = Arrays.stream(schema.fields()).map(Kind::of).toArray(Kind[]::new);
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
            for (int i = 0; i < names.length; i++) {
                Object v = row.get(i);
                if (v == null) {
                    continue;
                }
                consumer.startField(names[i], i);
                switch (kinds[i]) {
                    case DOUBLE -> consumer.addDouble((Double) v);
                    case TEXT -> consumer.addBinary(Binary.fromString((String) v));
                    case LONG -> consumer.addLong((Long) v);
                    case INTEGER -> consumer.addInteger((Integer) v);
                    case BOOLEAN -> consumer.addBoolean((Boolean) v);
                }
                consumer.endField(names[i], i);
            }
            consumer.endMessage();
        }
    }

    /** The column types a table may hold: Spark's type, Parquet's, and about how many bytes a value takes plainly. */
    private enum Kind {
        TEXT(DataTypes.StringType, PrimitiveTypeName.BINARY, 16),
        LONG(DataTypes.LongType, PrimitiveTypeName.INT64, 8),
        INTEGER(DataTypes.IntegerType, PrimitiveTypeName.INT32, 4),
        DOUBLE(DataTypes.DoubleType, PrimitiveTypeName.DOUBLE, 8),
        BOOLEAN(DataTypes.BooleanType, PrimitiveTypeName.BOOLEAN, 1);

        private final DataType spark;
        private final PrimitiveTypeName primitive;
        private final int plainBytes;

        Kind(DataType spark, PrimitiveTypeName primitive, int plainBytes) {
            this.spark = spark;
            this.primitive = primitive;
            this.plainBytes = plainBytes;
        }

        static Kind of(StructField f) {
            for (Kind k : values()) {
                if (k.spark.equals(f.dataType())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no Parquet column for " + f.name() + " of type " + f.dataType());
        }
    }

    /** A file in memory: the table is written whole, then handed to {@link Publisher#write}. */
    private static final class InMemoryFile implements OutputFile {
        private final ByteArrayOutputStream bytes;

        InMemoryFile(int expectedSize) {
            bytes = new ByteArrayOutputStream(expectedSize);
        }

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
