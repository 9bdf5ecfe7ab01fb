package org.iago.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The committed samples under {@code data-samples/}, found from the module folder that tests run in. */
public final class Samples {

    private Samples() {
    }

    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data-samples"))) {
                return p.resolve("data-samples");
            }
        }
        throw new IllegalStateException("no data-samples folder above " + here);
    }

    public static Path faers2017q2() {
        return root().resolve("faers/real/faers_ascii_2017q2_sample.zip");
    }

    public static Path laers2004q1() {
        return root().resolve("faers/real/aers_ascii_2004q1_sample.zip");
    }

    public static Path caers() {
        return root().resolve("caers/caers.csv");
    }

    /** Unpacks a zip into {@code target} (for tests that alter a sample). */
    public static Path unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(z, out);
                }
            }
        }
        return target;
    }

    /**
     * Adds one entry to a zip being written. A {@link ZipEntry#STORED} entry needs its sizes and CRC-32 before its
     * data, so they are set here; tests corrupt the bytes afterwards to see that the checksum is verified.
     */
    public static void putEntry(ZipOutputStream out, String name, byte[] content, int method) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /** Drops the first column of a '$'-separated FAERS file, header included: a file lacking a required column. */
    public static void dropFirstColumn(Path faersFile) throws IOException {
        List<String> lines = Files.readAllLines(faersFile).stream().map(l -> l.substring(l.indexOf('$') + 1)).toList();
        Files.write(faersFile, lines);
    }
}
