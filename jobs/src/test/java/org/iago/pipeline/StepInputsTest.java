package org.iago.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs a step stores with its results: which changes of a lake folder, a configuration folder or a setting make
 * them differ, when stored results may be taken, and how a run takes over an earlier run's folder.
 */
class StepInputsTest {

    @TempDir
    Path work;

    @Test
    void aLakeFolderChangesWithAFileWrittenAgainAddedOrRemovedButNotWithHiddenFiles() throws Exception {
        Path table = Files.createDirectories(work.resolve("lake/faers/demo/quarter=2024Q1"));
        Path part = Files.writeString(table.resolve("part-0.parquet"), "rows");
        String before = StepInputs.listing(work.resolve("lake/faers")).orElseThrow();

        Files.createDirectories(work.resolve("lake/faers/.staging/demo"));
        Files.writeString(work.resolve("lake/faers/.staging/demo/part-0.parquet"), "being written");
        Files.writeString(table.resolve(".part-0.parquet.crc"), "crc");
        assertEquals(before, StepInputs.listing(work.resolve("lake/faers")).orElseThrow(), "hidden: not read");

        // same bytes, written again: a new modification time
        Files.setLastModifiedTime(part, FileTime.fromMillis(Files.getLastModifiedTime(part).toMillis() + 1000));
        String rewritten = StepInputs.listing(work.resolve("lake/faers")).orElseThrow();
        assertNotEquals(before, rewritten);
        Files.writeString(table.resolve("part-1.parquet"), "more rows");
        String added = StepInputs.listing(work.resolve("lake/faers")).orElseThrow();
        assertNotEquals(rewritten, added);
        Files.delete(table.resolve("part-1.parquet"));
        assertEquals(rewritten, StepInputs.listing(work.resolve("lake/faers")).orElseThrow());
        assertEquals(Optional.empty(), StepInputs.listing(work.resolve("lake/cases")));
    }

    @Test
    void theConfigurationFolderCountsEveryFileButTheOnesLeftOut() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("products.yaml"), "products: []");
        Path rules = Files.writeString(conf.resolve("iago.yaml"), "signals: {}");
        Path nightly = Files.writeString(conf.resolve("nightly.yaml"), "lake: x");
        Files.writeString(conf.resolve(".products.yaml.swp"), "editor");

        Map<String, String> parts = StepInputs.build().conf(conf, nightly, rules).parts();
        assertTrue(parts.containsKey("conf/products.yaml"), parts::toString);
        assertFalse(parts.keySet().stream().anyMatch(k -> k.contains("iago.yaml") || k.contains("nightly.yaml")
                || k.contains("swp")), parts::toString);

        Files.writeString(conf.resolve("curation.yaml"), "duplicates: none");
        StepInputs withNewFile = StepInputs.build().conf(conf, nightly, rules);
        assertEquals(List.of("conf/curation.yaml"), withNewFile.changedSince(parts));
        Files.writeString(rules, "signals: {prr: {minPrr: 3}}");
        Files.writeString(nightly, "lake: y");
        assertEquals(List.of(), StepInputs.build().conf(conf, nightly, rules).changedSince(withNewFile.parts()));
    }

    @Test
    void storedResultsAreTakenOnlyWithTheSameInputsAndAsTheyWereStored() throws Exception {
        Path results = Files.createDirectories(work.resolve("runs/1/signals/target"));
        Files.writeString(results.resolve("disproportionality.csv"), "drug,event\n");
        Path folder = work.resolve("runs/1/signals");
        StepInputs inputs = StepInputs.build().setting("signals", Map.of("roles", "ps"));
        assertEquals(Optional.empty(), inputs.matching(folder), "nothing stored yet");
        assertEquals("", inputs.whyNot(folder));

        inputs.store(folder, 1);
        assertEquals("1", inputs.matching(folder).orElseThrow().run());
        assertEquals("1", StepInputs.build().setting("signals", Map.of("roles", "ps")).matching(folder)
                .orElseThrow().run(), "the same inputs, found again");

        StepInputs other = StepInputs.build().setting("signals", Map.of("roles", "suspect"));
        assertEquals(Optional.empty(), other.matching(folder));
        assertEquals("setting/signals changed since run 1", other.whyNot(folder));

        Files.delete(results.resolve("disproportionality.csv"));
        assertEquals(Optional.empty(), inputs.matching(folder), "a result is missing");
        assertEquals("the results of run 1 are not as it stored them", inputs.whyNot(folder));
    }

    @Test
    void aRunTakesOverAnEarlierRunsResultsByLinksReplacingWhatItHeld() throws Exception {
        Path earlier = Files.createDirectories(work.resolve("runs/1/tte/onset"));
        Files.writeString(earlier.resolve("part-0.parquet"), "onsets");
        Files.writeString(work.resolve("runs/1/tte/onset.csv"), "event,days\n");
        Files.createDirectories(work.resolve("runs/1/tte/.staging"));
        Files.writeString(work.resolve("runs/1/tte/.staging/left.csv"), "killed");
        StepInputs inputs = StepInputs.build();
        inputs.store(work.resolve("runs/1/tte"), 1);
        Path target = Files.createDirectories(work.resolve("runs/2/tte"));
        Files.writeString(target.resolve("partial.csv"), "a killed attempt");

        RunFolders.takeOver(work.resolve("runs/1/tte"), target);

        assertFalse(Files.exists(target.resolve("partial.csv")));
        assertFalse(Files.exists(target.resolve(".staging")));
        assertArrayEquals(Files.readAllBytes(work.resolve("runs/1/tte/onset.csv")),
                Files.readAllBytes(target.resolve("onset.csv")));
        assertTrue(Files.isSameFile(work.resolve("runs/1/tte/onset/part-0.parquet"),
                target.resolve("onset/part-0.parquet")), "a link, not a copy");
        assertEquals("1", inputs.matching(target).orElseThrow().run(), "the results of run 1, as stored");
    }
}
