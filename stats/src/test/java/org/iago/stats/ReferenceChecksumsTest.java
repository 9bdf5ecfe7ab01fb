package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each reference file is the one its PROVENANCE.md describes: the note records every data file's SHA-256 in a
 * {@code sha256} block, in {@code sha256sum}'s format, and a file edited, replaced or added without its line fails here.
 */
class ReferenceChecksumsTest {

    /** A fenced block of checksums, opened by {@code ```sha256}. */
    private static final Pattern BLOCK = Pattern.compile("```sha256\\n(.*?)```", Pattern.DOTALL);
    /** A line of it, as sha256sum writes one: 64 hex digits, two spaces, the file's name. */
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S+)");

    @ParameterizedTest
    @ValueSource(strings = {"twobytwo", "openebgm", "pvlrt", "masking"})
    void everyReferenceFileMatchesTheChecksumItsProvenanceRecords(String folder) throws Exception {
        Path dir = Path.of(ReferenceChecksumsTest.class.getResource("/reference/" + folder).toURI());
        Map<String, String> recorded = recorded(Files.readString(dir.resolve("PROVENANCE.md")));
        assertFalse(recorded.isEmpty(), folder + "/PROVENANCE.md records no checksum");
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".csv") || name.endsWith(".csv.gz")).forEach(files::add);
        }
        assertEquals(files, recorded.keySet(), "the data files of " + folder + " and those with a checksum");
        for (Map.Entry<String, String> file : recorded.entrySet()) {
            assertEquals(file.getValue(), sha256(dir.resolve(file.getKey())), folder + "/" + file.getKey());
        }
    }

    private static Map<String, String> recorded(String provenance) {
        Map<String, String> byFile = new TreeMap<>();
        Matcher block = BLOCK.matcher(provenance);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a sha256sum line: '" + line + "'");
                }
                byFile.put(m.group(2), m.group(1));
            }
        }
        return byFile;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
