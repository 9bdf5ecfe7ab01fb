package org.iago.lake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Comparator;

import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Parquet files written by parquet-java byte for byte the same in every process. parquet-java collects each column
 * chunk's encodings in a {@code HashSet} of enum constants, whose order follows JVM identity hash codes and so differs
 * from one process to the next; the footer is rewritten with them in the order of their codes, which keeps its length.
 */
public final class ParquetFooter {

    private ParquetFooter() {
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
}
