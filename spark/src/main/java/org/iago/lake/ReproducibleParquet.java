package org.iago.lake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet files written by parquet-java byte for byte the same in every process: the writer's settings are fixed
 * ({@link #open}: Snappy, no Hadoop configuration, no dictionary for the columns named), and the footer is rewritten
 * with each column chunk's encodings in the order of their codes ({@link #withSortedEncodings}): parquet-java collects
 * them in a {@code HashSet} of enum constants, whose order follows JVM identity hash codes and so differs from one
 * process to the next. Used by the ingestion's lake files and by the tables the driver writes.
 */
public final class ReproducibleParquet {

    private ReproducibleParquet() {
    }

    /**
     * Writes {@code rows} to {@code file} (replacing it) with the fixed settings; the footer's encodings are still to
     * be sorted by the caller, on the file or on its bytes.
     *
     * @param withoutDictionary columns whose values are mostly distinct, where a dictionary is wasted work
     */
    public static <T> void write(OutputFile file, WriteSupport<T> support, Collection<String> withoutDictionary,
            Iterable<T> rows) throws IOException {
        try (ParquetWriter<T> writer = open(file, support, withoutDictionary)) {
            for (T row : rows) {
                writer.write(row);
            }
        }
    }

    /**
     * A writer of {@code file} (replacing it) with the fixed settings, for rows that are written as they come rather
     * than collected first; closing it writes the footer, whose encodings are still to be sorted by the caller.
     *
     * @param withoutDictionary columns whose values are mostly distinct, where a dictionary is wasted work
     */
    public static <T> ParquetWriter<T> open(OutputFile file, WriteSupport<T> support,
            Collection<String> withoutDictionary) throws IOException {
        Builder<T> builder = new Builder<>(file, support).withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY);
        for (String column : withoutDictionary) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    /**
     * The footer (the Thrift file metadata between the data and the footer length) with sorted encodings.
     *
     * @param footer the footer's bytes
     * @return the rewritten footer, as long as the one given
     * @throws IOException if the footer cannot be read, or would change its length
     */
    public static byte[] withSortedEncodings(byte[] footer) throws IOException {
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                chunk.getMeta_data().getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
            }
        }
        ByteArrayOutputStream sorted = new ByteArrayOutputStream(footer.length);
        Util.writeFileMetaData(metadata, sorted);
        if (sorted.size() != footer.length) {
            throw new IOException("a Parquet footer of " + footer.length + " bytes became " + sorted.size()
                    + " when its encodings were sorted");
        }
        return sorted.toByteArray();
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
