package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same spec gives byte-identical output; another seed gives other data. */
class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        GeneratedExtract.generate(tmp.resolve("a"), "2023Q4..2024Q2", 2000, 5, true, false);
        GeneratedExtract.generate(tmp.resolve("b"), "2023Q4..2024Q2", 2000, 5, true, false);

        List<Path> files = relativeFiles(tmp.resolve("a"));
        assertEquals(files, relativeFiles(tmp.resolve("b")));
        assertEquals(1 + 7 + 8 + 8, files.size(), "manifest and every quarter's files");
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)), file.toString());
        }
    }

    @Test
    void manifestReadsBackAsWritten() throws IOException {
        GeneratedExtract extract = GeneratedExtract.generate(tmp, "2024Q1..2024Q2", 500, 6, true, false);
        assertEquals(extract.manifest, SynthManifest.read(tmp.resolve(SynthManifest.FILE_NAME)));
    }

    @Test
    void anotherSeedWritesOtherData() throws IOException {
        GeneratedExtract a = GeneratedExtract.generate(tmp.resolve("a"), "2024Q1", 2000, 1, false, false);
        GeneratedExtract b = GeneratedExtract.generate(tmp.resolve("b"), "2024Q1", 2000, 2, false, false);
        for (String prefix : List.of("DEMO", "DRUG", "REAC", "OUTC", "THER", "INDI")) {
            assertFalse(Arrays.equals(Files.readAllBytes(a.file(0, prefix)), Files.readAllBytes(b.file(0, prefix))),
                    prefix);
        }
    }

    @Test
    void defectLinesAreOnlyAdded() throws IOException {
        GeneratedExtract clean = GeneratedExtract.generate(tmp.resolve("clean"), "2024Q1..2024Q2", 2000, 9, false,
                false);
        GeneratedExtract defective = GeneratedExtract.generate(tmp.resolve("defective"), "2024Q1..2024Q2", 2000, 9,
                true, false);
        for (int k = 0; k < clean.quarterCount(); k++) {
            for (String prefix : List.of("DEMO", "DRUG", "REAC", "OUTC", "RPSR", "THER", "INDI")) {
                List<String> expected = clean.records(k, prefix).stream().map(f -> String.join("$", f)).toList();
                List<String> valid = defective.records(k, prefix).stream().map(f -> String.join("$", f)).toList();
                assertEquals(expected, valid, prefix + " of quarter " + k + " without its defect lines");
            }
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
