package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With defects on, every quarter holds one line of each kind exactly where the manifest says. */
class DefectsTest {

    private static final Set<String> KINDS = Set.of("field-count", "bad-key-date", "invalid-utf8", "empty-key",
            "collapsed-line");

    @TempDir
    static Path out;
    static GeneratedExtract extract;

    @BeforeAll
    static void generate() throws IOException {
        extract = GeneratedExtract.generate(out, "2023Q3..2024Q1", 2000, 3, true, false);
    }

    @Test
    void everyQuarterHasEveryKind() {
        Map<String, Set<String>> kindsByQuarter = new HashMap<>();
        for (SynthManifest.DefectEntry defect : extract.manifest.defects()) {
            kindsByQuarter.computeIfAbsent(defect.quarter(), q -> new HashSet<>()).add(defect.kind());
        }
        for (int k = 0; k < extract.quarterCount(); k++) {
            assertEquals(KINDS, kindsByQuarter.get(extract.quarter(k).toString()));
        }
    }

    @Test
    void eachDefectIsAtItsLineAndOfItsKind() throws IOException {
        for (SynthManifest.DefectEntry defect : extract.manifest.defects()) {
            Path file = out.resolve("faers_ascii_" + defect.quarter()).resolve(defect.file());
            List<byte[]> lines = GeneratedExtract.physicalLines(Files.readAllBytes(file));
            byte[] line = lines.get((int) defect.line() - 1);
            String[] fields = GeneratedExtract.fields(line);
            String where = defect.toString();
            switch (defect.kind()) {
                case "field-count" -> {
                    assertTrue(defect.file().startsWith("ASCII/DRUG"), where);
                    assertEquals(19, fields.length, where);
                }
                case "collapsed-line" -> {
                    assertTrue(defect.file().startsWith("ASCII/DRUG"), where);
                    assertEquals(2 * 20 - 1, fields.length, where);
                }
                case "bad-key-date" -> {
                    assertTrue(defect.file().startsWith("ASCII/DEMO"), where);
                    assertEquals(25, fields.length, where);
                    assertEquals("20231345", fields[7], where);
                }
                case "invalid-utf8" -> {
                    assertTrue(defect.file().startsWith("ASCII/REAC"), where);
                    assertEquals(4, fields.length, where);
                    assertTrue(contains(line, (byte) 0xC3, (byte) 0x28), where);
                    assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder()
                            .decode(ByteBuffer.wrap(line)), where);
                }
                case "empty-key" -> {
                    assertTrue(defect.file().startsWith("ASCII/OUTC"), where);
                    assertEquals(3, fields.length, where);
                    assertEquals("", fields[0], where);
                }
                default -> throw new AssertionError("unknown defect kind " + where);
            }
        }
    }

    @Test
    void lineCountsSeparateValidLinesFromDefects() throws IOException {
        for (int k = 0; k < extract.quarterCount(); k++) {
            SynthManifest.QuarterEntry entry = extract.manifest.quarters().get(k);
            long defectsInQuarter = 0;
            for (SynthManifest.FileEntry file : entry.files()) {
                Path path = out.resolve(entry.location()).resolve(file.name());
                int header = file.name().startsWith("Deleted/") ? 0 : 1;
                long lines = GeneratedExtract.physicalLines(Files.readAllBytes(path)).size() - header;
                long defects = extract.manifest.defects().stream()
                        .filter(d -> d.quarter().equals(entry.quarter()) && d.file().equals(file.name())).count();
                assertEquals(lines, file.lines(), file.name());
                assertEquals(lines - defects, file.validLines(), file.name());
                defectsInQuarter += defects;
            }
            assertEquals(KINDS.size(), defectsInQuarter);
            assertEquals(entry.reports(), extract.records(k, "DEMO").size(), "reports are the valid DEMO rows");
        }
    }

    private static boolean contains(byte[] line, byte first, byte second) {
        for (int i = 0; i + 1 < line.length; i++) {
            if (line[i] == first && line[i + 1] == second) {
                return true;
            }
        }
        return false;
    }
}
