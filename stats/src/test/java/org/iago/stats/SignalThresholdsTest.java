package org.iago.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SignalThresholds}: the shipped rules, and the optional FDR rules of the rules file. */
class SignalThresholdsTest {

    @TempDir
    Path work;

    @Test
    void theShippedRulesDecideByThresholds() throws IOException {
        SignalThresholds rules = SignalThresholds.load(Path.of("..", "conf", "iago.yaml"));
        for (String method : new String[] {"prr", "ror", "ic", "ebgm", "llr"}) {
            assertEquals(Optional.empty(), rules.maxFdr(method), method);
        }
    }

    @Test
    void aMethodListedUnderFdrDecidesByIt() throws IOException {
        SignalThresholds rules = load("fdr: {ebgm: 0.05, ror: 0.1}");
        assertEquals(Optional.of(0.05), rules.maxFdr("ebgm"));
        assertEquals(Optional.empty(), rules.maxFdr("ic"));
        assertTrue(rules.signalAtFdr("ebgm", 1, 0.05));
        assertTrue(!rules.signalAtFdr("ror", 2, 0.01), "the ROR still needs 3 reports");
        assertTrue(!rules.signalAtFdr("ebgm", 5, Double.NaN), "no evidence never flags");
        JsonMappingException wrong = assertThrows(JsonMappingException.class, () -> load("fdr: {ebgm: 5}"));
        assertTrue(wrong.getMessage().contains("(0, 1)"), wrong.getMessage());
    }

    private SignalThresholds load(String fdr) throws IOException {
        String shipped = Files.readString(Path.of("..", "conf", "iago.yaml")).replace("fdr: {}", fdr);
        return SignalThresholds.load(Files.writeString(work.resolve("iago.yaml"), shipped));
    }
}
