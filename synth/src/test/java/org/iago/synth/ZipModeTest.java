package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip mode writes FDA's zip per quarter with exactly the entries folder mode writes as files. */
class ZipModeTest {

    @TempDir
    Path tmp;

    @Test
    void zipHoldsTheSameEntriesAsTheFolder() throws IOException {
        GeneratedExtract folder = GeneratedExtract.generate(tmp.resolve("folder"), "2024Q3..2024Q4", 1000, 8, true,
                false);
        GeneratedExtract zip = GeneratedExtract.generate(tmp.resolve("zip"), "2024Q3..2024Q4", 1000, 8, true, true);

        try (Stream<Path> written = Files.list(zip.out)) {
            assertEquals(List.of("faers_ascii_2024q3.zip", "faers_ascii_2024q4.zip", "manifest.json"),
                    written.map(p -> p.getFileName().toString()).sorted().toList(), "no folders or staging left");
        }
        for (int k = 0; k < folder.quarterCount(); k++) {
            SynthManifest.QuarterEntry entry = zip.manifest.quarters().get(k);
            assertEquals("faers_ascii_" + folder.quarter(k).toString().toLowerCase() + ".zip", entry.location());
            Map<String, byte[]> entries = entries(zip.out.resolve(entry.location()));
            Path quarterFolder = folder.out.resolve("faers_ascii_" + folder.quarter(k));
            List<String> files = new ArrayList<>();
            try (Stream<Path> paths = Files.walk(quarterFolder)) {
                paths.filter(Files::isRegularFile)
                        .forEach(p -> files.add(quarterFolder.relativize(p).toString().replace('\\', '/')));
            }
            assertEquals(files.stream().sorted().toList(), entries.keySet().stream().sorted().toList());
            for (String name : files) {
                assertArrayEquals(Files.readAllBytes(quarterFolder.resolve(name)), entries.get(name), name);
            }
            assertEquals(folder.manifest.quarters().get(k).files(), entry.files());
        }
        assertEquals(folder.manifest.defects(), zip.manifest.defects());
        assertEquals(folder.manifest.plantedSignals(), zip.manifest.plantedSignals());
    }

    @Test
    void zipIsByteIdenticalAcrossRuns() throws IOException {
        GeneratedExtract.generate(tmp.resolve("a"), "2024Q4", 500, 4, false, true);
        GeneratedExtract.generate(tmp.resolve("b"), "2024Q4", 500, 4, false, true);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/faers_ascii_2024q4.zip")),
                Files.readAllBytes(tmp.resolve("b/faers_ascii_2024q4.zip")));
        assertFalse(Files.exists(tmp.resolve("a/faers_ascii_2024Q4")));
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
