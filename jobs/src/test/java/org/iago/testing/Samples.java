package org.iago.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
}
