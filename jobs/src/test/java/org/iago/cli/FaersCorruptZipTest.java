package org.iago.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iago.lake.FaersTable;
import org.iago.lake.Lake;
import org.iago.testing.DuckLake;
import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A quarter's zip is checked entry by entry: a corrupt entry (CRC-32) or one above the size limit refuses the extract,
 * nothing of the quarter is published, and the same command with a sound zip resumes the run.
 */
class FaersCorruptZipTest {

    private static final Quarter Q = Quarter.parse("2017Q2");

    @TempDir
    Path work;

    /** One changed byte in REAC's data: STORED, and DEFLATED without compression so that it still inflates. */
    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {ZipEntry.STORED, ZipEntry.DEFLATED})
    void aCorruptEntryRefusesTheQuarterAndASoundZipResumesIt(int method) throws Exception {
        byte[] sound = rezip(method);
        byte[] corrupt = sound.clone();
        corrupt[indexOf(corrupt, "Abnormal weight gain")] ^= 0x20;
        Path zip = Files.write(work.resolve("faers_ascii_2017q2.zip"), corrupt);
        Lake lake = new Lake(work.resolve("lake"));

        Cli refused = ingest(zip, lake);

        assertEquals(ExitCodes.FAILED, refused.exitCode(), refused::toString);
        assertTrue(refused.out().contains(zip + "!ascii/REAC17Q2.txt: CRC-32 mismatch (stored "), refused::toString);
        assertTrue(refused.out().contains("the archive is corrupt; download it again"), refused::toString);
        assertNothingPublished(lake);
        Cli again = ingest(zip, lake);
        assertEquals(ExitCodes.FAILED, again.exitCode(), "a restart on the same corrupt zip fails again: " + again);
        assertNothingPublished(lake);

        Files.write(zip, sound);
        Cli resumed = ingest(zip, lake);
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.out().contains("execution 3"), "the failed run is resumed: " + resumed);
        try (DuckLake duck = new DuckLake()) {
            assertEquals(286, duck.count(lake.faersPartition(FaersTable.REAC, Q)));
            String reac = DuckLake.parquet(lake.faersPartition(FaersTable.REAC, Q));
            assertEquals(3L, ((Number) duck.single("SELECT count(*) FROM " + reac
                    + " WHERE pt = 'Abnormal weight gain'")).longValue());
            assertEquals(0L, ((Number) duck.single("SELECT count(*) FROM " + reac
                    + " WHERE pt = 'abnormal weight gain'")).longValue(), "the corrupt term reached the lake");
        }
    }

    /** The central directory says REAC inflates to 2 GiB: refused before a byte is read, however little is there. */
    @Test
    void anEntryAboveTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] bytes = rezip(ZipEntry.DEFLATED);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int cen = indexOf(bytes, "ascii/REAC17Q2.txt", indexOf(bytes, "ascii/REAC17Q2.txt", 0) + 1) - 46;
        assertEquals(0x02014b50, zip.getInt(cen), "central directory header of REAC");
        zip.putInt(cen + 24, Integer.MAX_VALUE);
        Path file = Files.write(work.resolve("faers_ascii_2017q2.zip"), bytes);
        Lake lake = new Lake(work.resolve("lake"));

        Cli refused = ingest(file, lake);

        assertEquals(ExitCodes.FAILED, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains(file + "!ascii/REAC17Q2.txt: the entry's size, 2147483647 bytes, is above"
                + " the limit of 1073741824 bytes for one file of an extract; it is not read"), refused::toString);
        assertNothingPublished(lake);
    }

    /** The 2017Q2 sample zipped again with {@code method}, uncompressed, so that its text can be found and changed. */
    private byte[] rezip(int method) throws IOException {
        Path extract = Samples.unzip(Samples.faers2017q2(), work.resolve("extract"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(extract)) {
            out.setLevel(Deflater.NO_COMPRESSION);
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Samples.putEntry(out, extract.relativize(f).toString(), Files.readAllBytes(f), method);
            }
        }
        return bytes.toByteArray();
    }

    private static Cli ingest(Path zip, Lake lake) {
        return Cli.run("ingest", "faers", "--input", zip.toString(), "--lake", lake.root().toString());
    }

    private static void assertNothingPublished(Lake lake) {
        for (FaersTable t : FaersTable.values()) {
            assertFalse(Files.exists(lake.faersPartition(t, Q)), t + " must not be published");
        }
        assertFalse(Files.exists(lake.faersManifest(Q)));
    }

    private static int indexOf(byte[] bytes, String text) {
        return indexOf(bytes, text, 0);
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i + t.length <= bytes.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (bytes[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }
}
