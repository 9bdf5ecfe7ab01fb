package org.iago.ingest.registry;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iago.ingest.InputFile;
import org.iago.ingest.InvalidInputException;
import org.iago.ingest.StrictDecoder;
import org.iago.lake.RegistryTable;
import org.springframework.core.io.FileSystemResource;

/** A registry extract folder: one CSV per {@link RegistryTable}, every one required (header only when empty). */
public record RegistryExtract(Path folder, StrictDecoder decoder) {

    /**
     * @throws InvalidInputException    when a table's file is missing (bad input)
     * @throws IllegalArgumentException when the encoding is unknown (a usage error)
     */
    public static RegistryExtract open(Path folder, String encoding) {
        RegistryExtract extract = new RegistryExtract(folder, new StrictDecoder(Charset.forName(encoding)));
        for (RegistryTable table : RegistryTable.values()) {
            if (!Files.isRegularFile(extract.file(table))) {
                throw new InvalidInputException(folder + " has no " + table.fileName() + ": a registry extract has"
                        + " one file per table (docs/registry-format.md), with only a header when a table is empty");
            }
        }
        return extract;
    }

    public Path file(RegistryTable table) {
        return folder.resolve(table.fileName());
    }

    /** The file scanned for its line count and SHA-256. */
    public InputFile scan(RegistryTable table) throws IOException {
        InputFile file = InputFile.scanCsv(table.fileName(), new FileSystemResource(file(table)));
        if (file.lines() == 0) {
            throw new IllegalArgumentException(file(table) + " is empty: it has no header row");
        }
        return file;
    }
}
