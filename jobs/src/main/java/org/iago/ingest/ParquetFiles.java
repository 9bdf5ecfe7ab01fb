package org.iago.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;

/** Writes one whole Parquet file of lake rows, Snappy-compressed, without a Hadoop file system. */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /**
     * Writes {@code rows} to {@code target} through a temporary sibling and an atomic rename, so that a reader never
     * sees a file without its footer.
     */
    public static void write(Path target, LakeSchema schema, Iterable<LakeRow> rows) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Builder builder = new Builder(new LocalOutputFile(tmp), schema)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY);
        for (LakeColumn column : schema.columns()) {
            if (!column.repetitive()) {
                builder.withDictionaryEncoding(column.name(), false);
            }
        }
        try (ParquetWriter<LakeRow> writer = builder.build()) {
            for (LakeRow row : rows) {
                writer.write(row);
            }
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final class Builder extends ParquetWriter.Builder<LakeRow, Builder> {
        private final LakeSchema schema;

        Builder(OutputFile file, LakeSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<LakeRow> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new LakeRowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<LakeRow> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new LakeRowWriteSupport(schema);
        }
    }
}
