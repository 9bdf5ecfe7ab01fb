package org.iago.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.iago.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZipEntryResourceTest {

    private static final byte[] REAC = "primaryid$caseid$pt$drug_rec_act\n100$10$Cytokine release syndrome$\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {ZipEntry.STORED, ZipEntry.DEFLATED})
    void anIntactEntryReadsWhole(int method) throws IOException {
        Path zip = zip(method, REAC);
        try (InputStream in = new ZipEntryResource(zip, "ascii/REAC24Q1.txt").getInputStream()) {
            assertArrayEquals(REAC, in.readAllBytes());
        }
    }

    /** One changed byte of the entry's data (deflated without compression, so that it still inflates). */
    @ParameterizedTest(name = "method {0}")
    @ValueSource(ints = {ZipEntry.STORED, ZipEntry.DEFLATED})
    void aChangedByteFailsTheReadAtTheEndWithTheEntryAndBothChecksums(int method) throws IOException {
        Path zip = zip(method, REAC);
        flip(zip, "Cytokine");
        ZipEntryResource entry = new ZipEntryResource(zip, "ascii/REAC24Q1.txt");
        CRC32 stored = new CRC32();
        stored.update(REAC);
        byte[] corrupt = REAC.clone();
        corrupt[indexOf(REAC, "Cytokine")] ^= 0x20;
        CRC32 computed = new CRC32();
        computed.update(corrupt);
        try (InputStream in = entry.getInputStream()) {
            ZipException refused = assertThrows(ZipException.class, in::readAllBytes);
            assertEquals(String.format("%s!ascii/REAC24Q1.txt: CRC-32 mismatch (stored %08x, computed %08x): the"
                    + " archive is corrupt; download it again", zip, stored.getValue(), computed.getValue()),
                    refused.getMessage());
        }
    }

    /**
     * A changed byte inside compressed data that the inflater itself refuses (found by trying bytes in turn, as most
     * changes inflate to other bytes, which the checksum refuses): the error names the entry, as a checksum's does.
     */
    @Test
    void compressedDataTheInflaterRefusesNamesTheEntry() throws IOException {
        StringBuilder text = new StringBuilder("primaryid$caseid$pt$drug_rec_act\n");
        Random random = new Random(17);
        for (int i = 0; i < 2000; i++) {
            text.append(100 + i).append('$').append(random.nextInt(1_000_000)).append("$Pyrexia$\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            Samples.putEntry(out, "ascii/REAC24Q1.txt", text.toString().getBytes(StandardCharsets.US_ASCII),
                    ZipEntry.DEFLATED);
        }
        byte[] sound = bytes.toByteArray();
        Path zip = work.resolve("faers_ascii_2024q1.zip");
        // the data starts after the 30-byte local header and the name
        for (int at = 30 + "ascii/REAC24Q1.txt".length(); ; at++) {
            byte[] changed = sound.clone();
            changed[at] ^= 0x5a;
            Files.write(zip, changed);
            if (inflaterRefuses(zip)) {
                break;
            }
        }
        try (InputStream in = new ZipEntryResource(zip, "ascii/REAC24Q1.txt").getInputStream()) {
            ZipException refused = assertThrows(ZipException.class, in::readAllBytes);
            assertTrue(refused.getMessage().startsWith(zip + "!ascii/REAC24Q1.txt: "), refused::getMessage);
            assertTrue(refused.getMessage().endsWith(": the archive is corrupt; download it again"),
                    refused::getMessage);
        }
    }

    private static boolean inflaterRefuses(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile());
             InputStream in = file.getInputStream(file.getEntry("ascii/REAC24Q1.txt"))) {
            in.readAllBytes();
            return false;
        } catch (ZipException e) {
            return true;
        }
    }

    @Test
    void anEntryAboveTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path zip = zip(ZipEntry.DEFLATED, REAC);
        ZipException refused = assertThrows(ZipException.class,
                () -> new ZipEntryResource(zip, "ascii/REAC24Q1.txt", REAC.length - 1).getInputStream());
        assertEquals(zip + "!ascii/REAC24Q1.txt: the entry's size, " + REAC.length + " bytes, is above the limit of "
                + (REAC.length - 1) + " bytes for one file of an extract; it is not read", refused.getMessage());
        try (InputStream in = new ZipEntryResource(zip, "ascii/REAC24Q1.txt", REAC.length).getInputStream()) {
            assertArrayEquals(REAC, in.readAllBytes());
        }
    }

    @Test
    void theLimitIsOneGibibyte() {
        assertEquals(1024L * 1024 * 1024, ZipEntryResource.MAX_ENTRY_BYTES);
    }

    private Path zip(int method, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.NO_COMPRESSION);
            Samples.putEntry(out, "ascii/REAC24Q1.txt", content, method);
        }
        return Files.write(work.resolve("faers_ascii_2024q1.zip"), bytes.toByteArray());
    }

    /** Changes the case of the first letter of {@code text} where the zip holds it. */
    static void flip(Path zip, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        bytes[indexOf(bytes, text)] ^= 0x20;
        Files.write(zip, bytes);
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= bytes.length; i++) {
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
