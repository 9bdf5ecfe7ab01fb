package org.iago.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iago.vocabulary.Quarter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted duplicates are what the manifest says: issue 19's default rule, applied in plain Java to the written
 * DEMO, DRUG, REAC and DELETE files ({@link DefaultDuplicateRule}), merges every planted pair and keeps the report the
 * manifest names, merges no near-miss, and finds no duplicates besides the planted ones.
 */
class PlantedDuplicatesTest {

    private static final int REPORTS = 3000;
    private static final int PER_QUARTER = 10;

    @TempDir
    static Path out;
    static GeneratedExtract extract;
    static SynthManifest.Duplicates planted;
    static DefaultDuplicateRule rule;

    @BeforeAll
    static void generate() throws IOException {
        extract = GeneratedExtract.generate(new FaersSynthSpec(out, Quarter.parseRange("2024Q1..2024Q3"), REPORTS, 7,
                true, false, PER_QUARTER, true));
        planted = extract.manifest.duplicates();
        rule = DefaultDuplicateRule.apply(extract, DrugNameRule.learnedFrom(extract));
    }

    @Test
    void everyPlantedPairIsMergedKeepingTheReportTheManifestNames() {
        assertEquals(PlantedDuplicates.RULE, planted.rule());
        assertEquals(3 * PER_QUARTER, planted.exactPairs().size());
        for (SynthManifest.ExactPair pair : planted.exactPairs()) {
            assertLatest(pair.originalCaseid(), pair.originalPrimaryid());
            assertLatest(pair.copyCaseid(), pair.copyPrimaryid());
            List<DefaultDuplicateRule.LatestReport> group = rule.groupOf(pair.copyCaseid());
            assertNotNull(group, "copy merged: " + pair);
            assertEquals(Set.of(pair.originalCaseid(), pair.copyCaseid()), caseids(group), "only the pair: " + pair);
            assertEquals(pair.keptCaseid(), group.get(0).caseid(), "kept: " + pair);
            assertEquals(pair.droppedCaseid(), group.get(1).caseid(), "dropped: " + pair);
        }
    }

    @Test
    void noNearMissIsMergedAndEachDiffersInItsFieldOnly() {
        assertEquals(3 * PER_QUARTER, planted.nearMisses().size());
        for (SynthManifest.NearMiss nearMiss : planted.nearMisses()) {
            assertLatest(nearMiss.originalCaseid(), nearMiss.originalPrimaryid());
            assertLatest(nearMiss.copyCaseid(), nearMiss.copyPrimaryid());
            assertNull(rule.groupOf(nearMiss.copyCaseid()), "near-miss merged: " + nearMiss);
            assertNull(rule.groupOf(nearMiss.originalCaseid()), "its original merged: " + nearMiss);
            DefaultDuplicateRule.Fields original = rule.latest.get(nearMiss.originalCaseid()).fields();
            DefaultDuplicateRule.Fields copy = rule.latest.get(nearMiss.copyCaseid()).fields();
            assertTrue(original.complete(), "the original has every field: " + nearMiss);
            assertEquals(List.of(nearMiss.field()), original.differences(copy), nearMiss.toString());
            assertEquals(nearMiss.kind().endsWith("-missing") || nearMiss.kind().equals("event-dt-partial"),
                    !copy.complete(), "a missing field leaves the copy incomplete: " + nearMiss);
        }
    }

    @Test
    void theRuleFindsNoDuplicatesButThePlantedOnes() {
        assertEquals(planted.exactPairs().size(), rule.groups.size(), "groups: " + rule.groups);
    }

    @Test
    void everyNearMissKindAndEveryVariationIsPlanted() {
        assertEquals(Arrays.stream(NearMissKind.values()).map(NearMissKind::label).collect(Collectors.toSet()),
                planted.nearMisses().stream().map(SynthManifest.NearMiss::kind).collect(Collectors.toSet()));
        Set<String> variations = new HashSet<>();
        planted.exactPairs().forEach(pair -> variations.addAll(pair.variations()));
        assertEquals(Set.of("age-in-mon", "age-in-wk", "age-in-dy", "age-in-dec", "suspect-spelling", "pt-order",
                "concomitant-dropped", "concomitant-added", "fda-dt-earlier", "fda-dt-same", "fda-dt-later",
                "next-quarter"), variations);
        assertTrue(planted.exactPairs().stream().anyMatch(pair -> pair.keptCaseid() == pair.originalCaseid()),
                "some originals are kept (a copy received earlier)");
    }

