package org.iago.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

/**
 * Appends every line the reader skipped to a JSON-lines reject file, with file name, line number, reason and raw line.
 * The line number is a physical line: the first of a CSV record that spans several.
 * <p>
 * Restart safety: the file's length and the number of rejects at each chunk commit are saved in the step's execution
 * context, and on reopen the file is cut back to that length, so rejects of a chunk that never committed are neither
 * written nor counted twice.
 */
public class RejectLog implements SkipListener<Object, Object>, ItemStream {

    /** Execution-context key: rejects of committed chunks, over every execution of the step. */
    public static final String COMMITTED_REJECTS = "rejects.committedCount";
    private static final String COMMITTED_BYTES = "rejects.committedBytes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String sourceName;
    private final StrictDecoder decoder;
    private FileChannel channel;
    private long rejects;

    /**
     * @param file       the JSON-lines file to append to
     * @param sourceName the input file name written into each reject
     * @param decoder    the extract's encoding, to show the raw line as text where it can
     */
    public RejectLog(Path file, String sourceName, StrictDecoder decoder) {
        this.file = file;
        this.sourceName = sourceName;
        this.decoder = decoder;
    }

    @Override
    public void open(ExecutionContext context) {
        long committed = context.getLong(COMMITTED_BYTES, 0L);
        rejects = context.getLong(COMMITTED_REJECTS, 0L);
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(committed);
            channel.position(committed);
        } catch (IOException e) {
            throw new ItemStreamException("cannot open reject file " + file, e);
        }
    }

    @Override
    public void onSkipInRead(Throwable t) {
        if (t instanceof FlatFileParseException parse) {
            // the reader throws without a cause only when the file ends inside a record (an open quoted field)
            String reason = parse.getCause() != null ? parse.getCause().getMessage()
                    : "the file ends inside a quoted field that this record opens: a quote is missing";
            reject(parse.getInput(), CsvLines.firstLine(parse.getInput(), parse.getLineNumber()), reason);
        } else {
            append(new Reject(sourceName, -1, String.valueOf(t), null, null));
            rejects++;
        }
    }

    /**
     * Records one rejected line (or CSV record).
     *
     * @param byteLine the line with one char per byte (read as ISO-8859-1)
     * @param line     its (first) physical line number
     */
    public void reject(String byteLine, long line, String reason) {
        boolean exact = decoder.isDecodable(byteLine);
        String raw = exact ? decoder.decode(byteLine) : decoder.decodeLeniently(byteLine);
        String rawBase64 = exact ? null
                : Base64.getEncoder().encodeToString(byteLine.getBytes(StandardCharsets.ISO_8859_1));
        append(new Reject(sourceName, line, reason, raw, rawBase64));
        rejects++;
    }

    private void append(Reject reject) {
        try {
            byte[] line = (JSON.writeValueAsString(reject) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reject of " + sourceName, e);
        } catch (IOException e) {
            throw new ItemStreamException("cannot write reject file " + file, e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        try {
            channel.force(false);
            context.putLong(COMMITTED_BYTES, channel.position());
            context.putLong(COMMITTED_REJECTS, rejects);
        } catch (IOException e) {
            throw new ItemStreamException("cannot flush reject file " + file, e);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close reject file " + file, e);
            } finally {
                channel = null;
            }
        }
    }
}
