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

import org.apache.parquet.io.LocalOutputFile;
import org.iago.lake.FreeSpace;
import org.iago.lake.LakeColumn;
import org.iago.lake.LakeSchema;
import org.iago.lake.ReproducibleParquet;

/**
 * Writes one whole Parquet file of lake rows, Snappy-compressed, without a Hadoop file system. The same rows give the
 * same bytes: the writer's settings are fixed here (no dictionary for columns that are mostly distinct, no key-value
 * metadata), and the footer's list of encodings per column chunk is put in a fixed order (see {@link #sortEncodings}).
 */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /**
     * Writes {@code rows} to {@code target} through a temporary sibling and an atomic rename, so that a reader never
     * sees a file without its footer.
     *
     * @throws org.iago.lake.DiskFullException naming {@code target} when its disk is full
     */
    public static void write(Path target, LakeSchema schema, Iterable<LakeRow> rows) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        List<String> withoutDictionary = schema.columns().stream().filter(c -> !c.repetitive())
                .map(LakeColumn::name).toList();
        try {
            ReproducibleParquet.write(new LocalOutputFile(tmp), new LakeRowWriteSupport(schema), withoutDictionary,
                    rows);
            sortEncodings(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw FreeSpace.explain(e, target);
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
