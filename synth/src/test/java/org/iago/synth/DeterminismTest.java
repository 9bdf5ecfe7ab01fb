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
import org.iago.vocabulary.Quarter;
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
    void duplicatesAndNameVariantsAreDeterministicToo() throws IOException {
        for (String run : List.of("a", "b")) {
            GeneratedExtract.generate(new FaersSynthSpec(tmp.resolve(run), Quarter.parseRange("2024Q1..2024Q2"), 2000,
                    5, true, false, 20, true));
        }
        List<Path> files = relativeFiles(tmp.resolve("a"));
        assertEquals(files, relativeFiles(tmp.resolve("b")));
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)), file.toString());
        }
        SynthManifest manifest = SynthManifest.read(tmp.resolve("a").resolve(SynthManifest.FILE_NAME));
        assertEquals(40, manifest.duplicates().exactPairs().size());
        assertFalse(manifest.nameVariants().isEmpty());
    }

    /** The manifest of an extract without the options has no trace of them, as before they existed. */
    @Test
    void optionsLeftOffLeaveNoTraceInTheManifest() throws IOException {
        GeneratedExtract.generate(tmp, "2024Q1", 500, 6, false, false);
        String json = Files.readString(tmp.resolve(SynthManifest.FILE_NAME));
        for (String key : List.of("duplicates", "nameVariants", "duplicatesPerQuarter")) {
            assertFalse(json.contains("\"" + key + "\""), key);
        }
    }

    @Test
    void manifestReadsBackAsWritten() throws IOException {
        GeneratedExtract extract = GeneratedExtract.generate(tmp.resolve("plain"), "2024Q1..2024Q2", 500, 6, true,
                false);
        assertEquals(extract.manifest, SynthManifest.read(tmp.resolve("plain").resolve(SynthManifest.FILE_NAME)));
        GeneratedExtract planted = GeneratedExtract.generate(new FaersSynthSpec(tmp.resolve("planted"),
                Quarter.parseRange("2024Q1..2024Q2"), 500, 6, true, false, 5, true));
        assertEquals(planted.manifest, SynthManifest.read(tmp.resolve("planted").resolve(SynthManifest.FILE_NAME)));
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
