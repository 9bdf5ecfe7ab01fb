package org.iago.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.iago.lake.FreeSpace;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;
import org.iago.lake.ReproducibleParquet;

/**
 * Writes whole Parquet files of lake rows, Snappy-compressed, without a Hadoop file system. The same rows give the
 * same bytes: the writer's settings are fixed here (no dictionary for columns that are mostly distinct, no key-value
 * metadata), and the footer's list of encodings per column chunk is put in a fixed order (see {@link #sortEncodings}).
 * A file is written into a temporary sibling and renamed atomically when complete, so that a reader never sees a file
 * without its footer.
 */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /**
     * Writes {@code rows} to {@code target}.
     *
     * @throws org.iago.lake.DiskFullException naming {@code target} when its disk is full
     */
    public static void write(Path target, LakeSchema schema, Iterable<LakeRow> rows) throws IOException {
        RowBuffer buffer = new RowBuffer(schema);
        try (Writer writer = open(target, schema)) {
            for (LakeRow row : rows) {
                buffer.set(row);
                writer.write(buffer);
            }
            writer.commit();
        }
    }

    /**
     * A file to which rows are written one by one, as they come; it is {@code target} once {@linkplain Writer#commit
     * committed}, and nothing if closed before.
     *
     * @throws org.iago.lake.DiskFullException naming {@code target} when its disk is full
     */
    public static Writer open(Path target, LakeSchema schema) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        List<String> withoutDictionary = schema.columns().stream().filter(c -> !c.repetitive())
                .map(LakeColumn::name).toList();
        try {
            return new Writer(target, tmp, ReproducibleParquet.open(new LocalOutputFile(tmp),
                    new RowBufferWriteSupport(schema), withoutDictionary));
        } catch (IOException e) {
            throw FreeSpace.explain(e, target);
        }
    }

    /** An open Parquet file being written: {@link #commit} completes it, {@link #close} before that drops it. */
    public static final class Writer implements AutoCloseable {

        private final Path target;
        private final Path tmp;
        private final ParquetWriter<RowBuffer> parquet;
        private boolean closed;

        private Writer(Path target, Path tmp, ParquetWriter<RowBuffer> parquet) {
            this.target = target;
            this.tmp = tmp;
            this.parquet = parquet;
        }

        /** Writes the row's values; the buffer may be reused at once. */
        public void write(RowBuffer row) throws IOException {
            try {
                parquet.write(row);
            } catch (IOException e) {
                throw FreeSpace.explain(e, target);
            }
        }

        /** Writes the footer and renames the file to its target. */
        public void commit() throws IOException {
            closed = true;
            try {
                parquet.close();
                sortEncodings(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw FreeSpace.explain(e, target);
            }
        }

        /** Drops the file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                parquet.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Rewrites, in place, the footer of a Parquet file with sorted encodings ({@link ReproducibleParquet}). */
    static void sortEncodings(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, channel.size() - 8);
            int length = tail.getInt(0);
            long start = channel.size() - 8 - length;
            ByteBuffer footer = ByteBuffer.allocate(length);
            while (footer.hasRemaining()) {
                if (channel.read(footer, start + footer.position()) < 0) {
                    throw new IOException(file + ": footer ends before its length");
                }
            }
            byte[] sorted;
            try {
                sorted = ReproducibleParquet.withSortedEncodings(footer.array());
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            channel.write(ByteBuffer.wrap(sorted), start);
        }
    }
}
