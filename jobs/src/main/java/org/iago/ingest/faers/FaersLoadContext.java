package org.iago.ingest.faers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.zip.ZipException;

import org.iago.ingest.InputFile;
import org.iago.ingest.LoadContext;
import org.iago.ingest.StagingArea;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.FaersTable;
import org.iago.lake.LakeSchema;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.io.ByteArrayResource;

/**
 * What one load step of {@code faersIngest} works on: its table (from the step name), the input file, scanned for its
 * line count and SHA-256, and its staging folders. A missing optional file (the deleted-case list) reads as empty.
 */
public record FaersLoadContext(FaersTable table, InputFile input, StrictDecoder decoder, Path stagingTable,
        Path rejectsFile) implements LoadContext {

    public static FaersLoadContext of(StepExecution step, String input, String encoding) throws IOException {
        FaersTable table = FaersTable.fromLoadStepName(step.getStepName());
        FaersExtract extract = FaersExtract.open(Path.of(input));
        InputFile file = extract.entry(table)
                .map(e -> scan(e.name(), e))
                .orElseGet(() -> new InputFile("(no " + table.filePrefix() + " file)",
                        new ByteArrayResource(new byte[0]), 0, null));
        Path staging = StagingArea.of(step.getJobExecution());
        return new FaersLoadContext(table, file, new StrictDecoder(Charset.forName(encoding)),
                staging.resolve(table.lakeName()), staging.resolve("rejects").resolve(table.lakeName() + ".jsonl"));
    }

    @Override
    public LakeSchema schema() {
        return table.schema();
    }

    /** Lines before the data: the header row, which the deleted-case list does not have. */
    @Override
    public int headerLines() {
        return table == FaersTable.DELETED ? 0 : 1;
    }

    private static InputFile scan(String name, FaersExtract.Entry entry) {
        try {
            InputFile file = InputFile.scan(name, entry.resource());
            if (file.lines() == 0 && entry.table() != FaersTable.DELETED) {
                throw new FaersHeader.InvalidHeaderException(name + " is empty: it has no header row");
            }
            return file;
        } catch (ZipException e) {
            throw new FaersExtract.InvalidExtractException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry.resource().getDescription(), e);
        }
    }
}
