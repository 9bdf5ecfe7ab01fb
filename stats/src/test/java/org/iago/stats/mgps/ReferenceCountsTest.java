package org.iago.stats.mgps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class ReferenceCountsTest {

    private static final String TOY = "/reference/openebgm/openebgm_vignette02_toy_";

    @Test
    void reproducesTheUnstratifiedCountsOfOpenEbgmVignette2() {
        // openEBGM 0.9.1, vignette 2: processRaw(toy, zeroes = TRUE)
        assertToyCounts("unstratified", row -> CaseLine.unstratified(row.get(4), row.get(0), row.get(1)));
    }

    @Test
    void reproducesTheStratifiedCountsOfOpenEbgmVignette2() {
        // openEBGM 0.9.1, vignette 2: processRaw(toy, stratify = TRUE, zeroes = TRUE), strata strat1 x strat2
        assertToyCounts("stratified strat1 x strat2",
                row -> new CaseLine(row.get(4), row.get(0), row.get(1), row.get(2) + "-" + row.get(3)));
    }

    @Test
    void countsDistinctReportsNotLines() {
        List<CaseLine> lines = List.of(
                CaseLine.unstratified("1", "drug A", "nausea"),
                CaseLine.unstratified("1", "drug A", "nausea"),   // the same report listing the pair twice
                CaseLine.unstratified("1", "drug A", "rash"),
                CaseLine.unstratified("2", "drug A", "rash"),
                CaseLine.unstratified("3", "drug B", "nausea"),
                CaseLine.unstratified("4", "drug B", "rash"));
        List<DrugEventCount> counts = ReferenceCounts.count(lines);
        // n1.(A) = 2 reports, n.1(nausea) = 2 reports, N = 4 reports: E = 2·2/4
        assertEquals(new DrugEventCount("drug A", "nausea", 1, 1.0), counts.get(0));
        assertEquals(new DrugEventCount("drug A", "rash", 2, 1.5), counts.get(1));
        assertEquals(4, counts.size(), "pairs that occur, no zero cells");
    }

    @Test
    void findsTheCaersPairsOfProcessRaw() {
        List<DrugEventCount> pairs = CaersTable.pairs();
        // openEBGM 0.9.1: nrow(processRaw(caers)) = 17,189; E of two pairs as printed by processRaw
        assertEquals(17_189, pairs.size());
        DrugEventCount reumofan = find(pairs, "REUMOFAN PLUS", "WEIGHT INCREASED");
        assertEquals(16, reumofan.actual());
        assertEquals(0.40643623, reumofan.expected(), 5e-9);
        DrugEventCount phenylalanine = find(pairs, "1-PHENYLALANINE", "HEART RATE INCREASED");
        assertEquals(1, phenylalanine.actual());
        assertEquals(0.0360548272, phenylalanine.expected(), 5e-11);
    }

    private static void assertToyCounts(String variant, Function<List<String>, CaseLine> toLine) {
        List<CaseLine> lines = new ArrayList<>();
        for (List<String> row : CaersTable.readCsv(resource(TOY + "input.csv"), "var1", "var2", "strat1", "strat2",
                "id")) {
            lines.add(toLine.apply(row));
        }
        List<DrugEventCount> counts = ReferenceCounts.countIncludingZeroCells(lines);

        List<List<String>> expected = new ArrayList<>();
        for (List<String> row : CaersTable.readCsv(resource(TOY + "expected.csv"), "var1", "var2", "N", "E", "RR",
                "PRR", "variant")) {
            if (row.get(6).equals(variant)) {
                expected.add(row);
            }
        }
        assertEquals(expected.size(), counts.size(), variant + ": number of product x event cells");
        for (List<String> row : expected) {
            DrugEventCount count = find(counts, row.get(0), row.get(1));
            String cell = variant + " " + row.get(0) + " x " + row.get(1);
            assertEquals(Integer.parseInt(row.get(2)), count.actual(), cell + ": N");
            assertEquals(Double.parseDouble(row.get(3)), count.expected(), 1e-12, cell + ": E");
        }
    }

    private static DrugEventCount find(List<DrugEventCount> counts, String drug, String event) {
        return counts.stream()
                .filter(c -> c.drug().equals(drug) && c.event().equals(event))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pair " + drug + " x " + event));
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReferenceCountsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
