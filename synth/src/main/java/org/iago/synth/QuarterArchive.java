package org.iago.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iago.vocabulary.Quarter;

/**
 * Where a quarter's files go: the folder {@code faers_ascii_2023Q1}, or the zip {@code faers_ascii_2023q1.zip} as FDA
 * ships it. A zip is packed from a staging folder once the files are complete, because zip entries cannot be written
 * side by side; entries carry a fixed timestamp so that the zip is byte-identical across runs and time zones.
 */
final class QuarterArchive {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path out;
    private final Quarter quarter;
    private final boolean zip;

    private QuarterArchive(Path out, Quarter quarter, boolean zip) {
        this.out = out;
        this.quarter = quarter;
        this.zip = zip;
    }

    /** Prepares the folder to write into; a staging folder left by an interrupted run is removed. */
    static QuarterArchive open(Path out, Quarter quarter, boolean zip) throws IOException {
        QuarterArchive archive = new QuarterArchive(out, quarter, zip);
        if (zip) {
            deleteStaging(archive.folder());
        }
        Files.createDirectories(archive.folder());
        return archive;
    }

    static String folderName(Quarter quarter) {
        return "faers_ascii_" + quarter;
    }

    static String zipName(Quarter quarter) {
        return "faers_ascii_" + quarter.toString().toLowerCase(Locale.ROOT) + ".zip";
    }

    /** The folder the quarter's files are written into. */
    Path folder() {
        return zip ? out.resolve("." + folderName(quarter) + ".staging") : out.resolve(folderName(quarter));
    }

    /** The folder or zip name under out, as recorded in the manifest. */
    String location() {
        return zip ? zipName(quarter) : folderName(quarter);
    }

    /** Packs the written files into the zip (in {@link FaersFile} order) and removes the staging folder. */
    void finish() throws IOException {
        if (!zip) {
            return;
        }
        LocalDateTime published = quarter.lastDay().plusDays(1).atStartOfDay();
        try (OutputStream file = Files.newOutputStream(out.resolve(zipName(quarter)));
             ZipOutputStream archive = new ZipOutputStream(new BufferedOutputStream(file, BUFFER_BYTES))) {
            for (FaersFile faersFile : FaersFile.values()) {
                Path staged = folder().resolve(faersFile.path(quarter));
                if (Files.exists(staged)) {
                    ZipEntry entry = new ZipEntry(faersFile.path(quarter));
                    entry.setTimeLocal(published);
                    archive.putNextEntry(entry);
                    Files.copy(staged, archive);
                    archive.closeEntry();
                }
            }
        }
        deleteStaging(folder());
    }

    private static void deleteStaging(Path staging) throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
