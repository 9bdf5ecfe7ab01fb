package org.iago.ingest;

import java.nio.charset.StandardCharsets;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.core.io.Resource;

/**
 * Readers of CSV records that hand every record, byte for byte, to a mapper that decodes and validates it; a record's
 * quoted fields may hold line breaks (RFC 4180). The mapper is given the number of the record's last physical line;
 * {@link CsvLines#firstLine} gives its first. (FAERS files, one record a line, are read as bytes: {@link ByteLines}.)
 */
public final class ByteLineReaders {

    private ByteLineReaders() {
    }

    /**
     * @param header receives the first line, or null when the file has no header
     */
    private static FlatFileItemReader<LakeRow> of(String name, Resource resource, LineMapper<LakeRow> mapper,
            LineCallbackHandler header) {
        FlatFileItemReader<LakeRow> reader = new FlatFileItemReader<>(resource, mapper);
        reader.setName(name);
        // one char per byte: a bad byte rejects only its own line (see StrictDecoder)
        reader.setEncoding(StandardCharsets.ISO_8859_1.name());
        // no line is a comment: each one is written or rejected
        reader.setComments(new String[0]);
        if (header != null) {
            reader.setLinesToSkip(1);
            reader.setSkippedLinesCallback(header);
        }
        return reader;
    }

    /** A reader of CSV records: the physical lines of a record are joined with {@code \n}, whatever break they had. */
    public static FlatFileItemReader<LakeRow> csv(String name, Resource resource, LineMapper<LakeRow> mapper,
            LineCallbackHandler header) {
        FlatFileItemReader<LakeRow> reader = of(name, resource, mapper, header);
        reader.setRecordSeparatorPolicy(new CsvLines.QuotedRecords());
        return reader;
    }
}
