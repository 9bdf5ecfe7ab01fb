package org.iago.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A publish record blocks the tables it names, and only those, until its dataset is published whole. */
class PublishJournalTest {

    private static final PublishJournal.Entry Q4 = new PublishJournal.Entry("FAERS quarter 2024Q4",
            List.of("faers/demo/quarter=2024Q4", "faers/drug/quarter=2024Q4"), "iago ingest faers --quarter 2024Q4");

    @TempDir
    Path dir;

    @Test
    void blocksEveryReaderOfANamedTableWithTheCommandThatFinishesIt() throws Exception {
        Lake lake = new Lake(dir);
        PublishJournal.begin(lake, "faersIngest-3", Q4);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PublishJournal.requireSettled(lake.location(), null, "faers/drug"));
        assertTrue(refused.getMessage().startsWith("FAERS quarter 2024Q4 is half published in "), refused::getMessage);
        assertTrue(refused.getMessage().endsWith("finish it with: iago ingest faers --quarter 2024Q4"),
                refused::getMessage);
        assertThrows(IllegalStateException.class, () -> PublishJournal.requireSettled(lake.location(), null, "faers"));
        assertThrows(IllegalStateException.class,
                () -> PublishJournal.requireSettled(lake.location(), null, "faers/demo/quarter=2024Q4/part-1.parquet"));
    }

    @Test
    void letsOtherTablesBeRead() throws Exception {
        Lake lake = new Lake(dir);
        PublishJournal.begin(lake, "faersIngest-3", Q4);
        PublishJournal.requireSettled(lake.location(), null, "faers/reac", "faers/drugs", "cases/source=caers",
                "registry");
        assertTrue(Files.isRegularFile(PublishJournal.folder(lake).resolve("faersIngest-3.json")));
        try (var files = Files.list(PublishJournal.folder(lake))) {
            assertEquals(1, files.count(), "no temporary file left beside the record");
        }
    }

    @Test
    void endRemovesEveryRecordOfTheDatasetAndNoOther() throws Exception {
        Lake lake = new Lake(dir);
        PublishJournal.Entry registry = new PublishJournal.Entry("the registry extract",
                List.of("registry/patients"), "iago ingest registry --input /x");
        PublishJournal.begin(lake, "faersIngest-3", Q4);
        PublishJournal.begin(lake, "faersIngest-5", Q4);
        PublishJournal.begin(lake, "registryIngest-4", registry);
        PublishJournal.end(lake, Q4);
        assertEquals(List.of(registry), PublishJournal.pending(lake.location(), null));
        PublishJournal.requireSettled(lake.location(), null, "faers/drug");
        PublishJournal.end(lake, registry);
        assertFalse(Files.exists(PublishJournal.folder(lake)), "an empty journal leaves no folder");
    }
}
