package org.iago.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.iago.lake.LakeSchema;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk as one Parquet file, {@code part-<first line>.parquet}, into a staging folder: a chunk given whole
 * ({@link #write}), or a part whose rows are written as they are read ({@link #start}).
 * <p>
 * Restart safety: a chunk's file is named by the source line of its first row, and the first line of the last
 * committed chunk is saved in the step's execution context. On reopen, files of chunks that never committed are
 * deleted; a chunk that is read again after a crash rewrites the same file name. So a restarted step ends with exactly
 * the files of a clean run. The number of rows in committed parts is kept the same way, across restarts, for
 * reconciliation. (A table with no rows gets its empty part when it is published: {@link LakePublishTasklet}.)
 */
public class ParquetPartWriter implements ItemStreamWriter<LakeRow> {

    /** Execution-context key: rows in the parts of committed chunks, over every execution of the step. */
    public static final String COMMITTED_ROWS = "parts.committedRows";
    private static final String LAST_COMMITTED_PART = "parts.lastCommittedFirstLine";
    private static final Pattern PART = Pattern.compile("part-(\\d+)\\.parquet");

    private final Path directory;
    private final LakeSchema schema;
    private long lastFirstLine = -1;
    private long rows;

    public ParquetPartWriter(Path directory, LakeSchema schema) {
        this.directory = directory;
        this.schema = schema;
    }

    @Override
    public void open(ExecutionContext context) {
        lastFirstLine = context.getLong(LAST_COMMITTED_PART, -1L);
        rows = context.getLong(COMMITTED_ROWS, 0L);
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Matcher m = PART.matcher(f.getFileName().toString());
                    boolean uncommitted = m.matches() && Long.parseLong(m.group(1)) > lastFirstLine;
                    if (uncommitted || f.getFileName().toString().endsWith(".tmp")) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new ItemStreamException("cannot prepare staging folder " + directory, e);
        }
    }

    @Override
    public void write(Chunk<? extends LakeRow> chunk) throws IOException {
        List<? extends LakeRow> items = chunk.getItems();
        RowBuffer buffer = new RowBuffer(schema);
        try (Part part = start(items.get(0).lineNo())) {
            for (LakeRow row : items) {
                buffer.set(row);
                part.write(buffer);
            }
            part.commit();
        }
    }

    /**
     * Starts the part whose first row comes from source line {@code firstLine}; rows are written to it as they are
     * read, and it counts once {@linkplain Part#commit committed}.
     */
    public Part start(long firstLine) throws IOException {
        return new Part(firstLine, ParquetFiles.open(directory.resolve(partName(firstLine)), schema));
    }

    /** One part being written: its file appears when it is committed, and a part closed before leaves nothing. */
    public final class Part implements AutoCloseable {

        private final long firstLine;
        private final ParquetFiles.Writer file;
        private long partRows;

        private Part(long firstLine, ParquetFiles.Writer file) {
            this.firstLine = firstLine;
            this.file = file;
        }

        public void write(RowBuffer row) throws IOException {
            file.write(row);
            partRows++;
        }

        public void commit() throws IOException {
            file.commit();
            lastFirstLine = firstLine;
            rows += partRows;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_COMMITTED_PART, lastFirstLine);
        context.putLong(COMMITTED_ROWS, rows);
    }


    /** Writes one empty part into a staged table that has none, so that readers still see its schema. */
    static void ensureSchema(Path directory, LakeSchema schema) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            if (files.noneMatch(f -> PART.matcher(f.getFileName().toString()).matches())) {
                ParquetFiles.write(directory.resolve(partName(0)), schema, List.of());
            }
        }
    }

    private static String partName(long firstLine) {
        return String.format("part-%010d.parquet", firstLine);
    }
}
