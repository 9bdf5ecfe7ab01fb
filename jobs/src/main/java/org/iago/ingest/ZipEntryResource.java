package org.iago.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.core.io.AbstractResource;

/** One entry of a zip archive, read in place: a quarterly extract is never unpacked to disk. */
public final class ZipEntryResource extends AbstractResource {

    private final Path zip;
    private final String entryName;

    public ZipEntryResource(Path zip, String entryName) {
        this.zip = zip;
        this.entryName = entryName;
    }

    @Override
    public String getDescription() {
        return zip + "!/" + entryName;
    }

    @Override
    public String getFilename() {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    @Override
    public boolean exists() {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return file.getEntry(entryName) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ZipFile file = new ZipFile(zip.toFile());
        ZipEntry entry = file.getEntry(entryName);
        if (entry == null) {
            file.close();
            throw new IOException("no entry " + entryName + " in " + zip);
        }
        return new FilterInputStream(file.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    file.close();
                }
            }
        };
    }
}
