package org.iago.synth.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same arguments give the same bytes; patients do not depend on how many are generated. */
class RegistrySynthDeterminismTest {

    private static final List<String> ALL_FILES = List.of("patients.csv", "outcomes.csv", "toxicities.csv",
            "infections.csv", "labs.csv", "management.csv", "neoplasms.csv", "manifest.json");

    @TempDir
    Path tmp;

    @Test
    void sameArgumentsWriteIdenticalBytes() throws IOException {
        RegistrySynthExtract.generate(tmp.resolve("a"), 2000, 5, true);
        RegistrySynthExtract.generate(tmp.resolve("b"), 2000, 5, true);
        for (String file : ALL_FILES) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
        String manifest = Files.readString(tmp.resolve("a/manifest.json"));
        assertFalse(manifest.contains("\r") || manifest.contains(tmp.toString()), "no CR, no path in the manifest");
    }

    @Test
    void anotherSeedWritesOtherData() throws IOException {
        RegistrySynthExtract.generate(tmp.resolve("a"), 500, 1, false);
        RegistrySynthExtract.generate(tmp.resolve("b"), 500, 2, false);
        for (String file : ALL_FILES.subList(0, 5)) {
            assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file))), file);
        }
    }

    @Test
    void aSmallerExtractIsAPrefixOfALargerOne() throws IOException {
        RegistrySynthExtract.generate(tmp.resolve("small"), 300, 9, false);
        RegistrySynthExtract.generate(tmp.resolve("large"), 900, 9, false);
        for (String file : ALL_FILES.subList(0, 7)) {
            String small = Files.readString(tmp.resolve("small").resolve(file));
            assertTrue(Files.readString(tmp.resolve("large").resolve(file)).startsWith(small), file);
        }
    }
}