    @Test
    void eachQuarterPlantsItsPairsAndKeepsItsReportCount() throws IOException {
        Map<String, Integer> exact = new TreeMap<>();
        Map<String, Integer> nearMisses = new TreeMap<>();
        planted.exactPairs().forEach(pair -> exact.merge(pair.originalQuarter(), 1, Integer::sum));
        planted.nearMisses().forEach(nearMiss -> nearMisses.merge(nearMiss.originalQuarter(), 1, Integer::sum));
        Map<String, Integer> expected = Map.of("2024Q1", PER_QUARTER, "2024Q2", PER_QUARTER, "2024Q3", PER_QUARTER);
        assertEquals(expected, exact);
        assertEquals(expected, nearMisses);
        for (SynthManifest.ExactPair pair : planted.exactPairs()) {
            Quarter original = Quarter.parse(pair.originalQuarter());
            Quarter copy = Quarter.parse(pair.copyQuarter());
            assertTrue(copy.equals(original) || copy.equals(original.next()), pair.toString());
            assertEquals(!copy.equals(original), pair.variations().contains("next-quarter"), pair.toString());
        }
        for (int k = 0; k < extract.quarterCount(); k++) {
            assertEquals(REPORTS, extract.records(k, "DEMO").size());
            assertEquals(REPORTS, extract.manifest.quarters().get(k).reports());
        }
    }

    @Test
    void copiesAreTheOnlyVersionOfTheirCaseid() throws IOException {
        Map<String, Integer> rowsOfCaseid = new TreeMap<>();
        Map<String, String> versionOf = new TreeMap<>();
        for (int k = 0; k < extract.quarterCount(); k++) {
            for (String[] demo : extract.records(k, "DEMO")) {
                rowsOfCaseid.merge(demo[1], 1, Integer::sum);
                versionOf.put(demo[1], demo[2]);
            }
        }
        List<Integer> copies = new ArrayList<>();
        planted.exactPairs().forEach(pair -> copies.add(pair.copyCaseid()));
        planted.nearMisses().forEach(nearMiss -> copies.add(nearMiss.copyCaseid()));
        for (int caseid : copies) {
            assertEquals(1, rowsOfCaseid.get(Integer.toString(caseid)), "one DEMO row of copy " + caseid);
            assertEquals("1", versionOf.get(Integer.toString(caseid)), "copy " + caseid + " is version 1");
        }
        assertEquals(copies.size(), new HashSet<>(copies).size(), "one caseid per copy");
    }

    /**
     * Independent reports rarely agree on all six fields: in one quarter of 20,000 reports (about 10,000 complete
     * ones) the rule finds exactly the 50 planted pairs.
     */
    @Test
    void independentReportsDoNotMatchByChanceInTwentyThousand(@TempDir Path large) throws IOException {
        GeneratedExtract big = GeneratedExtract.generate(new FaersSynthSpec(large, List.of(Quarter.parse("2024Q1")),
                20_000, 1, false, false, 50, false));
        DefaultDuplicateRule found = DefaultDuplicateRule.apply(big, DrugNameRule.learnedFrom(big));
        assertEquals(50, big.manifest.duplicates().exactPairs().size());
        assertEquals(50, found.groups.size());
        for (SynthManifest.ExactPair pair : big.manifest.duplicates().exactPairs()) {
            assertEquals(pair.keptCaseid(), found.groupOf(pair.copyCaseid()).get(0).caseid());
        }
    }

    private static void assertLatest(int caseid, long primaryid) {
        DefaultDuplicateRule.LatestReport latest = rule.latest.get(caseid);
        assertNotNull(latest, caseid + " is a latest, not deleted report");
        assertEquals(Long.toString(primaryid), latest.primaryid(), "latest version of " + caseid);
    }

    private static Set<Integer> caseids(List<DefaultDuplicateRule.LatestReport> group) {
        return group.stream().map(DefaultDuplicateRule.LatestReport::caseid).collect(Collectors.toSet());
    }
}
