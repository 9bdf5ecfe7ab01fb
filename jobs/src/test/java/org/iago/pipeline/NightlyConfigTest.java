package org.iago.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.iago.testing.Samples;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly configuration file and the inbox scan: paths, defaults, refusals, and extracts known by content. */
class NightlyConfigTest {

    @TempDir
    Path work;

    @Test
    void relativePathsAreRelativeToTheFileAndDefaultsAreFilledIn() throws Exception {
        Path file = Files.createDirectories(work.resolve("etc")).resolve("nightly.yaml");
        Files.writeString(file, """
                lake: ../lake
                out: /srv/iago
                inbox: {faers: [inbox/faers]}
                conf: .
                report: {focus: [{drug: BCMA, event: "Cranial nerve palsy"}]}
                """);
        NightlyConfig c = NightlyConfig.load(file);
        assertEquals(work.resolve("lake"), c.lake());
        assertEquals(Path.of("/srv/iago"), c.out());
        assertEquals(List.of(work.resolve("etc/inbox/faers")), c.inbox().faers());
        assertEquals(work.resolve("etc/iago.yaml"), c.rules());
        assertEquals("group", c.signals().eventLevel());
        assertEquals(1.25, c.status().strengthenFactor());
        assertEquals("local[*]", c.spark().master());
        assertEquals("BCMA", c.report().focus().get(0).drug());
    }

    @Test
    void aMistakeInTheFileIsRefusedWithItsName() throws Exception {
        Path file = work.resolve("nightly.yaml");
        Files.writeString(file, "lake: l\nout: o\nconf: .\ninbox: {fears: [x]}\n");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> NightlyConfig.load(file));
        assertTrue(unknown.getMessage().contains(file.toString()) && unknown.getMessage().contains("fears"),
                unknown.getMessage());
        Files.writeString(file, "lake: l\nout: o\nconf: .\nstatus: {strengthenFactor: 0.9}\n");
        assertThrows(IllegalArgumentException.class, () -> NightlyConfig.load(file));
        // a missing key is named, as the user's mistake, not a NullPointerException that reads like iago's defect
        Files.writeString(file, "lake: l\nout: o\ninbox: {faers: []}\n");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> NightlyConfig.load(file));
        Throwable root = missing;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root instanceof IllegalArgumentException && root.getMessage().startsWith("the nightly configuration"
                + " has no 'conf'"), root::toString);
        Files.writeString(file, "out: o\nconf: .\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NightlyConfig.load(file)).getMessage()
                .contains("lake"));
        assertThrows(IllegalArgumentException.class, () -> NightlyConfig.load(work.resolve("absent.yaml")));
    }

    @Test
    void extractsAreKnownByContentAndAQuarterMayBeThereOnce() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.copy(Samples.faers2017q2(), inbox.resolve("faers_ascii_2017q2.zip"));
        Samples.unzip(Samples.laers2004q1(), inbox.resolve("aers_ascii_2004q1"));
        Path registry = Samples.root().resolve("registry");
        InboxLedger ledger = InboxLedger.of(work.resolve("lake"));
        List<InboxExtract> found = InboxExtract.scan(new NightlyConfig.Inbox(List.of(inbox), List.of(registry),
                List.of()), ledger);

        assertEquals(List.of(Quarter.parse("2004Q1"), Quarter.parse("2017Q2")), found.subList(0, 2).stream()
                .map(InboxExtract::quarter).toList(), "oldest quarter first");
        assertEquals(InboxExtract.Kind.REGISTRY, found.get(2).kind());
        Path moved = Files.createDirectories(work.resolve("elsewhere"));
        Samples.unzip(Samples.laers2004q1(), moved.resolve("renamed_aers_ascii_2004q1"));
        assertEquals(found.get(0).sha256(), InboxExtract.sha256(moved.resolve("renamed_aers_ascii_2004q1")),
                "a folder's digest covers its files' names and bytes, not where it is");
        Files.writeString(moved.resolve("renamed_aers_ascii_2004q1/extra.txt"), "x");
        assertNotEquals(found.get(0).sha256(), InboxExtract.sha256(moved.resolve("renamed_aers_ascii_2004q1")));

        Path zip = inbox.resolve("faers_ascii_2017q2.zip");
        ledger.record(found.get(1), 1, 1);
        assertEquals(Optional.of(found.get(1).sha256()), ledger.knownDigest(zip, InboxLedger.Stamp.of(zip)),
                "an unchanged zip is not read again");
        Files.setLastModifiedTime(zip, FileTime.fromMillis(0));
        assertTrue(ledger.knownDigest(zip, InboxLedger.Stamp.of(zip)).isEmpty(), "a touched zip is hashed again");
        Path folder = inbox.resolve("aers_ascii_2004q1");
        assertTrue(ledger.knownDigest(folder, InboxLedger.Stamp.of(folder)).isEmpty(), "folders are always hashed");

        Files.copy(Samples.faers2017q2(), Files.createDirectories(inbox.resolve("again"))
                .resolve("faers_ascii_2017q2.zip"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> InboxExtract.scan(
                new NightlyConfig.Inbox(List.of(inbox), List.of(), List.of()), ledger));
        assertTrue(twice.getMessage().contains("2017Q2 is in the inbox twice"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InboxExtract.scan(new NightlyConfig.Inbox(
                List.of(work.resolve("no-such-folder")), List.of(), List.of()), ledger));
    }
}
